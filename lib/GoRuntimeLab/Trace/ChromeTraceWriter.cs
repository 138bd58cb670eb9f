// Mirrors: the JSON `go tool trace` serves to its viewer ({traceEvents, displayTimeUnit}; pid/tid naming via "M" metadata) — internal/trace/traceviewer, Go 1.19–1.23.
// Simplified: the whole document is built in memory.
using System.Globalization;
using System.Text.Json;

namespace GoRuntimeLab.Trace;

/// <summary>
/// Builds a Chrome Trace Event JSON document: <c>X</c> complete slices, <c>C</c> counters, <c>i</c> instants,
/// <c>s</c>/<c>f</c> flows and <c>M</c> metadata naming processes and threads. Opens in ui.perfetto.dev and chrome://tracing.
/// Times are given in nanoseconds and written as microseconds.
/// </summary>
public sealed class ChromeTraceWriter
{
    private readonly List<ChromeTraceEvent> _events = [];

    public IReadOnlyList<ChromeTraceEvent> Events => _events;

    public ChromeTraceWriter ProcessName(int pid, string name)
    {
        _events.Add(new ChromeTraceEvent("process_name", "M", 0, pid, 0, Args: new Dictionary<string, object> { ["name"] = name }));
        return this;
    }

    public ChromeTraceWriter ThreadName(int pid, int tid, string name)
    {
        _events.Add(new ChromeTraceEvent("thread_name", "M", 0, pid, tid, Args: new Dictionary<string, object> { ["name"] = name }));
        return this;
    }

    /// <summary>A complete slice ("X") from <paramref name="startNs"/> lasting <paramref name="durationNs"/>.</summary>
    public ChromeTraceWriter Slice(int pid, int tid, string name, long startNs, long durationNs, string? category = null, IReadOnlyDictionary<string, object>? args = null)
    {
        if (durationNs < 0) throw KitInputException.For("a slice's duration must not be negative", parameter: "durationNs");
        _events.Add(new ChromeTraceEvent(name, "X", Us(startNs), pid, tid, Us(durationNs), category, Args: args));
        return this;
    }

    /// <summary>A counter sample ("C"): each key of <paramref name="values"/> is one series of the counter track.</summary>
    public ChromeTraceWriter Counter(int pid, string name, long atNs, IReadOnlyDictionary<string, object> values)
    {
        _events.Add(new ChromeTraceEvent(name, "C", Us(atNs), pid, 0, Args: values));
        return this;
    }

    /// <summary>An instant ("i") on a thread track (scope "t").</summary>
    public ChromeTraceWriter Instant(int pid, int tid, string name, long atNs, IReadOnlyDictionary<string, object>? args = null)
    {
        _events.Add(new ChromeTraceEvent(name, "i", Us(atNs), pid, tid, Args: args, Scope: "t"));
        return this;
    }

    /// <summary>A flow arrow from (pid, tid, start) to (pid2, tid2, end); both ends must lie inside slices on those tracks.</summary>
    public ChromeTraceWriter Flow(string name, string id, int pid, int tid, long startNs, int pid2, int tid2, long endNs)
    {
        _events.Add(new ChromeTraceEvent(name, "s", Us(startNs), pid, tid, Category: "flow", Id: id));
        _events.Add(new ChromeTraceEvent(name, "f", Us(endNs), pid2, tid2, Category: "flow", Id: id));
        return this;
    }

    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteString("displayTimeUnit", "ns");
            w.WriteStartArray("traceEvents");
            foreach (var e in _events)
            {
                w.WriteStartObject();
                w.WriteString("name", e.Name);
                w.WriteString("ph", e.Phase);
                w.WriteNumber("ts", e.Timestamp);
                if (e.Duration is { } d) w.WriteNumber("dur", d);
                w.WriteNumber("pid", e.Pid);
                w.WriteNumber("tid", e.Tid);
                if (e.Category is not null) w.WriteString("cat", e.Category);
                if (e.Id is not null) w.WriteString("id", e.Id);
                if (e.Phase == "f") w.WriteString("bp", "e");
                if (e.Scope is not null) w.WriteString("s", e.Scope);
                if (e.Args is { Count: > 0 })
                {
                    w.WritePropertyName("args");
                    w.WriteStartObject();
                    foreach (var (k, v) in e.Args)
                    {
                        switch (v)
                        {
                            case string s: w.WriteString(k, s); break;
                            case long l: w.WriteNumber(k, l); break;
                            case int i: w.WriteNumber(k, i); break;
                            case double x: w.WriteNumber(k, x); break;
                            case bool b: w.WriteBoolean(k, b); break;
                            default: w.WriteString(k, Convert.ToString(v, CultureInfo.InvariantCulture)); break;
                        }
                    }

                    w.WriteEndObject();
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static double Us(long ns) => ns / 1000.0;
}
