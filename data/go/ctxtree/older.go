//go:build !go1.21

package main

import (
	"context"
	"fmt"
	"runtime"
)

func goVersion() string { return runtime.Version() }

// causeText: context.Cause does not exist before Go 1.20 (and this program uses 1.21's kinds together).
func causeText(ctx context.Context) string { return "" }

func buildNewer(n *node, parent context.Context) error {
	return fmt.Errorf("kind %q needs Go 1.20 or 1.21 (this is %s)", n.spec.Kind, runtime.Version())
}
