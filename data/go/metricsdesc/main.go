// Command metricsdesc extracts the metric descriptions from a Go release's
// src/runtime/metrics/description.go (the allDesc table) without compiling it,
// so one Go toolchain can read the table of every release.
//
// Usage (from the repository root):
//
//	cd data/go/metricsdesc && go run . <path to description.go> > ../../oracles/metrics/descriptions-go1.NN.json
//
// The output is a JSON array of {"name","kind","cumulative","description"} in
// the table's order; kind is "uint64", "float64" or "float64Histogram".
// The /godebug/non-default-behavior/* counters that Go 1.21+ add in init()
// from internal/godebugs are not part of the table and are not printed.
package main

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"strconv"
)

type desc struct {
	Name        string `json:"name"`
	Kind        string `json:"kind"`
	Cumulative  bool   `json:"cumulative"`
	Description string `json:"description"`
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: metricsdesc path/to/runtime/metrics/description.go")
		os.Exit(2)
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, os.Args[1], nil, 0)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	var table *ast.CompositeLit
	ast.Inspect(f, func(n ast.Node) bool {
		vs, ok := n.(*ast.ValueSpec)
		if !ok || len(vs.Names) != 1 || vs.Names[0].Name != "allDesc" || len(vs.Values) != 1 {
			return true
		}
		table, _ = vs.Values[0].(*ast.CompositeLit)
		return false
	})
	if table == nil {
		fail(fset, f.Pos(), "no allDesc table")
	}
	out := []desc{}
	for _, elt := range table.Elts {
		lit, ok := elt.(*ast.CompositeLit)
		if !ok {
			fail(fset, elt.Pos(), "table element is not a composite literal")
		}
		var d desc
		for _, field := range lit.Elts {
			kv, ok := field.(*ast.KeyValueExpr)
			if !ok {
				fail(fset, field.Pos(), "unkeyed field")
			}
			key := kv.Key.(*ast.Ident).Name
			switch key {
			case "Name":
				d.Name = str(fset, kv.Value)
			case "Description":
				d.Description = str(fset, kv.Value)
			case "Kind":
				switch id := kv.Value.(*ast.Ident).Name; id {
				case "KindUint64":
					d.Kind = "uint64"
				case "KindFloat64":
					d.Kind = "float64"
				case "KindFloat64Histogram":
					d.Kind = "float64Histogram"
				default:
					fail(fset, kv.Value.Pos(), "unknown kind "+id)
				}
			case "Cumulative":
				d.Cumulative = kv.Value.(*ast.Ident).Name == "true"
			case "Deprecated":
				// Not in any release modelled here; refuse rather than drop it silently.
				fail(fset, kv.Pos(), "field Deprecated is not handled")
			default:
				fail(fset, kv.Pos(), "unknown field "+key)
			}
		}
		out = append(out, d)
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// str evaluates a string literal or a + concatenation of string literals.
func str(fset *token.FileSet, e ast.Expr) string {
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind != token.STRING {
			fail(fset, e.Pos(), "not a string literal")
		}
		s, err := strconv.Unquote(e.Value)
		if err != nil {
			fail(fset, e.Pos(), err.Error())
		}
		return s
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			fail(fset, e.Pos(), "unexpected operator")
		}
		return str(fset, e.X) + str(fset, e.Y)
	case *ast.ParenExpr:
		return str(fset, e.X)
	}
	fail(fset, e.Pos(), "unexpected expression")
	return ""
}

func fail(fset *token.FileSet, pos token.Pos, msg string) {
	p := fset.Position(pos)
	fmt.Fprintf(os.Stderr, "line %d: %s\n", p.Line, msg)
	os.Exit(1)
}
