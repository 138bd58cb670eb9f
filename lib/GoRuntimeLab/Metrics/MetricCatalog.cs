// Mirrors: runtime/metrics/description.go (allDesc, All), Go 1.19, 1.21, 1.22, 1.23 — the tables themselves,
// extracted from each release's source by data/go/metricsdesc. Simplified: the /godebug/non-default-behavior/*
// counters Go 1.21+ append in init() from internal/godebugs are not included (see GodebugPrefix).
using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace GoRuntimeLab.Metrics;

/// <summary>
/// The runtime/metrics names of one Go release, in Go's order (sorted by name), with kind, cumulativeness, unit and
/// Go's description: <c>MetricCatalog.For(GoVersion.Go1_19)</c>. Loaded from the tables extracted from the real
/// description.go of each release (data/oracles/metrics/descriptions-go1.NN.json, embedded in this assembly).
/// </summary>
public sealed class MetricCatalog
{
    /// <summary>The releases whose tables the kit carries.</summary>
    public static IReadOnlyList<GoVersion> Versions { get; } = [GoVersion.Go1_19, GoVersion.Go1_21, GoVersion.Go1_22, GoVersion.Go1_23];

    /// <summary>
    /// Prefix of the per-GODEBUG counters (Go 1.21+) that metrics.All() adds at init from internal/godebugs; one
    /// per non-opaque setting, so their number changes with point releases. They are not in the catalogue.
    /// </summary>
    public const string GodebugPrefix = "/godebug/non-default-behavior/";

    private static readonly Lock Gate = new();
    private static readonly Dictionary<GoVersion, MetricCatalog> Cache = [];

    private readonly FrozenDictionary<string, MetricDescription> _byName;

    private MetricCatalog(GoVersion version, IReadOnlyList<MetricDescription> all)
    {
        Version = version;
        All = all;
        _byName = all.ToFrozenDictionary(d => d.Name, StringComparer.Ordinal);
    }

    /// <summary>The release (major.minor) this table belongs to.</summary>
    public GoVersion Version { get; }

    /// <summary>Every description, in Go's order.</summary>
    public IReadOnlyList<MetricDescription> All { get; }

    /// <summary>Number of metrics.</summary>
    public int Count => All.Count;

    /// <summary>The catalogue of <paramref name="version"/> (the patch number is ignored: tables change only with releases).</summary>
    /// <exception cref="KitInputException">No table for that release (1.19, 1.21, 1.22 and 1.23 are carried).</exception>
    public static MetricCatalog For(GoVersion version)
    {
        var line = new GoVersion(version.Major, version.Minor);
        if (!Versions.Contains(line))
            throw KitInputException.For(
                $"no runtime/metrics table for {line}; the kit carries {string.Join(", ", Versions.Select(Short))}", parameter: "version");
        lock (Gate)
        {
            if (!Cache.TryGetValue(line, out var catalog))
            {
                catalog = new MetricCatalog(line, Load(line));
                Cache[line] = catalog;
            }

            return catalog;
        }
    }

    /// <summary>True when the release has a metric of that exact name.</summary>
    public bool Contains(string name) => _byName.ContainsKey(name);

    /// <summary>The description of <paramref name="name"/>.</summary>
    /// <exception cref="KitInputException">The release has no such metric.</exception>
    public MetricDescription Get(string name) =>
        _byName.TryGetValue(name, out var d)
            ? d
            : throw KitInputException.For($"Go {Short(Version)} has no runtime/metrics metric \"{name}\"", parameter: "name");

    /// <summary>The metrics under a path prefix, e.g. "/gc/" or "/sched/".</summary>
    public IEnumerable<MetricDescription> Under(string prefix) => All.Where(d => d.Name.StartsWith(prefix, StringComparison.Ordinal));

    /// <summary>Names in <paramref name="newer"/> but not <paramref name="older"/> (added), and the reverse (removed).</summary>
    public static (IReadOnlyList<MetricDescription> Added, IReadOnlyList<MetricDescription> Removed) Diff(MetricCatalog older, MetricCatalog newer)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        return ([.. newer.All.Where(d => !older.Contains(d.Name))], [.. older.All.Where(d => !newer.Contains(d.Name))]);
    }

    /// <summary>Metrics whose description says "Deprecated" (Go 1.22+: /gc/pauses:seconds).</summary>
    public IEnumerable<MetricDescription> Deprecated => All.Where(d => d.Description.StartsWith("Deprecated", StringComparison.Ordinal));

    /// <inheritdoc/>
    public override string ToString()
    {
        var byKind = All.GroupBy(d => d.Kind).OrderBy(g => g.Key)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Count()} {MetricDescription.KindText(g.Key)}"));
        return string.Create(CultureInfo.InvariantCulture,
            $"runtime/metrics of Go {Short(Version)}: {Count} metrics ({string.Join(", ", byKind)}), {All.Count(d => d.Cumulative)} cumulative");
    }

    internal static string Short(GoVersion v) => string.Create(CultureInfo.InvariantCulture, $"{v.Major}.{v.Minor}");

    private static List<MetricDescription> Load(GoVersion line)
    {
        var resource = $"GoRuntimeLab.Metrics.descriptions-go{Short(line)}.json";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
                           ?? throw new InvalidOperationException($"embedded resource {resource} is missing from the build");
        using var doc = JsonDocument.Parse(stream);
        var list = new List<MetricDescription>();
        foreach (var e in doc.RootElement.EnumerateArray())
        {
            list.Add(new MetricDescription(
                e.GetProperty("name").GetString()!,
                MetricDescription.ParseKind(e.GetProperty("kind").GetString()!),
                e.GetProperty("cumulative").GetBoolean(),
                e.GetProperty("description").GetString()!));
        }

        return list;
    }
}
