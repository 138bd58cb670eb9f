// Mirrors: what Perfetto's legacy JSON importer and chrome://tracing require of a trace (no overlapping X events on one track).
// Simplified: checks the document shape, required fields per phase, and proper nesting of X slices per (pid, tid).
using System.Globalization;
using System.Text.Json;

namespace GoRuntimeLab.Trace;

/// <summary>Validates a Chrome Trace Event JSON document.</summary>
public static class ChromeTraceValidator
{
    // Timestamps are microseconds as doubles: ts + dur of adjacent slices can differ by rounding; half a nanosecond is "equal".
    private const double Epsilon = 0.0005;

    private static readonly HashSet<string> KnownPhases = ["X", "B", "E", "C", "i", "I", "s", "t", "f", "M", "b", "e", "n"];

    /// <summary>
    /// Every event has name/ph/pid/tid (and ts unless metadata); every X slice has ts and dur ≥ 0; slices on one track
    /// (pid, tid) are properly nested, never partially overlapping; flows have ids.
    /// </summary>
    public static TraceValidationResult Validate(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var problems = new List<string>();
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            return new TraceValidationResult([$"not JSON: {e.Message}"], 0, 0);
        }

        using (doc)
        {
            JsonElement events;
            if (doc.RootElement.ValueKind == JsonValueKind.Array) events = doc.RootElement;
            else if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("traceEvents", out var te) && te.ValueKind == JsonValueKind.Array) events = te;
            else return new TraceValidationResult(["expected an array of events or an object with a \"traceEvents\" array"], 0, 0);

            var slices = new Dictionary<(long Pid, long Tid), List<(double Start, double End, int Index)>>();
            var count = 0;
            var sliceCount = 0;
            foreach (var e in events.EnumerateArray())
            {
                var at = count++;
                string Where() => string.Create(CultureInfo.InvariantCulture, $"event {at}");
                if (e.ValueKind != JsonValueKind.Object) { problems.Add($"{Where()}: not an object"); continue; }
                if (!e.TryGetProperty("ph", out var ph) || ph.ValueKind != JsonValueKind.String) { problems.Add($"{Where()}: missing \"ph\""); continue; }
                var phase = ph.GetString()!;
                if (!KnownPhases.Contains(phase)) problems.Add($"{Where()}: unknown phase \"{phase}\"");
                if (!e.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String) problems.Add($"{Where()}: missing \"name\"");
                var hasPid = TryNumber(e, "pid", out var pid);
                var hasTid = TryNumber(e, "tid", out var tid);
                if (!hasPid) problems.Add($"{Where()}: missing numeric \"pid\"");
                if (!hasTid && phase != "C") problems.Add($"{Where()}: missing numeric \"tid\"");
                if (phase == "M") continue;
                if (!TryNumber(e, "ts", out var ts)) { problems.Add($"{Where()}: missing numeric \"ts\""); continue; }
                if (phase is "s" or "t" or "f" && !e.TryGetProperty("id", out _)) problems.Add($"{Where()}: flow event without \"id\"");
                if (phase != "X") continue;
                sliceCount++;
                if (!TryNumber(e, "dur", out var dur)) { problems.Add($"{Where()}: X slice without numeric \"dur\""); continue; }
                if (dur < 0) { problems.Add($"{Where()}: negative dur"); continue; }
                var key = ((long)pid, (long)tid);
                if (!slices.TryGetValue(key, out var list)) slices[key] = list = [];
                list.Add((ts, ts + dur, at));
            }

            foreach (var ((pid, tid), list) in slices)
            {
                // Sort by start, longer first, then check a stack of open slices: each new slice must end inside its parent.
                list.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
                var open = new Stack<(double Start, double End, int Index)>();
                foreach (var s in list)
                {
                    while (open.Count > 0 && open.Peek().End <= s.Start + Epsilon) open.Pop();
                    if (open.Count > 0 && s.End > open.Peek().End + Epsilon)
                        problems.Add(string.Create(CultureInfo.InvariantCulture,
                            $"pid {pid} tid {tid}: slice (event {s.Index}, {s.Start}–{s.End} µs) overlaps slice (event {open.Peek().Index}, {open.Peek().Start}–{open.Peek().End} µs) without nesting"));
                    open.Push(s);
                }
            }

            return new TraceValidationResult(problems, count, sliceCount);
        }
    }

    private static bool TryNumber(JsonElement e, string name, out double value)
    {
        value = 0;
        return e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out value);
    }
}
