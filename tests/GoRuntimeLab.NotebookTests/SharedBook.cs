namespace GoRuntimeLab.NotebookTests;

/// <summary>Tests that read <see cref="ExecutedBook"/>: the book is built once for all of them.</summary>
[CollectionDefinition(Name)]
public sealed class SharedBook : ICollectionFixture<ExecutedBook>
{
    public const string Name = "executed book";
}
