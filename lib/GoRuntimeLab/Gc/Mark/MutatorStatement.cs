// Mirrors: the Go statements that move pointers — loads (no barrier; Go has no read barrier), stores to stack
// locals (no barrier), stores to globals and heap fields (write barrier, mbarrier.go), new (mallocgc), Go 1.8–1.23.
// Simplified: a tiny language `lhs = rhs` with lhs ∈ {x, x.f} and rhs ∈ {nil, new, y, y.f}.
namespace GoRuntimeLab.Gc.Mark;

/// <summary>One parsed mutator statement such as <c>a.next = c</c>, <c>c = b.next</c>, <c>x = new</c> or <c>g = nil</c>.
/// Names resolve to the running goroutine's locals first, then to globals; assigning an unknown plain name creates a local.</summary>
/// <param name="Text">The statement as written.</param>
/// <param name="Target">The variable assigned (x), or whose pointee's field is assigned (x in x.f).</param>
/// <param name="TargetField">The field in <c>x.f = …</c>; null when a variable is assigned.</param>
/// <param name="Value">What is assigned.</param>
/// <param name="Source">The variable read (y or y in y.f), for <see cref="MutatorValue.Variable"/> and <see cref="MutatorValue.Field"/>.</param>
/// <param name="SourceField">The field read in <c>… = y.f</c>.</param>
public sealed record MutatorStatement(string Text, string Target, string? TargetField, MutatorValue Value, string? Source, string? SourceField)
{
    /// <summary>Parses one statement; a syntax error throws <see cref="KitInputException"/> quoting it.</summary>
    public static MutatorStatement Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) throw KitInputException.For("empty statement", parameter: "statement");
        var parts = text.Split('=');
        if (parts.Length != 2) throw Bad(text, "expected exactly one '='");
        var (target, targetField) = Place(parts[0].Trim(), text);
        var rhs = parts[1].Trim();
        if (rhs is "nil") return new(text.Trim(), target, targetField, MutatorValue.Nil, null, null);
        if (rhs is "new" or "new()") return new(text.Trim(), target, targetField, MutatorValue.New, null, null);
        var (source, sourceField) = Place(rhs, text);
        return new(text.Trim(), target, targetField, sourceField is null ? MutatorValue.Variable : MutatorValue.Field, source, sourceField);
    }

    private static (string Name, string? Field) Place(string s, string text)
    {
        var dot = s.Split('.');
        if (dot.Length > 2) throw Bad(text, $"\"{s}\": one field access at most (write x.f)");
        if (!ObjectGraphBuilder.IsIdentifier(dot[0])) throw Bad(text, $"\"{dot[0]}\" is not a variable name");
        if (dot.Length == 2 && !ObjectGraphBuilder.IsIdentifier(dot[1])) throw Bad(text, $"\"{dot[1]}\" is not a field name");
        return (dot[0], dot.Length == 2 ? dot[1] : null);
    }

    private static KitInputException Bad(string text, string why) =>
        KitInputException.For($"\"{text}\": {why} (statements look like a.next = c, c = b.next, x = new, g = nil)", parameter: "statement");

    public override string ToString() => Text;
}
