// Mirrors: the pool fields of net/http.Transport (src/net/http/transport.go, Go 1.19–1.23): MaxIdleConns,
// MaxIdleConnsPerHost (0 ⇒ DefaultMaxIdleConnsPerHost = 2, negative ⇒ no keep-alive), MaxConnsPerHost (0 ⇒ no limit),
// IdleConnTimeout (0 ⇒ none), DisableKeepAlives; and DefaultTransport's values (MaxIdleConns 100, IdleConnTimeout 90 s).
// Simplified: one host (one connectMethodKey), HTTP/1.1 only, dials always succeed and take DialCost.
using static System.FormattableString;

namespace GoRuntimeLab.NetPool;

/// <summary>
/// An <c>http.Transport</c>'s pool settings. <see cref="Default"/> is a zero <c>&amp;http.Transport{}</c> (no idle
/// timeout, no global idle cap); <see cref="DefaultTransport"/> is <c>http.DefaultTransport</c>. Immutable; change it
/// with the <c>With*</c> copies.
/// </summary>
public sealed record TransportPoolConfig
{
    /// <summary>transport.go: <c>const DefaultMaxIdleConnsPerHost = 2</c>, used when MaxIdleConnsPerHost is 0.</summary>
    public const int DefaultMaxIdleConnsPerHost = 2;

    /// <summary>A zero <c>http.Transport{}</c>: every pool field 0, so 2 idle connections per host and no idle timeout.</summary>
    public static TransportPoolConfig Default { get; } = new();

    /// <summary>
    /// <c>http.DefaultTransport</c> (transport.go, Go 1.19–1.23): MaxIdleConns 100, IdleConnTimeout 90 s,
    /// MaxIdleConnsPerHost 0 (so 2), MaxConnsPerHost 0.
    /// </summary>
    public static TransportPoolConfig DefaultTransport { get; } = new() { MaxIdleConns = 100, IdleConnTimeout = TimeSpan.FromSeconds(90) };

    /// <summary>Transport.MaxIdleConns: idle connections over all hosts (0 = no limit); the oldest idle one is closed past it.</summary>
    public int MaxIdleConns { get; private init; }

    /// <summary>Transport.MaxIdleConnsPerHost as written (0 = 2; negative = keep-alives off).</summary>
    public int MaxIdleConnsPerHost { get; private init; }

    /// <summary>Transport.MaxConnsPerHost: dialing, active and idle connections per host (0 = no limit); past it requests wait.</summary>
    public int MaxConnsPerHost { get; private init; }

    /// <summary>Transport.IdleConnTimeout (0 = idle connections stay until the pool evicts them).</summary>
    public TimeSpan IdleConnTimeout { get; private init; }

    /// <summary>Transport.DisableKeepAlives: one connection per request.</summary>
    public bool DisableKeepAlives { get; private init; }

    /// <summary>Time to dial a connection (TCP connect on loopback is ≈ 0.1–0.3 ms; TLS adds more).</summary>
    public TimeSpan DialCost { get; private init; } = TimeSpan.FromMilliseconds(0.2);

    /// <summary>The Go release modelled (1.19–1.23; the pool rules counted here are the same in all of them).</summary>
    public GoVersion Version { get; private init; } = GoVersion.Latest;

    /// <summary>Budget: simulation events (about 4 per request). Default 5,000,000.</summary>
    public long MaxEvents { get; private init; } = 5_000_000;

    /// <summary>transport.go maxIdleConnsPerHost: the per-host idle cap in force (0 when keep-alives are off).</summary>
    public int EffectiveMaxIdleConnsPerHost => DisableKeepAlives || MaxIdleConnsPerHost < 0 ? 0
        : MaxIdleConnsPerHost != 0 ? MaxIdleConnsPerHost : DefaultMaxIdleConnsPerHost;

    public TransportPoolConfig WithMaxIdleConns(int n) => n >= 0
        ? this with { MaxIdleConns = n }
        : throw KitInputException.For(Invariant($"must not be negative (got {n})"), parameter: "MaxIdleConns");

    public TransportPoolConfig WithMaxIdleConnsPerHost(int n) => n >= -1
        ? this with { MaxIdleConnsPerHost = n }
        : throw KitInputException.For(Invariant($"must be -1 (keep-alives off), 0 (the default 2) or a positive cap (got {n})"), parameter: "MaxIdleConnsPerHost");

    public TransportPoolConfig WithMaxConnsPerHost(int n) => n >= 0
        ? this with { MaxConnsPerHost = n }
        : throw KitInputException.For(Invariant($"must not be negative (got {n})"), parameter: "MaxConnsPerHost");

    public TransportPoolConfig WithIdleConnTimeout(TimeSpan timeout) => this with { IdleConnTimeout = PoolWorkload.CheckSpan(timeout, "IdleConnTimeout") };

    public TransportPoolConfig WithDisableKeepAlives(bool disable) => this with { DisableKeepAlives = disable };

    public TransportPoolConfig WithDialCost(TimeSpan cost) => this with { DialCost = PoolWorkload.CheckSpan(cost, "dialCost") };

    public TransportPoolConfig WithVersion(GoVersion version) => new GoVersion(version.Major, version.Minor) is var release && release >= GoVersion.Go1_19 && release <= GoVersion.Latest
        ? this with { Version = version }
        : throw KitInputException.For($"{version} is not modelled ({GoVersion.Go1_19} to {GoVersion.Latest})", parameter: GoSettings.VersionName);

    public TransportPoolConfig WithMaxEvents(long events) => events >= 1
        ? this with { MaxEvents = events }
        : throw KitInputException.For(Invariant($"must be ≥ 1 (got {events})"), parameter: "TransportPoolConfig.MaxEvents");
}
