namespace GoRuntimeLab.Binaries;

/// <summary>Lines of <c>go build -gcflags=-m</c> for one build: functions the compiler can inline, call sites it inlined.</summary>
/// <param name="Program">hello or httpsvc.</param>
/// <param name="FlagSet">The flag set (data/go/buildmatrix/record.sh).</param>
/// <param name="Scope">"main" (the main package) or "all" (every package, -gcflags=all=-m).</param>
/// <param name="CanInline">"can inline" lines.</param>
/// <param name="InliningCalls">"inlining call to" lines.</param>
public sealed record InliningCount(string Program, string FlagSet, string Scope, int CanInline, int InliningCalls);
