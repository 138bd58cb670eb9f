namespace GoRuntimeLab.Labs;

/// <summary>How one lab was judged.</summary>
public enum LabStatus
{
    NotAnswered,
    Right,
    Wrong,
}
