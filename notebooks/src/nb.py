"""Notebook builder for the course: chapter sources (plain Python calling md()/code()) -> nbformat 4.5 .ipynb.

Cell ids are derived from the notebook path, the cell's index and kind, so regenerating an unchanged source gives a
byte-identical notebook (reviewable diffs, no churn). Notebooks are written without outputs (ARCHITECTURE.md §4).
"""
import hashlib
import json

_cells = []


def md(source):
    """Adds a markdown cell (Simplified Chinese narrative)."""
    _cells.append(("md", source))


def code(source):
    """Adds a C# code cell (short calls into the library)."""
    _cells.append(("code", source))


def lab(lab_id, placeholder="null", note="把 null 换成你的答案"):
    """Adds the cell of one lab (lib/GoRuntimeLab/Labs): its question card, then the check of the learner's answer.
    The notebook never holds the answer: the library computes it (golab lab list shows every lab)."""
    _cells.append(("code", f"""display(Lab.Show("{lab_id}"));
Lab.Check("{lab_id}", answer: {placeholder})   // {note}；卡住时运行 Lab.Hint("{lab_id}")"""))


def take():
    """Returns the cells collected so far and starts a new notebook."""
    global _cells
    cells, _cells = _cells, []
    return cells


def build(cells, path, name):
    out = []
    for i, (kind, src) in enumerate(cells):
        cid = hashlib.sha1(f"{name}:{i}:{kind}".encode()).hexdigest()[:8]
        lines = src.strip("\n").split("\n")
        source = [l + "\n" for l in lines[:-1]] + [lines[-1]]
        if kind == "md":
            out.append({"cell_type": "markdown", "id": cid, "metadata": {}, "source": source})
        else:
            out.append({"cell_type": "code", "id": cid, "execution_count": None,
                        "metadata": {"dotnet_interactive": {"language": "csharp"},
                                     "polyglot_notebook": {"kernelName": "csharp"}},
                        "outputs": [], "source": source})
    nb = {"cells": out, "metadata": {
        "kernelspec": {"display_name": "C# (GoRuntimeLab)", "language": "C#", "name": "golab-csharp"},
        "language_info": {"file_extension": ".cs", "mimetype": "text/x-csharp", "name": "C#",
                          "pygments_lexer": "csharp", "version": "13.0"},
        "polyglot_notebook": {"kernelInfo": {"defaultKernelName": "csharp",
                                             "items": [{"aliases": [], "languageName": "csharp", "name": "csharp"}]}}},
        "nbformat": 4, "nbformat_minor": 5}
    with open(path, "w", encoding="utf-8") as f:
        json.dump(nb, f, ensure_ascii=False, indent=1)
        f.write("\n")
