// elfdump prints, as TSV, the facts golab's binary reader (lib/GoRuntimeLab/Binaries) reads from an executable, using
// Go's own debug/elf, debug/pe and debug/buildinfo: the oracle of the kit's reader.
//
// Usage: go run . FILE...   (one block per file; each line "key<TAB>value...")
package main

import (
	"debug/buildinfo"
	"debug/elf"
	"debug/pe"
	"fmt"
	"os"
	"strings"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: elfdump FILE...")
		os.Exit(2)
	}
	for _, name := range os.Args[1:] {
		if err := dump(name); err != nil {
			fmt.Fprintf(os.Stderr, "elfdump: %s: %v\n", name, err)
			os.Exit(1)
		}
	}
}

func dump(name string) error {
	fi, err := os.Stat(name)
	if err != nil {
		return err
	}
	fmt.Printf("file\t%s\n", name)
	fmt.Printf("size\t%d\n", fi.Size())
	if f, err := elf.Open(name); err == nil {
		defer f.Close()
		dumpELF(f)
	} else if p, err2 := pe.Open(name); err2 == nil {
		defer p.Close()
		dumpPE(p)
	} else {
		return fmt.Errorf("neither ELF (%v) nor PE (%v)", err, err2)
	}
	if bi, err := buildinfo.ReadFile(name); err == nil {
		fmt.Printf("goversion\t%s\n", bi.GoVersion)
		fmt.Printf("path\t%s\n", bi.Path)
		for _, s := range bi.Settings {
			fmt.Printf("setting\t%s\t%s\n", s.Key, s.Value)
		}
	} else {
		fmt.Printf("goversion\t\n")
	}
	fmt.Println("end")
	return nil
}

func dumpELF(f *elf.File) {
	fmt.Printf("format\telf\n")
	fmt.Printf("class\t%d\t%s\n", int(f.Class), f.Class)
	fmt.Printf("data\t%d\t%s\n", int(f.Data), f.Data)
	fmt.Printf("type\t%d\t%s\n", int(f.Type), f.Type)
	fmt.Printf("machine\t%d\t%s\n", int(f.Machine), f.Machine)
	interp, dynamic := "", false
	for _, p := range f.Progs {
		fmt.Printf("prog\t%d\t%s\t%d\t%d\n", int(p.Type), p.Type, p.Filesz, p.Memsz)
		switch p.Type {
		case elf.PT_INTERP:
			b := make([]byte, p.Filesz)
			if _, err := p.ReadAt(b, 0); err == nil {
				interp = strings.TrimRight(string(b), "\x00")
			}
			dynamic = true
		case elf.PT_DYNAMIC:
			dynamic = true
		}
	}
	fmt.Printf("interp\t%s\n", interp)
	fmt.Printf("dynamic\t%t\n", dynamic)
	for _, s := range f.Sections {
		if s.Type == elf.SHT_NULL {
			continue
		}
		// Size is the uncompressed size of a SHF_COMPRESSED section (debug/elf reads its Chdr); FileSize the bytes in the file.
		fmt.Printf("section\t%s\t%d\t%s\t%d\t%d\t%d\n", s.Name, int(s.Type), s.Type, s.Size, s.FileSize, uint64(s.Flags))
	}
}

func dumpPE(f *pe.File) {
	fmt.Printf("format\tpe\n")
	fmt.Printf("machine\t%d\n", f.Machine)
	fmt.Printf("characteristics\t%d\n", f.Characteristics)
	switch oh := f.OptionalHeader.(type) {
	case *pe.OptionalHeader32:
		fmt.Printf("magic\t%d\nsubsystem\t%d\n", oh.Magic, oh.Subsystem)
	case *pe.OptionalHeader64:
		fmt.Printf("magic\t%d\nsubsystem\t%d\n", oh.Magic, oh.Subsystem)
	}
	dynamic := false
	for _, s := range f.Sections {
		if s.Name == ".idata" {
			dynamic = true
		}
		fmt.Printf("section\t%s\t%d\t%d\t%d\n", s.Name, s.Characteristics, s.Size, s.VirtualSize)
	}
	fmt.Printf("dynamic\t%t\n", dynamic)
	fmt.Printf("symbols\t%d\n", len(f.Symbols))
}
