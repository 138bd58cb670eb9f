// ctxtree builds a tree of contexts from a JSON description, runs a script of cancellations against the real
// clock, and at each "check" step prints one JSON line: every context's Done state, Err, Cause (Go 1.20+) and
// Deadline (ms after the start), and which AfterFunc callbacks (Go 1.21+) have run.
//
//	go run . -tree tree-basic.json
//
// Kinds: background, cancel (WithCancel), timeout (WithTimeout, ms after its creation), deadline (WithDeadline,
// ms after the start), and with Go 1.20+: cancelCause; with Go 1.21+: timeoutCause, deadlineCause,
// withoutCancel, afterFunc (a callback registered on the parent, not a context).
// Steps: {"at": ms, "do": "check" | "cancel" | "stop" | "create", "node": name, "cause": text}.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"sort"
	"sync"
	"time"
)

type nodeSpec struct {
	Name     string `json:"name"`
	Parent   string `json:"parent"`
	Kind     string `json:"kind"`
	Ms       int    `json:"ms"`
	Cause    string `json:"cause"`
	CreateAt int    `json:"createAt"`
}

type stepSpec struct {
	At    int    `json:"at"`
	Do    string `json:"do"`
	Node  string `json:"node"`
	Cause string `json:"cause"`
}

type treeSpec struct {
	Nodes []nodeSpec `json:"nodes"`
	Steps []stepSpec `json:"steps"`
}

type nodeState struct {
	Name       string `json:"name"`
	Done       bool   `json:"done"`
	Err        string `json:"err"`
	Cause      string `json:"cause"`
	DeadlineMs int64  `json:"deadlineMs"` // -1: none
}

type checkLine struct {
	At         int             `json:"at"`
	Nodes      []nodeState     `json:"nodes"`
	AfterFuncs map[string]bool `json:"afterFuncs"`
	Stopped    map[string]bool `json:"stopped,omitempty"`
	Go         string          `json:"go"`
}

// The real tree.
type node struct {
	spec        nodeSpec
	ctx         context.Context
	cancel      context.CancelFunc
	cancelCause func(error)
	stop        func() bool
}

var (
	mu      sync.Mutex
	ran     = map[string]bool{}
	stopped = map[string]bool{}
	start   time.Time
)

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// build creates one node; the version-specific kinds are in newer.go (go1.21) or older.go.
func build(n *node, parent context.Context) error {
	switch n.spec.Kind {
	case "background":
		n.ctx = context.Background()
	case "cancel":
		n.ctx, n.cancel = context.WithCancel(parent)
	case "timeout":
		n.ctx, n.cancel = context.WithTimeout(parent, time.Duration(n.spec.Ms)*time.Millisecond)
	case "deadline":
		n.ctx, n.cancel = context.WithDeadline(parent, start.Add(time.Duration(n.spec.Ms)*time.Millisecond))
	default:
		return buildNewer(n, parent)
	}
	return nil
}

func main() {
	treeFile := flag.String("tree", "tree-basic.json", "tree description (JSON)")
	flag.Parse()
	data, err := os.ReadFile(*treeFile)
	if err != nil {
		fmt.Fprintln(os.Stderr, "ctxtree:", err)
		os.Exit(2)
	}
	var spec treeSpec
	if err := json.Unmarshal(data, &spec); err != nil {
		fmt.Fprintln(os.Stderr, "ctxtree:", err)
		os.Exit(2)
	}
	nodes := map[string]*node{}
	var order []*node
	for _, s := range spec.Nodes {
		n := &node{spec: s}
		nodes[s.Name] = n
		order = append(order, n)
	}
	start = time.Now()
	create := func(n *node) {
		var parent context.Context
		if n.spec.Parent != "" {
			p, ok := nodes[n.spec.Parent]
			if !ok || p.ctx == nil {
				fmt.Fprintf(os.Stderr, "ctxtree: %s: parent %q not created yet\n", n.spec.Name, n.spec.Parent)
				os.Exit(2)
			}
			parent = p.ctx
		}
		if err := build(n, parent); err != nil {
			fmt.Fprintf(os.Stderr, "ctxtree: %s: %v\n", n.spec.Name, err)
			os.Exit(2)
		}
	}
	for _, n := range order {
		if n.spec.CreateAt == 0 {
			create(n)
		}
	}
	enc := json.NewEncoder(os.Stdout)
	for _, st := range spec.Steps {
		if d := time.Until(start.Add(time.Duration(st.At) * time.Millisecond)); d > 0 {
			time.Sleep(d)
		}
		n := nodes[st.Node]
		if st.Do != "check" && n == nil {
			fmt.Fprintf(os.Stderr, "ctxtree: step at %d: no node %q\n", st.At, st.Node)
			os.Exit(2)
		}
		switch st.Do {
		case "create":
			create(n)
		case "cancel":
			switch {
			case n.cancelCause != nil && st.Cause != "":
				n.cancelCause(errors.New(st.Cause))
			case n.cancelCause != nil:
				n.cancelCause(nil)
			case n.cancel != nil:
				n.cancel()
			default:
				fmt.Fprintf(os.Stderr, "ctxtree: %s cannot be canceled\n", n.spec.Name)
				os.Exit(2)
			}
		case "stop":
			r := n.stop()
			mu.Lock()
			stopped[n.spec.Name] = r
			mu.Unlock()
		case "check":
			line := checkLine{At: st.At, AfterFuncs: map[string]bool{}, Stopped: map[string]bool{}, Go: goVersion()}
			for _, m := range order {
				if m.spec.Kind == "afterFunc" {
					continue
				}
				s := nodeState{Name: m.spec.Name, DeadlineMs: -1}
				if m.ctx == nil {
					s.Err = "not created"
					line.Nodes = append(line.Nodes, s)
					continue
				}
				select {
				case <-m.ctx.Done():
					s.Done = true
				default:
				}
				s.Err = errText(m.ctx.Err())
				s.Cause = causeText(m.ctx)
				if d, ok := m.ctx.Deadline(); ok {
					s.DeadlineMs = d.Sub(start).Round(time.Millisecond).Milliseconds()
				}
				line.Nodes = append(line.Nodes, s)
			}
			mu.Lock()
			names := make([]string, 0, len(ran))
			for k := range ran {
				names = append(names, k)
			}
			sort.Strings(names)
			for _, m := range order {
				if m.spec.Kind == "afterFunc" && m.stop != nil {
					line.AfterFuncs[m.spec.Name] = ran[m.spec.Name]
				}
			}
			for k, v := range stopped {
				line.Stopped[k] = v
			}
			mu.Unlock()
			enc.Encode(line)
		default:
			fmt.Fprintf(os.Stderr, "ctxtree: unknown step %q\n", st.Do)
			os.Exit(2)
		}
	}
}
