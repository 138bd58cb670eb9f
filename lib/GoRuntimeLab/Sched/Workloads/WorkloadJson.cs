// Mirrors: the same statements as the fluent builder (Steps/*), read from a JSON file for `golab sched simulate --file`, Go 1.13–1.23.
// Simplified: errors name the JSON path ($.main[2].d) and the 1-based line of the offending value.
using System.Text;
using System.Text.Json;
using GoRuntimeLab.IO;
using GoRuntimeLab.Sched.Steps;
using static System.FormattableString;

namespace GoRuntimeLab.Sched.Workloads;

/// <summary>
/// Reads a workload from JSON:
/// <code>
/// { "name": "demo", "channels": { "jobs": 4 },
///   "main": [ { "op": "go", "name": "worker", "body": [ { "op": "recv", "chan": "jobs" } ] },
///             { "op": "send", "chan": "jobs", "value": 1 }, { "op": "sleep", "d": "1ms" } ] }
/// </code>
/// Ops: compute/tightloop/sleep/netwait {d}, syscall {d, blocking?}, send {chan, value?}, recv {chan, tally?},
/// close {chan}, range {chan, body?, tally?}, select {cases:[{recv|send: chan, value?, tally?, body?}], default?: [..]}, go {name, body},
/// add {wg, delta}, done {wg}, wait {wg}, lock/unlock {mutex}, gosched, count {counter, amount?}, print {text},
/// repeat {count, body}, forever {body}, return. Durations are Go strings ("300ms") or integer nanoseconds.
/// </summary>
public static class WorkloadJson
{
    /// <summary>The kit's limit for a workload file: 8 MiB (a hand-written workload is a few KiB).</summary>
    public static readonly KitReadLimits Limits = new("workload file", 8L << 20);

    /// <summary>
    /// The deepest JSON nesting accepted: 64 levels (System.Text.Json's default MaxDepth), i.e. about 30 nested
    /// bodies (go/repeat/range/select). Reading a workload recurses once per body, so this bounds the stack too.
    /// </summary>
    public const int MaxNesting = 64;

    /// <summary>The longest property name (op field, channel, counter…) accepted, in UTF-8 bytes.</summary>
    public const int MaxNameBytes = 256;

    /// <summary>Reads a workload file (at most <see cref="Limits"/>).</summary>
    /// <exception cref="KitInputException">Missing file, a folder or device, too large, or a malformed workload (file:line: JSON path: what).</exception>
    public static Workload ParseFile(string path, string parameter = "file")
    {
        var text = KitFile.ReadAllText(path, Limits, parameter);
        return Parse(text, path);
    }

    /// <summary>Reads a workload from UTF-8 JSON in a stream (disposed afterwards), at most <paramref name="limits"/> (default <see cref="Limits"/>).</summary>
    /// <exception cref="KitInputException">Too large, or a malformed workload (file:line: JSON path: what).</exception>
    public static Workload Parse(Stream stream, string file, KitReadLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(file);
        return Parse(KitFile.ReadAllText(stream, file, limits ?? Limits), file);
    }

    /// <exception cref="KitInputException">Malformed JSON or workload; the message has the file, line and JSON path.</exception>
    public static Workload Parse(string json, string? file = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        var source = file ?? "workload.json";
        JsonDocument doc;
        Dictionary<string, int> lines;
        try
        {
            lines = LineMap(json, source);
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = MaxNesting + 1 });
        }
        catch (JsonException e)
        {
            throw KitInputException.For($"not valid JSON: {KitText.Excerpt(e.Message, 200)}", file: source, line: (int)(e.LineNumber ?? 0) + 1);
        }

        using (doc)
        {
            var reader = new Reader(source, lines);
            return reader.Read(doc.RootElement);
        }
    }

    private sealed class Reader(string file, Dictionary<string, int> lines)
    {
        public Sched.Workloads.Workload Read(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object) throw Error("$", "the document must be a JSON object");
            var name = root.TryGetProperty("name", out var n) ? Str(n, "$.name") : "custom";
            var description = root.TryGetProperty("description", out var d) ? Str(d, "$.description") : "";
            var channels = new Dictionary<string, int>(StringComparer.Ordinal);
            if (root.TryGetProperty("channels", out var chans))
            {
                if (chans.ValueKind != JsonValueKind.Object) throw Error("$.channels", "must be an object of name: capacity");
                foreach (var c in chans.EnumerateObject())
                {
                    var path = $"$.channels.{c.Name}";
                    if (c.Name == Sched.Workloads.Workload.NilChannel) throw Error(path, "\"nil\" is reserved for the nil channel");
                    var cap = Int(c.Value, path);
                    if (cap < 0) throw Error(path, "capacity must not be negative");
                    channels[c.Name] = (int)cap;
                }
            }

            if (!root.TryGetProperty("main", out var main)) throw Error("$", "missing \"main\" (the steps of main.main)");
            var workload = new Sched.Workloads.Workload(name, description, channels, Steps(main, "$.main"));
            try
            {
                WorkloadValidator.Validate(workload);
            }
            catch (KitInputException e)
            {
                throw KitInputException.For(KitText.Excerpt(e.Message, 300), file: file, line: 1);
            }

            return workload;
        }

        private WorkloadStep[] Steps(JsonElement e, string path)
        {
            if (e.ValueKind != JsonValueKind.Array) throw Error(path, "must be an array of steps");
            var list = new List<WorkloadStep>();
            var i = 0;
            foreach (var item in e.EnumerateArray()) list.Add(Step(item, Invariant($"{path}[{i++}]")));
            return list.ToArray();
        }

        private WorkloadStep Step(JsonElement e, string path)
        {
            if (e.ValueKind != JsonValueKind.Object) throw Error(path, "a step must be an object with an \"op\"");
            if (!e.TryGetProperty("op", out var opEl)) throw Error(path, "missing \"op\"");
            var op = Str(opEl, path + ".op");
            return op switch
            {
                "compute" => new ComputeStep(Dur(e, path), HasCalls: true),
                "tightloop" => new ComputeStep(Dur(e, path), HasCalls: false),
                "sleep" => new SleepStep(Dur(e, path)),
                "netwait" => new NetWaitStep(Dur(e, path)),
                "syscall" => new SyscallStep(Dur(e, path), e.TryGetProperty("blocking", out var b) && Bool(b, path + ".blocking")),
                "send" => new SendStep(Req(e, "chan", path), e.TryGetProperty("value", out var v) ? Int(v, path + ".value") : 0),
                "recv" => new RecvStep(Req(e, "chan", path), Opt(e, "tally", path)),
                "close" => new CloseStep(Req(e, "chan", path)),
                "range" => new RangeStep(Req(e, "chan", path), e.TryGetProperty("body", out var rb) ? Steps(rb, path + ".body") : [], Opt(e, "tally", path)),
                "go" => new SpawnStep(Req(e, "name", path), Steps(Prop(e, "body", path), path + ".body")),
                "add" => new WaitGroupAddStep(Req(e, "wg", path), (int)Int(Prop(e, "delta", path), path + ".delta")),
                "done" => new WaitGroupAddStep(Req(e, "wg", path), -1),
                "wait" => new WaitGroupWaitStep(Req(e, "wg", path)),
                "lock" => new MutexStep(Req(e, "mutex", path), Lock: true),
                "unlock" => new MutexStep(Req(e, "mutex", path), Lock: false),
                "gosched" => new GoschedStep(),
                "count" => new CountStep(Req(e, "counter", path), e.TryGetProperty("amount", out var a) ? Int(a, path + ".amount") : 1),
                "print" => new PrintStep(Req(e, "text", path)),
                "repeat" => new RepeatStep(NonNegative(Int(Prop(e, "count", path), path + ".count"), path + ".count"), Steps(Prop(e, "body", path), path + ".body")),
                "forever" => new RepeatStep(RepeatStep.Forever, Steps(Prop(e, "body", path), path + ".body")),
                "return" => new ReturnStep(),
                "select" => Select(e, path),
                _ => throw Error(path + ".op", $"unknown op \"{KitText.Excerpt(op)}\" (compute, tightloop, sleep, syscall, netwait, send, recv, close, range, select, go, add, done, wait, lock, unlock, gosched, count, print, repeat, forever, return)"),
            };
        }

        private SelectStep Select(JsonElement e, string path)
        {
            var cases = new List<SelectCase>();
            var i = 0;
            var casesEl = Prop(e, "cases", path);
            if (casesEl.ValueKind != JsonValueKind.Array) throw Error(path + ".cases", "must be an array");
            foreach (var c in casesEl.EnumerateArray())
            {
                var cp = Invariant($"{path}.cases[{i++}]");
                if (c.ValueKind != JsonValueKind.Object) throw Error(cp, "a case must be an object with \"recv\" or \"send\"");
                var body = c.TryGetProperty("body", out var bodyEl) ? Steps(bodyEl, cp + ".body") : [];
                if (c.TryGetProperty("recv", out var r)) cases.Add(new SelectCase(SelectDirection.Recv, Str(r, cp + ".recv"), 0, body, Opt(c, "tally", cp)));
                else if (c.TryGetProperty("send", out var s)) cases.Add(new SelectCase(SelectDirection.Send, Str(s, cp + ".send"), c.TryGetProperty("value", out var v) ? Int(v, cp + ".value") : 0, body));
                else throw Error(cp, "a case needs \"recv\": CHAN or \"send\": CHAN");
            }

            var hasDefault = e.TryGetProperty("default", out var def);
            return new SelectStep(cases.ToArray(), hasDefault, hasDefault ? Steps(def, path + ".default") : []);
        }

        private long Dur(JsonElement e, string path)
        {
            var el = Prop(e, "d", path);
            var p = path + ".d";
            if (el.ValueKind == JsonValueKind.Number) return NonNegative(Int(el, p), p);
            if (el.ValueKind == JsonValueKind.String && GoDuration.TryParse(el.GetString(), out var ns)) return ns;
            throw Error(p, "must be a Go duration string (\"300ms\") or integer nanoseconds");
        }

        private long NonNegative(long v, string path) => v >= 0 ? v : throw Error(path, "must not be negative");

        private JsonElement Prop(JsonElement e, string name, string path) =>
            e.TryGetProperty(name, out var v) ? v : throw Error(path, $"missing \"{name}\"");

        private string Req(JsonElement e, string name, string path)
        {
            var s = Str(Prop(e, name, path), $"{path}.{name}");
            return s.Length > 0 ? s : throw Error($"{path}.{name}", "must not be empty");
        }

        private string? Opt(JsonElement e, string name, string path) =>
            e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? Str(v, $"{path}.{name}") : null;

        private string Str(JsonElement e, string path) =>
            e.ValueKind == JsonValueKind.String ? e.GetString()! : throw Error(path, "must be a string");

        private long Int(JsonElement e, string path) =>
            e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out var v) ? v : throw Error(path, "must be an integer");

        private bool Bool(JsonElement e, string path) => e.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Error(path, "must be true or false"),
        };

        private KitInputException Error(string path, string what)
        {
            // The value's own line, else the nearest enclosing value's line.
            var p = path;
            int line;
            while (!lines.TryGetValue(p, out line))
            {
                var cut = Math.Max(p.LastIndexOf('.'), p.LastIndexOf('['));
                if (cut <= 0) { line = 1; break; }
                p = p[..cut];
            }

            return KitInputException.For($"{KitText.Excerpt(path, 200)}: {what}", file: file, line: line);
        }
    }

    // JsonDocument has no line numbers: walk the tokens once and remember the 1-based line where each value starts.
    // Also refuses nesting deeper than MaxNesting with a message of its own (file:line), before anything recurses on it.
    private static Dictionary<string, int> LineMap(string json, string file)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = MaxNesting + 1 });
        var stack = new Stack<(string Path, bool IsArray, int Index)>();
        string? property = null;
        var line = 1;
        var scanned = 0;
        while (reader.Read())
        {
            var at = (int)reader.TokenStartIndex;
            for (; scanned < at; scanned++) if (bytes[scanned] == '\n') line++;
            if (reader.TokenType == JsonTokenType.PropertyName)
            {
                // Every name in a workload is a word ("op", a channel, a counter); a huge one is not a workload, and
                // would make every JSON path below it huge.
                if (reader.ValueSpan.Length > MaxNameBytes)
                    throw KitInputException.For($"a property name longer than {MaxNameBytes} bytes", file: file, line: line);
                property = reader.GetString();
                continue;
            }
            if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray) { stack.Pop(); continue; }
            string path;
            if (stack.Count == 0) path = "$";
            else
            {
                var (parent, isArray, index) = stack.Pop();
                path = isArray ? Invariant($"{parent}[{index}]") : $"{parent}.{property}";
                stack.Push((parent, isArray, isArray ? index + 1 : index));
            }

            map.TryAdd(path, line);
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && reader.CurrentDepth >= MaxNesting)
                throw KitInputException.For($"JSON nested deeper than {MaxNesting} levels, the limit for a workload (about 30 nested bodies)", file: file, line: line);
            if (reader.TokenType == JsonTokenType.StartObject) stack.Push((path, false, 0));
            else if (reader.TokenType == JsonTokenType.StartArray) stack.Push((path, true, 0));
        }

        return map;
    }
}
