// Mirrors: database/sql's connection pool, src/database/sql/sql.go (Go 1.19–1.23): DB.conn (freeConn reuse, the
// maxOpen wait queue connRequests, expiry on take), the callers' retry (maxBadConnRetries = 2 with
// cachedOrNewConn, then alwaysNewConn), DB.putConn / putConnDBLocked (hand to a waiter first, else keep up to
// maxIdle, else close: maxIdleClosed), maybeOpenNewConnections / openNewConnection (a closed connection's slot is
// re-opened for waiters), startCleanerLocked / connectionCleaner / connectionCleanerRunLocked (maxIdleTime and
// maxLifetime, interval at least 1 s). 1.19–1.22 hand a returned connection to the waiter a map range yields first,
// 1.23 to connRequestSet.TakeRandom's: both a random waiter, drawn here from SqlPoolConfig.Seed.
// Simplified: Open never fails, no session reset, no cancellation; the run (and the cleaner) stops at the last
// query's end, and Stats are taken then.
namespace GoRuntimeLab.NetPool;

/// <summary>A deterministic discrete-event model of one <c>*sql.DB</c>.</summary>
public static class SqlPoolSimulator
{
    /// <summary>Serves <paramref name="workload"/> (one query per request) with <paramref name="config"/>.</summary>
    /// <exception cref="SimulationBudgetException">More than <see cref="SqlPoolConfig.MaxEvents"/> events.</exception>
    public static SqlPoolResult Run(SqlPoolConfig config, PoolWorkload workload)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(workload);
        return new Simulation(config, workload).Execute();
    }

    private sealed class Conn(int id, long createdAt)
    {
        public int Id { get; } = id;
        public long CreatedAt { get; } = createdAt;
        public long ReturnedAt { get; set; } = createdAt;
        public int Uses { get; set; }
    }

    private sealed class Query(int index, int caller, long askedAt)
    {
        public int Index { get; } = index;
        public int Caller { get; } = caller;
        public long AskedAt { get; } = askedAt;
        public int Attempts { get; set; }
        public long WaitStart { get; set; }
    }

    private sealed class Simulation(SqlPoolConfig config, PoolWorkload workload)
    {
        private const int MaxBadConnRetries = 2;              // sql.go maxBadConnRetries
        private static readonly long MinCleanerInterval = 1_000_000_000; // connectionCleaner's minInterval = time.Second

        private readonly PoolEventQueue _q = new(config.MaxEvents, "SqlPoolConfig.MaxEvents");
        private PoolRequestDriver? _requestDriver;

        // The workload's side: made on first use, since it calls back into this simulation.
        private PoolRequestDriver Requests => _requestDriver ??= new(_q, workload, (id, caller) => GetConn(new Query(id, caller, _q.Now)));
        private readonly Random _latencyRandom = new(workload.Seed);
        private readonly Random _waiterRandom = new(config.Seed);
        private readonly List<Conn> _free = [];               // db.freeConn, oldest returned first
        private readonly List<Query> _waiters = [];           // db.connRequests
        private readonly List<PoolRequestRecord> _records = [];
        private readonly long _lifetime = PoolWorkload.Ns(config.ConnMaxLifetime);
        private readonly long _idleTime = PoolWorkload.Ns(config.ConnMaxIdleTime);
        private int _numOpen, _maxOpen, _opened, _closed, _reused, _connIds, _done;
        private long _waitCount, _waitNs, _maxIdleClosed, _maxIdleTimeClosed, _maxLifetimeClosed;
        private bool _cleanerRunning;
        private long _lastEnd;

        private bool Finished => _done >= workload.Requests;

        public SqlPoolResult Execute()
        {
            Requests.Start();
            _q.Run();
            var stats = new SqlPoolStats(config.MaxOpenConns, _numOpen, _numOpen - _free.Count, _free.Count, _waitCount, _waitNs / 1e6,
                _maxIdleClosed, _maxIdleTimeClosed, _maxLifetimeClosed);
            return new SqlPoolResult(config, workload, _records.Count, _opened, _closed, _reused, _maxOpen, stats, _lastEnd / 1e6,
                LatencySummary.FromNanoseconds(_records.Select(r => (long)(r.LatencyMs * 1e6))), _records);
        }

        private bool Expired(Conn c) => _lifetime > 0 && c.CreatedAt + _lifetime < _q.Now; // driverConn.expired

        // The callers' retry loop: two tries with cachedOrNewConn, then one with alwaysNewConn.
        private static bool CachedOrNew(Query w) => w.Attempts < MaxBadConnRetries;

        private void BadConn(Query w)
        {
            w.Attempts++;
            GetConn(w);
        }

        // sql.go DB.conn.
        private void GetConn(Query w)
        {
            // Prefer a free connection: the most recently returned (freeConn[last]).
            if (CachedOrNew(w) && _free.Count > 0)
            {
                var c = _free[^1];
                _free.RemoveAt(_free.Count - 1);
                if (Expired(c))
                {
                    _maxLifetimeClosed++;
                    Close(c);
                    BadConn(w); // driver.ErrBadConn
                    return;
                }
                Use(w, c);
                return;
            }
            // Out of free connections and at maxOpen: make a request and wait.
            if (config.MaxOpenConns > 0 && _numOpen >= config.MaxOpenConns)
            {
                _waitCount++;
                w.WaitStart = _q.Now;
                _waiters.Add(w);
                return;
            }
            // numOpen++ optimistically, then connector.Connect.
            _numOpen++;
            _q.At(_q.Now + PoolWorkload.Ns(config.OpenCost), () => Use(w, NewConn()));
        }

        private Conn NewConn()
        {
            _opened++;
            _maxOpen = Math.Max(_maxOpen, _numOpen);
            return new Conn(++_connIds, _q.Now);
        }

        // A waiter woken by putConnDBLocked: WaitDuration grows; an expired connection is refused (cachedOrNewConn only).
        private void Handed(Query w, Conn c)
        {
            _waitNs += _q.Now - w.WaitStart;
            if (CachedOrNew(w) && Expired(c))
            {
                _maxLifetimeClosed++;
                Close(c);
                BadConn(w);
                return;
            }
            Use(w, c);
        }

        private void Use(Query w, Conn c)
        {
            if (c.Uses++ > 0) _reused++;
            var gotAt = _q.Now;
            _q.At(_q.Now + workload.Latency.SampleNanoseconds(_latencyRandom), () => QueryDone(w, c, gotAt));
        }

        private void QueryDone(Query w, Conn c, long gotAt)
        {
            _records.Add(new PoolRequestRecord(w.Index, w.Caller, w.AskedAt / 1e6, c.Id, c.Uses > 1, (gotAt - w.AskedAt) / 1e6, (_q.Now - w.AskedAt) / 1e6));
            _lastEnd = _q.Now;
            _done++;
            if (workload.ReleasesConnections) PutConn(c); // Rows.Close / the end of Exec
            if (Finished)
            {
                _q.Stop(); // Stats as the last query leaves them
                return;
            }
            Requests.Finished(w.Caller);
        }

        // sql.go DB.putConn: an expired connection is closed (maxLifetimeClosed); else putConnDBLocked, and close
        // what it refuses.
        private void PutConn(Conn c)
        {
            if (Expired(c))
            {
                _maxLifetimeClosed++;
                Close(c);
                return;
            }
            c.ReturnedAt = _q.Now;
            if (!PutConnDBLocked(c)) Close(c);
        }

        // sql.go DB.putConnDBLocked.
        private bool PutConnDBLocked(Conn c)
        {
            if (config.MaxOpenConns > 0 && _numOpen > config.MaxOpenConns) return false;
            if (_waiters.Count > 0)
            {
                var i = _waiterRandom.Next(_waiters.Count);
                var w = _waiters[i];
                _waiters.RemoveAt(i);
                Handed(w, c);
                return true;
            }
            if (config.EffectiveMaxIdle > _free.Count)
            {
                _free.Add(c);
                StartCleaner();
                return true;
            }
            _maxIdleClosed++;
            return false;
        }

        // driverConn.finalClose: numOpen--, then maybeOpenNewConnections.
        private void Close(Conn c)
        {
            _ = c;
            _closed++;
            _numOpen--;
            MaybeOpenNewConnections();
        }

        // sql.go maybeOpenNewConnections → connectionOpener → openNewConnection: one new connection per waiter, as
        // far as maxOpen allows; each goes through putConnDBLocked (to a waiter, the idle list, or closed).
        private void MaybeOpenNewConnections()
        {
            var n = _waiters.Count;
            if (config.MaxOpenConns > 0) n = Math.Min(n, config.MaxOpenConns - _numOpen);
            for (; n > 0; n--)
            {
                _numOpen++;
                _q.At(_q.Now + PoolWorkload.Ns(config.OpenCost), () =>
                {
                    var c = NewConn();
                    if (!PutConnDBLocked(c))
                    {
                        _numOpen--;
                        _closed++;
                    }
                });
            }
        }

        private long ShortestIdleTime() => _idleTime <= 0 ? _lifetime : _lifetime <= 0 ? _idleTime : Math.Min(_idleTime, _lifetime);

        // sql.go startCleanerLocked / connectionCleaner.
        private void StartCleaner()
        {
            if ((_lifetime > 0 || _idleTime > 0) && _numOpen > 0 && !_cleanerRunning)
            {
                _cleanerRunning = true;
                _q.At(_q.Now + Math.Max(ShortestIdleTime(), MinCleanerInterval), CleanerTick);
            }
        }

        private void CleanerTick()
        {
            if (_numOpen == 0)
            {
                _cleanerRunning = false;
                return;
            }
            var d = ShortestIdleTime();
            var closing = new List<Conn>();
            var idleClosing = 0;
            // connectionCleanerRunLocked: connections idle longer than maxIdleTime (the oldest-returned first).
            if (_idleTime > 0)
            {
                var idleSince = _q.Now - _idleTime;
                for (var i = _free.Count - 1; i >= 0; i--)
                {
                    if (_free[i].ReturnedAt < idleSince)
                    {
                        closing.AddRange(_free.Take(i + 1));
                        _free.RemoveRange(0, i + 1);
                        idleClosing = closing.Count;
                        _maxIdleTimeClosed += idleClosing;
                        break;
                    }
                }
                if (_free.Count > 0) d = Math.Min(d, _free[0].ReturnedAt - idleSince);
            }
            // … and connections older than maxLifetime.
            if (_lifetime > 0)
            {
                var expiredSince = _q.Now - _lifetime;
                for (var i = 0; i < _free.Count; i++)
                {
                    var c = _free[i];
                    if (c.CreatedAt < expiredSince)
                    {
                        closing.Add(c);
                        _free.RemoveAt(i);
                        i--;
                    }
                    else d = Math.Min(d, c.CreatedAt - expiredSince);
                }
                _maxLifetimeClosed += closing.Count - idleClosing;
            }
            foreach (var c in closing) Close(c);
            _q.At(_q.Now + Math.Max(d, MinCleanerInterval), CleanerTick);
        }
    }
}
