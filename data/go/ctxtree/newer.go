//go:build go1.21

package main

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"time"
)

func goVersion() string { return runtime.Version() }

// causeText is context.Cause (Go 1.20+): the cause of the first canceled context on the way up, or "".
func causeText(ctx context.Context) string { return errText(context.Cause(ctx)) }

func buildNewer(n *node, parent context.Context) error {
	cause := errors.New(n.spec.Cause)
	switch n.spec.Kind {
	case "cancelCause":
		var c context.CancelCauseFunc
		n.ctx, c = context.WithCancelCause(parent)
		n.cancelCause = c
	case "timeoutCause":
		n.ctx, n.cancel = context.WithTimeoutCause(parent, time.Duration(n.spec.Ms)*time.Millisecond, cause)
	case "deadlineCause":
		n.ctx, n.cancel = context.WithDeadlineCause(parent, start.Add(time.Duration(n.spec.Ms)*time.Millisecond), cause)
	case "withoutCancel":
		n.ctx = context.WithoutCancel(parent)
	case "afterFunc":
		name := n.spec.Name
		n.stop = context.AfterFunc(parent, func() {
			mu.Lock()
			ran[name] = true
			mu.Unlock()
		})
	default:
		return fmt.Errorf("unknown kind %q", n.spec.Kind)
	}
	return nil
}
