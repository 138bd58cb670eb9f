// Mirrors: cmd/go/internal/search IsStandardImportPath (Go 1.19-1.23: a standard import path has no dot in its
// first element), applied to the package path of a function name as the runtime symbolizes it
// (runtime/symtab.go funcname: "net/http.(*persistConn).readLoop", "main.worker").
namespace GoRuntimeLab.Leaks;

/// <summary>The package of a Go function name, and whether it is the standard library.</summary>
internal static class GoFunctionName
{
    /// <summary>"net/http" for "net/http.(*persistConn).readLoop", "main" for "main.worker.func1".</summary>
    public static string Package(string function)
    {
        var slash = function.LastIndexOf('/');
        var dot = function.IndexOf('.', slash + 1);
        return dot < 0 ? function : function[..dot];
    }

    /// <summary>
    /// True for the standard library and the runtime: the package's first path element has no dot, and it is not
    /// "main" (a program's own package). Simplified: a module whose path has no dot (e.g. "golab/x") also counts as
    /// standard here, except for its package main.
    /// </summary>
    public static bool IsStandardLibrary(string function)
    {
        var pkg = Package(function);
        if (pkg == "main" || pkg.Length == 0) return false;
        var slash = pkg.IndexOf('/');
        var first = slash < 0 ? pkg : pkg[..slash];
        return !first.Contains('.', StringComparison.Ordinal);
    }

    /// <summary>True for package runtime itself (not runtime/pprof etc.).</summary>
    public static bool IsRuntime(string function) => Package(function) == "runtime";
}
