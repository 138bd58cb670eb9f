namespace GoRuntimeLab.Labs;

/// <summary>What a lab's checker decided about an answer: right or not, and a detail (Chinese) to show with it.
/// A right answer's detail may explain the answer; a wrong answer's detail must not give it away.</summary>
public sealed record LabVerdict(bool Ok, string Detail)
{
    public static LabVerdict Right(string detail = "") => new(true, detail);

    public static LabVerdict Wrong(string detail = "") => new(false, detail);
}
