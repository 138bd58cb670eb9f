namespace GoRuntimeLab.Labs;

/// <summary>A team's place on the scoreboard: its best score (the earliest check that reached it breaks ties) and how
/// many checks it made.</summary>
public sealed record LabRanking(int Rank, string Team, int Score, int Max, int Checks, DateTimeOffset Time);
