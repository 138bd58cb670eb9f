namespace GoRuntimeLab.Labs;

/// <summary>One line of a hackathon scoreboard: a team's score at one check.</summary>
public sealed record LabBoardEntry(string Team, DateTimeOffset Time, int Score, int Max);
