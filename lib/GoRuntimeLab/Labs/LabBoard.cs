// Mirrors: nothing in Go; the hackathon scoreboard of golab lab check --board (issue 14).
using System.Globalization;
using System.Text;
using System.Text.Json;
using GoRuntimeLab.IO;

namespace GoRuntimeLab.Labs;

/// <summary>
/// A scoreboard file: one JSON line per check, {"team","time","score","max"}. <see cref="Append"/> holds the file
/// exclusively (FileShare.None: an flock on Unix, a sharing lock on Windows) while it reads, validates and appends,
/// retrying while another writer holds it, so concurrent writers never interleave or corrupt a line. A malformed
/// board is reported (file:line) and left untouched.
/// </summary>
public static class LabBoard
{
    public static readonly KitReadLimits Limits = new("scoreboard", 16L << 20);

    /// <summary>How long <see cref="Append"/> waits for another writer before giving up.</summary>
    public static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Appends <paramref name="entry"/> to the board at <paramref name="path"/> (created if missing).</summary>
    /// <exception cref="KitInputException">Bad team name, a malformed board (nothing is written), or the lock not obtained in time.</exception>
    public static void Append(string path, LabBoardEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (string.IsNullOrWhiteSpace(path)) throw KitInputException.For("no scoreboard file given", parameter: "board");
        CheckTeam(entry.Team);
        if (entry.Score < 0 || entry.Max < entry.Score) throw KitInputException.For($"score {entry.Score} of {entry.Max} is not a score", parameter: "score");
        if (Directory.Exists(path)) throw KitInputException.For("is a folder; expected a scoreboard file", parameter: "board", file: path);
        var line = Encoding.UTF8.GetBytes(Line(entry) + "\n");
        var deadline = DateTime.UtcNow + LockTimeout;
        var delay = 5;
        while (true)
        {
            FileStream stream;
            try
            {
                stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 4096, FileOptions.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline && File.Exists(path))
            {
                Thread.Sleep(delay + Random.Shared.Next(delay));
                delay = Math.Min(delay * 2, 200);
                continue;
            }
            catch (IOException e)
            {
                throw KitInputException.For($"cannot open the scoreboard for writing: {e.Message}", parameter: "board", file: path);
            }
            using (stream)
            {
                if (stream.Length > Limits.MaxBytes) throw KitInputException.For($"the scoreboard is larger than {KitReadLimits.Size(Limits.MaxBytes)}", parameter: "board", file: path);
                var existing = new byte[stream.Length];
                stream.ReadExactly(existing);
                Parse(Encoding.UTF8.GetString(existing), path);
                stream.Seek(0, SeekOrigin.End);
                // A board whose last line lacks its newline (written by hand) gets one first, so lines never merge.
                if (existing.Length > 0 && existing[^1] != (byte)'\n') stream.WriteByte((byte)'\n');
                stream.Write(line);
                stream.Flush(flushToDisk: true);
            }
            return;
        }
    }

    /// <summary>Reads the board at <paramref name="path"/>.</summary>
    public static IReadOnlyList<LabBoardEntry> Read(string path) => Parse(KitFile.ReadAllText(path, Limits, "board"), path);

    /// <summary>The teams by best score (ties: who reached it first), then name.</summary>
    public static IReadOnlyList<LabRanking> Rank(IReadOnlyList<LabBoardEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var best = entries.GroupBy(e => e.Team, StringComparer.Ordinal)
            .Select(g => (Team: g.Key, Best: g.OrderByDescending(e => e.Score).ThenBy(e => e.Time).First(), Checks: g.Count()))
            .OrderByDescending(t => t.Best.Score).ThenBy(t => t.Best.Time).ThenBy(t => t.Team, StringComparer.Ordinal).ToList();
        return best.Select((t, i) => new LabRanking(i + 1, t.Team, t.Best.Score, t.Best.Max, t.Checks, t.Best.Time)).ToList();
    }

    /// <summary>Parses board text; <paramref name="source"/> names it in errors ("file:line: …").</summary>
    public static IReadOnlyList<LabBoardEntry> Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var entries = new List<LabBoardEntry>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var raw = lines[i].TrimEnd('\r');
            if (raw.Trim().Length == 0) continue;
            entries.Add(ParseLine(raw) ?? throw KitInputException.For(
                "not a scoreboard line {\"team\",\"time\",\"score\",\"max\"}; the board is left as it is — fix or move it", parameter: "board", file: source, line: i + 1));
        }
        return entries;
    }

    private static LabBoardEntry? ParseLine(string line)
    {
        try
        {
            using var doc = JsonDocument.Parse(line);
            var r = doc.RootElement;
            if (r.ValueKind != JsonValueKind.Object) return null;
            if (!r.TryGetProperty("team", out var team) || team.ValueKind != JsonValueKind.String || !ValidTeam(team.GetString()!)) return null;
            if (!r.TryGetProperty("time", out var time) || time.ValueKind != JsonValueKind.String
                || !DateTimeOffset.TryParse(time.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)) return null;
            if (!r.TryGetProperty("score", out var score) || !score.TryGetInt32(out var s) || s < 0) return null;
            if (!r.TryGetProperty("max", out var max) || !max.TryGetInt32(out var m) || m < s) return null;
            return new LabBoardEntry(team.GetString()!, at, s, m);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Line(LabBoardEntry e)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteString("team", e.Team);
            w.WriteString("time", e.Time.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
            w.WriteNumber("score", e.Score);
            w.WriteNumber("max", e.Max);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void CheckTeam(string team)
    {
        if (!ValidTeam(team)) throw KitInputException.For("a team name is 1–64 characters, no control characters, not blank", parameter: "team");
    }

    private static bool ValidTeam(string team) =>
        team.Trim().Length > 0 && team.Length <= 64 && !team.Any(char.IsControl);
}
