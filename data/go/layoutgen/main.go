// Command layoutgen writes random Go struct declarations (seeded) and records what the real Go compiler makes of
// them on amd64, 386, arm64 and arm, without running anything: it compiles the declarations with a table
//
//	var layout = [...]uint32{uint32(unsafe.Sizeof(v0)), uint32(unsafe.Alignof(v0)), uint32(unsafe.Offsetof(v0.f0)), ...}
//
// using `go tool compile -S` under each GOARCH and reads the table's bytes from the static data the compiler prints
// (the symbol <pkg>.layout, SNOPTRDATA). golab layout must give the same numbers (tests/GoRuntimeLab.Tests/Layouts).
//
// Usage: go run . -seed 1 -n 120 -out ../../recordings/layout
// writes structs.go (the declarations golab reads) and compiler-<go version>.txt (the compiler's answers).
package main

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"flag"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
)

var arches = []string{"amd64", "386", "arm64", "arm"}

type field struct {
	names    []string
	typ      string
	embedded bool
}

type decl struct {
	name   string
	typ    string   // the type expression (for a struct: "struct{...}" built from fields)
	fields []string // top-level field names, in order (structs only)
	text   string   // the declaration as written
}

type gen struct {
	r     *rand.Rand
	decls []decl
}

var basics = []string{
	"bool", "int8", "uint8", "byte", "int16", "uint16", "int32", "uint32", "rune", "int64", "uint64",
	"int", "uint", "uintptr", "float32", "float64", "complex64", "complex128", "string", "error",
}

// typ returns a random type expression; depth bounds nesting, self is the type being declared (only behind a pointer).
func (g *gen) typ(depth int, self string) string {
	r := g.r
	switch k := r.Intn(100); {
	case k < 40:
		return basics[r.Intn(len(basics))]
	case k < 44:
		return "unsafe.Pointer"
	case k < 50:
		if self != "" && r.Intn(3) == 0 {
			return "*" + self
		}
		return "*" + g.typ(depth+1, self)
	case k < 54:
		return "[]" + g.typ(depth+1, self)
	case k < 57:
		return "map[" + basics[r.Intn(len(basics))] + "]" + g.typ(depth+1, self)
	case k < 60:
		return []string{"chan ", "<-chan ", "chan<- "}[r.Intn(3)] + g.typ(depth+1, self)
	case k < 62:
		return []string{"func()", "func(int, string) error", "func(x ...int) (int, bool)"}[r.Intn(3)]
	case k < 64:
		return []string{"interface{}", "interface{ M() }", "any"}[r.Intn(3)]
	case k < 76:
		if depth > 2 {
			return basics[r.Intn(len(basics))]
		}
		n := []int{0, 0, 1, 2, 3, 5, 7}[r.Intn(7)]
		return fmt.Sprintf("[%d]%s", n, g.typ(depth+1, self))
	case k < 84:
		if depth > 1 {
			return "struct{}"
		}
		return g.structType(depth+1, self, 0)
	case k < 86:
		return "struct{}"
	default:
		if len(g.decls) == 0 {
			return "int32"
		}
		return g.decls[r.Intn(len(g.decls))].name
	}
}

// zeroSize returns a zero-size type (for trailing-field cases).
func (g *gen) zeroSize(depth int, self string) string {
	switch g.r.Intn(4) {
	case 0:
		return "struct{}"
	case 1:
		return "[0]" + g.typ(depth+1, self)
	case 2:
		return "[3]struct{}"
	default:
		return "[0]int64"
	}
}

func (g *gen) fieldList(depth int, self string, top int) []field {
	r := g.r
	n := r.Intn(6)
	if top > 0 {
		n = 1 + r.Intn(top)
	}
	var fs []field
	idx := 0
	name := func() string { idx++; return fmt.Sprintf("f%d", idx-1) }
	for i := 0; i < n; i++ {
		switch {
		case depth == 0 && len(g.decls) > 0 && r.Intn(12) == 0:
			d := g.decls[r.Intn(len(g.decls))]
			if d.typ == "" && !hasEmbeddedName(fs, d.name) { // embed struct types only (*T of an interface or pointer is invalid)
				prefix := ""
				if r.Intn(2) == 0 {
					prefix = "*"
				}
				fs = append(fs, field{names: []string{d.name}, typ: prefix + d.name, embedded: true})
				continue
			}
			fallthrough
		case r.Intn(8) == 0:
			fs = append(fs, field{names: []string{name(), name()}, typ: g.typ(depth, self)})
		default:
			fs = append(fs, field{names: []string{name()}, typ: g.typ(depth, self)})
		}
	}
	if r.Intn(4) == 0 {
		fs = append(fs, field{names: []string{name()}, typ: g.zeroSize(depth, self)})
	}
	return fs
}

func hasEmbeddedName(fs []field, n string) bool {
	for _, f := range fs {
		if f.embedded && f.names[0] == n {
			return true
		}
	}
	return false
}

func (g *gen) structType(depth int, self string, top int) string {
	fs := g.fieldList(depth, self, top)
	var parts []string
	for _, f := range fs {
		if f.embedded {
			parts = append(parts, f.typ)
		} else {
			parts = append(parts, strings.Join(f.names, ", ")+" "+f.typ)
		}
	}
	return "struct{ " + strings.Join(parts, "; ") + " }"
}

func (g *gen) declare(i int) decl {
	r := g.r
	name := fmt.Sprintf("T%d", i)
	if r.Intn(10) == 0 {
		// A named type that is not a struct.
		t := g.typ(1, "")
		if strings.HasPrefix(t, "struct") {
			t = "[2]" + t
		}
		d := decl{name: name, typ: t, text: fmt.Sprintf("type %s %s\n", name, t)}
		for _, e := range g.decls {
			if e.name == t && e.typ == "" {
				d.fields = e.fields // type T9 T0: the same struct, so the same fields
			}
		}
		return d
	}
	fs := g.fieldList(0, name, 8)
	var b strings.Builder
	fmt.Fprintf(&b, "// %s is generated (layoutgen).\ntype %s struct {\n", name, name)
	var names []string
	for j, f := range fs {
		names = append(names, f.names...)
		if f.embedded {
			fmt.Fprintf(&b, "\t%s", f.typ)
		} else {
			fmt.Fprintf(&b, "\t%s %s", strings.Join(f.names, ", "), f.typ)
		}
		if j%5 == 2 {
			fmt.Fprintf(&b, " `json:\"x%d\"`", j)
		}
		if j%7 == 3 {
			b.WriteString(" // a comment")
		}
		b.WriteString("\n")
	}
	b.WriteString("}\n")
	return decl{name: name, fields: names, text: b.String()}
}

func main() {
	seed := flag.Int64("seed", 1, "random seed")
	n := flag.Int("n", 120, "number of types")
	out := flag.String("out", ".", "output folder")
	flag.Parse()

	g := &gen{r: rand.New(rand.NewSource(*seed))}
	for i := 0; i < *n; i++ {
		g.decls = append(g.decls, g.declare(i))
	}
	var src bytes.Buffer
	fmt.Fprintf(&src, "// Code generated by data/go/layoutgen (go run . -seed %d -n %d); DO NOT EDIT.\n\npackage layoutgen\n\nimport \"unsafe\"\n\n", *seed, *n)
	for _, d := range g.decls {
		src.WriteString(d.text)
		src.WriteString("\n")
	}
	src.WriteString("var _ unsafe.Pointer\n")
	if err := os.WriteFile(filepath.Join(*out, "structs.go"), src.Bytes(), 0o644); err != nil {
		fail(err)
	}

	// The oracle: one uint32 table of sizes, alignments and offsets, compiled (not run) for each GOARCH.
	var tab bytes.Buffer
	tab.WriteString("package layoutgen\n\nimport \"unsafe\"\n\n")
	for i, d := range g.decls {
		fmt.Fprintf(&tab, "var v%d %s\n", i, d.name)
	}
	tab.WriteString("\nvar layout = [...]uint32{\n")
	for i, d := range g.decls {
		fmt.Fprintf(&tab, "\tuint32(unsafe.Sizeof(v%d)), uint32(unsafe.Alignof(v%d)),", i, i)
		for _, f := range d.fields {
			fmt.Fprintf(&tab, " uint32(unsafe.Offsetof(v%d.%s)),", i, f)
		}
		tab.WriteString("\n")
	}
	tab.WriteString("}\n")
	tmp, err := os.MkdirTemp("", "layoutgen")
	if err != nil {
		fail(err)
	}
	defer os.RemoveAll(tmp)
	if err := os.WriteFile(filepath.Join(tmp, "structs.go"), src.Bytes(), 0o644); err != nil {
		fail(err)
	}
	if err := os.WriteFile(filepath.Join(tmp, "oracle.go"), tab.Bytes(), 0o644); err != nil {
		fail(err)
	}

	var rec bytes.Buffer
	fmt.Fprintf(&rec, "# %s: go tool compile -S -p layoutgen (GOARCH below) of structs.go and a table of unsafe.Sizeof, Alignof and Offsetof\n", runtime.Version())
	fmt.Fprintf(&rec, "# (layoutgen -seed %d -n %d). One line per type and GOARCH: arch type size align offsets-of-fields-in-declared-order\n", *seed, *n)
	goTool := filepath.Join(runtime.GOROOT(), "bin", "go")
	for _, arch := range arches {
		cmd := exec.Command(goTool, "tool", "compile", "-S", "-p", "layoutgen", "-o", filepath.Join(tmp, "out.o"), "structs.go", "oracle.go")
		cmd.Dir = tmp
		cmd.Env = append(os.Environ(), "GOARCH="+arch, "GOOS=linux")
		asm, err := cmd.CombinedOutput()
		if err != nil {
			fail(fmt.Errorf("GOARCH=%s go tool compile: %v\n%s", arch, err, asm))
		}
		words := table(asm)
		k := 0
		for _, d := range g.decls {
			fmt.Fprintf(&rec, "%s %s", arch, d.name)
			for j := 0; j < 2+len(d.fields); j++ {
				if k >= len(words) {
					fail(fmt.Errorf("GOARCH=%s: layout table has %d words, expected more", arch, len(words)))
				}
				fmt.Fprintf(&rec, " %d", words[k])
				k++
			}
			rec.WriteString("\n")
		}
		if k != len(words) {
			fail(fmt.Errorf("GOARCH=%s: layout table has %d words, used %d", arch, len(words), k))
		}
	}
	file := filepath.Join(*out, "compiler-"+runtime.Version()+".txt")
	if err := os.WriteFile(file, rec.Bytes(), 0o644); err != nil {
		fail(err)
	}
	fmt.Println("wrote", filepath.Join(*out, "structs.go"), "and", file)
}

// table reads the bytes of the layoutgen.layout symbol from -S output: lines "\t0x0010 08 00 00 00 ...  ascii".
func table(asm []byte) []uint32 {
	var data []byte
	in := false
	for _, line := range strings.Split(string(asm), "\n") {
		if strings.HasPrefix(line, "layoutgen.layout ") || strings.HasPrefix(line, "\"\".layout ") {
			in = true
			continue
		}
		if !in {
			continue
		}
		if !strings.HasPrefix(line, "\t0x") {
			break
		}
		hexPart := strings.SplitN(line[1:], "  ", 2)[0] // "0x0010 08 00 ..."
		fields := strings.Fields(hexPart)[1:]
		b, err := hex.DecodeString(strings.Join(fields, ""))
		if err != nil {
			fail(fmt.Errorf("bad data line %q: %v", line, err))
		}
		data = append(data, b...)
	}
	if len(data) == 0 || len(data)%4 != 0 {
		fail(fmt.Errorf("no layout table in the compiler's output (%d bytes)", len(data)))
	}
	words := make([]uint32, len(data)/4)
	for i := range words {
		words[i] = binary.LittleEndian.Uint32(data[4*i:])
	}
	return words
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "layoutgen:", err)
	os.Exit(1)
}
