// Mirrors: nothing in Go; reads data/go/defer/cases.json and the "// defer-site NAME" comments of its Go files, and
// compares the model with recorded `-d=defer` output. Go 1.19–1.23.
// Simplified: one build flag set per named build (default, noopt = -N, race = -race, noopendefer = -d=noopendefer).
using System.Text.Json;
using GoRuntimeLab.IO;

namespace GoRuntimeLab.Defer;

/// <summary>The defer cases program (data/go/defer): its cases and how they compare with the compiler.</summary>
public static class DeferCases
{
    /// <summary>The builds recorded, with the go command flags of each.</summary>
    public static IReadOnlyList<(string Name, string Flags)> Builds { get; } =
    [
        ("default", "-gcflags=-d=defer"),
        ("noopt", "-gcflags='-N -d=defer'"),
        ("race", "-race -gcflags=-d=defer"),
        ("noopendefer", "-gcflags=-d=defer,noopendefer"),
    ];

    /// <summary>The marker on every defer statement of the program.</summary>
    public const string Marker = "// defer-site ";

    /// <summary>The shape of <paramref name="c"/> in build <paramref name="build"/>.</summary>
    /// <exception cref="KitInputException">Unknown build.</exception>
    public static FunctionShape ShapeFor(DeferCase c, string build)
    {
        ArgumentNullException.ThrowIfNull(c);
        return build switch
        {
            "default" => c.Shape,
            "noopt" => c.Shape.WithOptimizationsDisabled(),
            "race" => c.Shape.WithRace(),
            "noopendefer" => c.Shape.WithNoOpenDeferFlag(),
            _ => throw KitInputException.For($"unknown build \"{build}\" (default, noopt, race, noopendefer)", parameter: "build"),
        };
    }

    /// <summary>The kit's limit for cases.json: 4 MiB (the course's file is a few KiB).</summary>
    public static readonly KitReadLimits CasesLimits = new("cases.json file", 4L << 20);

    /// <summary>Loads cases.json from <paramref name="programDir"/> and finds each defer's line from the markers.</summary>
    /// <exception cref="KitInputException">Missing or malformed file, or markers that do not match the cases.</exception>
    public static IReadOnlyList<DeferCase> Load(string programDir)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(programDir);
        var path = Path.Combine(programDir, "cases.json");
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(KitFile.ReadAllText(path, CasesLimits, "programDir"));
        }
        catch (JsonException e)
        {
            throw KitInputException.For($"not valid JSON: {KitText.Excerpt(e.Message, 200)}", file: path, line: (int?)e.LineNumber + 1);
        }

        using (doc)
        {
            var markers = new Dictionary<string, Dictionary<string, List<int>>>(StringComparer.Ordinal);
            var result = new List<DeferCase>();
            foreach (var c in doc.RootElement.GetProperty("cases").EnumerateArray())
            {
                var name = c.GetProperty("name").GetString() ?? throw KitInputException.For("case without a name", file: path);
                var file = c.GetProperty("file").GetString() ?? throw KitInputException.For($"case {name}: no file", file: path);
                var sites = c.GetProperty("defers").EnumerateArray().Select(d => d.GetString() switch
                {
                    "top" => DeferSite.TopLevel,
                    "loop" => DeferSite.Loop,
                    "rangefunc" => new DeferSite(InRangeFuncBody: true),
                    var other => throw KitInputException.For($"case {KitText.Excerpt(name)}: defer site \"{KitText.Excerpt(other)}\" is not top, loop or rangefunc", file: path),
                }).ToArray();
                var shape = FunctionShape.Of(sites, c.GetProperty("returns").GetInt32()).WithName(name)
                    .WithHeapAllocatedResult(c.TryGetProperty("heapAllocatedResult", out var h) && h.GetBoolean());
                var expected = c.GetProperty("expected").EnumerateArray().Select(e => DeferClassifier.ParseKind(e.GetString() ?? "")).ToArray();
                if (expected.Length != sites.Length)
                    throw KitInputException.For($"case {name}: {sites.Length} defers but {expected.Length} expected kinds", file: path);

                if (!markers.TryGetValue(file, out var byName)) markers[file] = byName = ReadMarkers(programDir, file);
                var lines = byName.TryGetValue(name, out var l) ? l : [];
                if (lines.Count != sites.Length)
                    throw KitInputException.For($"case {name}: {sites.Length} defers in cases.json but {lines.Count} \"{Marker}{name}\" comments in {file}", file: path);
                result.Add(new DeferCase(name, file, shape, expected, lines, c.TryGetProperty("note", out var n) ? n.GetString() ?? "" : ""));
            }

            var unknown = markers.SelectMany(f => f.Value.Keys.Select(k => (f.Key, k))).Where(m => result.All(r => r.Name != m.k)).ToArray();
            if (unknown.Length > 0)
                throw KitInputException.For($"defer-site comments without a case: {string.Join(", ", unknown.Select(u => $"{u.Key}:{u.k}"))}", file: path);
            return result;
        }
    }

    /// <summary>Compares every case with the compiler output of one build; throws if the output has defers no case marks.</summary>
    /// <exception cref="KitInputException">A recorded defer line is on no marked line.</exception>
    public static IReadOnlyList<DeferCaseResult> Compare(IReadOnlyList<DeferCase> cases, IReadOnlyList<DeferDebugLine> output, string build, GoVersion version)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(output);
        static string Norm(string f) => f.StartsWith("./", StringComparison.Ordinal) ? f[2..] : f;
        var recorded = new Dictionary<(string, int), DeferKind>();
        foreach (var line in output) recorded[(Norm(line.File), line.Line)] = line.Kind;
        var marked = cases.SelectMany(c => c.Lines.Select(l => (c.File, l))).ToHashSet();
        var stray = recorded.Keys.Where(k => !marked.Contains(k)).ToArray();
        if (stray.Length > 0)
            throw KitInputException.For($"the compiler reported defers on unmarked lines: {string.Join(", ", stray.Select(s => $"{s.Item1}:{s.Item2}"))}", parameter: "output");
        return cases.Select(c => new DeferCaseResult(c, build, DeferClassifier.Classify(ShapeFor(c, build), version),
            c.Lines.Select(l => recorded.TryGetValue((c.File, l), out var k) ? k : (DeferKind?)null).ToArray())).ToArray();
    }

    private static Dictionary<string, List<int>> ReadMarkers(string programDir, string file)
    {
        var path = Path.Combine(programDir, file);
        var byName = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        using var lines = KitFile.OpenLines(path, Escape.GoFunctionIndex.GoSourceLimits, "programDir");
        while (lines.ReadLine() is { } line)
        {
            var at = line.IndexOf(Marker, StringComparison.Ordinal);
            if (at < 0) continue;
            var name = line[(at + Marker.Length)..].Trim();
            if (!byName.TryGetValue(name, out var list)) byName[name] = list = [];
            list.Add(lines.LineNumber);
        }

        return byName;
    }
}
