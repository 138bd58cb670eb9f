"""Regenerates notebooks/*.ipynb from the sources in this folder: `python3 notebooks/src/build.py`.

`python3 notebooks/src/build.py [--out DIR] [PREFIX]`: PREFIX builds only the chapters whose notebook name starts
with it (e.g. 02); --out writes the notebooks to DIR instead of notebooks/ (the test that the committed .ipynb files
are up to date builds into a temp folder and compares bytes).

A chapter is either one file (ch01.py) or a folder (ch02/) whose section files are executed in name order
(00_intro.py, 10_gc.py, ...), so each section can be edited on its own. Edit the sources, not the .ipynb files.
"""
import argparse
import os
import runpy
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import nb  # noqa: E402

CHAPTERS = {
    "ch01": "01-getting-started",
    "ch02": "02-runtime-internals",
    "ch03": "03-diagnostics",
    "ch04": "04-tuning",
    "ch05": "05-case-studies",
}


def sources(key):
    single = os.path.join(HERE, key + ".py")
    folder = os.path.join(HERE, key)
    if os.path.isfile(single):
        return [single]
    if os.path.isdir(folder):
        return [os.path.join(folder, f) for f in sorted(os.listdir(folder)) if f.endswith(".py")]
    return []


def main(only=None, out=None):
    out = out or os.path.dirname(HERE)
    for key, name in CHAPTERS.items():
        if only and not name.startswith(only):
            continue
        files = sources(key)
        if not files:
            continue
        nb.take()
        for f in files:
            runpy.run_path(f, run_name="__chapter__")
        path = os.path.join(out, name + ".ipynb")
        # Cell ids derive from the notebook's repository-relative path, the cell's index and kind.
        nb.build(nb.take(), path, f"notebooks/{name}.ipynb")
        print(f"wrote {os.path.relpath(path)} from {len(files)} source file(s)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Regenerates notebooks/*.ipynb from notebooks/src.")
    parser.add_argument("only", nargs="?", help="build only chapters whose notebook name starts with this, e.g. 02")
    parser.add_argument("--out", help="write the notebooks to this existing folder instead of notebooks/")
    args = parser.parse_args()
    if args.out is not None and not os.path.isdir(args.out):
        parser.error(f"--out {args.out}: not an existing folder")
    main(args.only, args.out)
