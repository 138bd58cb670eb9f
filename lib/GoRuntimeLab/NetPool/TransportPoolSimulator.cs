// Mirrors: net/http.Transport's connection pool, src/net/http/transport.go (Go 1.19–1.23): getConn,
// queueForIdleConn, queueForDial, dialConnFor, tryPutIdleConn, putOrCloseIdleConn, decConnsPerHost,
// persistConn.closeConnIfStillIdle, and the body's EOF hook (bodyEOFSignal: the connection is back in the pool
// before Read returns io.EOF). Those functions count connections the same way in 1.19–1.23; 1.22 skips a dial whose
// request was served before the dial goroutine ran, and 1.23 no longer cancels a dial with its request — neither
// happens in these workloads (no cancellation; a dial starts at once).
// Simplified: one host, HTTP/1.1, every dial succeeds after DialCost, the server never closes a connection.
namespace GoRuntimeLab.NetPool;

/// <summary>A deterministic discrete-event model of one <c>http.Transport</c> talking to one host.</summary>
public static class TransportPoolSimulator
{
    /// <summary>Serves <paramref name="workload"/> with <paramref name="config"/>.</summary>
    /// <exception cref="SimulationBudgetException">More than <see cref="TransportPoolConfig.MaxEvents"/> events.</exception>
    public static TransportPoolResult Run(TransportPoolConfig config, PoolWorkload workload)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(workload);
        return new Simulation(config, workload).Execute();
    }

    private sealed class Conn(int id)
    {
        public int Id { get; } = id;
        public bool Reused { get; set; }      // persistConn.isReused: set by markReused in tryPutIdleConn
        public bool Idle { get; set; }
        public long IdleAt { get; set; }
        public int IdleGeneration { get; set; }
    }

    private sealed class Want(int request, int caller, long askedAt)
    {
        public int Request { get; } = request;
        public int Caller { get; } = caller;
        public long AskedAt { get; } = askedAt;
        public bool Done { get; set; }        // wantConn.waiting() == false
    }

    private sealed class Simulation(TransportPoolConfig config, PoolWorkload workload)
    {
        private readonly PoolEventQueue _q = new(config.MaxEvents, "TransportPoolConfig.MaxEvents");
        private PoolRequestDriver? _requestDriver;

        // The workload's side: made on first use, since it calls back into this simulation.
        private PoolRequestDriver Requests => _requestDriver ??= new(_q, workload, (id, caller) => GetConn(new Want(id, caller, _q.Now)));
        private readonly Random _random = new(workload.Seed);
        private readonly List<Conn> _idle = [];                 // t.idleConn[key], oldest first (also the idleLRU order: one host)
        private readonly Queue<Want> _idleConnWait = new();      // t.idleConnWait[key]
        private readonly Queue<Want> _connsPerHostWait = new();  // t.connsPerHostWait[key]
        private readonly List<PoolRequestRecord> _records = [];
        private readonly long _timeout = PoolWorkload.Ns(config.IdleConnTimeout);
        private int _connsPerHost, _open, _maxOpen, _dials, _handedOn, _reused, _busyLeaked;
        private int _overflow, _lru, _timedOut, _noKeepAlive, _waitedPerHost;
        private int _connIds;
        private long _lastEnd;

        public TransportPoolResult Execute()
        {
            Requests.Start();
            _q.Run();
            return new TransportPoolResult(config, workload, _records.Count, _dials, _reused, _handedOn, _overflow, _lru, _timedOut,
                _noKeepAlive, _waitedPerHost, _maxOpen, _idle.Count, _busyLeaked, _lastEnd / 1e6,
                LatencySummary.FromNanoseconds(_records.Select(r => (long)(r.LatencyMs * 1e6))), _records);
        }

        // transport.go getConn: an idle connection if there is one, else permission to dial (queueForDial), and
        // meanwhile stay registered for the next connection that becomes idle (whichever comes first wins).
        private void GetConn(Want w)
        {
            if (QueueForIdleConn(w)) return;
            QueueForDial(w);
        }

        // transport.go queueForIdleConn: the most recently used idle connection (end of the list); one idle longer
        // than IdleConnTimeout is skipped and closed; none ⇒ join idleConnWait. DisableKeepAlives ⇒ never.
        private bool QueueForIdleConn(Want w)
        {
            if (config.DisableKeepAlives) return false;
            while (_idle.Count > 0)
            {
                var pc = _idle[^1];
                _idle.RemoveAt(_idle.Count - 1);
                pc.Idle = false;
                if (_timeout > 0 && pc.IdleAt < _q.Now - _timeout)
                {
                    _timedOut++; // go pconn.closeConnIfStillIdle()
                    Close(pc);
                    continue;
                }
                Deliver(w, pc);
                return true;
            }
            _idleConnWait.Enqueue(w);
            return false;
        }

        // transport.go queueForDial: dial at once when MaxConnsPerHost is 0 or not reached (connsPerHost++), else
        // wait in connsPerHostWait for decConnsPerHost.
        private void QueueForDial(Want w)
        {
            if (config.MaxConnsPerHost <= 0) { StartDial(w); return; }
            if (_connsPerHost < config.MaxConnsPerHost)
            {
                _connsPerHost++;
                StartDial(w);
                return;
            }
            _waitedPerHost++;
            _connsPerHostWait.Enqueue(w);
        }

        // transport.go dialConnFor: dial, then tryDeliver; a request already served by an idle connection leaves
        // the new one to putOrCloseIdleConn.
        private void StartDial(Want w)
        {
            _dials++;
            _q.At(_q.Now + PoolWorkload.Ns(config.DialCost), () =>
            {
                var pc = new Conn(++_connIds);
                _open++;
                _maxOpen = Math.Max(_maxOpen, _open);
                if (!w.Done) Deliver(w, pc);
                else
                {
                    _handedOn++;
                    PutOrCloseIdleConn(pc);
                }
            });
        }

        private void Deliver(Want w, Conn pc)
        {
            w.Done = true;
            if (pc.Reused) _reused++;
            var gotAt = _q.Now;
            _q.At(_q.Now + workload.Latency.SampleNanoseconds(_random), () => ResponseDone(w, pc, gotAt));
        }

        private void ResponseDone(Want w, Conn pc, long gotAt)
        {
            _records.Add(new PoolRequestRecord(w.Request, w.Caller, w.AskedAt / 1e6, pc.Id, pc.Reused, (gotAt - w.AskedAt) / 1e6, (_q.Now - w.AskedAt) / 1e6));
            _lastEnd = _q.Now;
            if (_records.Count == workload.Requests) _q.Stop(); // the result is the pool as the last response leaves it
            // bodyEOFSignal → persistConn.readLoop: tryPutIdleConn runs before the caller's Read returns io.EOF.
            if (!workload.ReleasesConnections) _busyLeaked++;
            else if (config.DisableKeepAlives) { _noKeepAlive++; Close(pc); } // "Connection: close": one request per connection
            else PutOrCloseIdleConn(pc);

            Requests.Finished(w.Caller);
        }

        // transport.go putOrCloseIdleConn / tryPutIdleConn.
        private void PutOrCloseIdleConn(Conn pc)
        {
            if (config.MaxIdleConnsPerHost < 0) { _noKeepAlive++; Close(pc); return; } // errKeepAlivesDisabled
            pc.Reused = true; // pconn.markReused()
            // Deliver to a goroutine waiting for an idle connection, even one that is dialing ("late binding").
            while (_idleConnWait.Count > 0)
            {
                var w = _idleConnWait.Dequeue();
                if (w.Done) continue;
                Deliver(w, pc);
                return;
            }
            if (_idle.Count >= config.EffectiveMaxIdleConnsPerHost) { _overflow++; Close(pc); return; } // errTooManyIdleHost
            _idle.Add(pc);
            pc.Idle = true;
            pc.IdleAt = _q.Now;
            if (config.MaxIdleConns != 0 && _idle.Count > config.MaxIdleConns)
            {
                var oldest = _idle[0]; // idleLRU.removeOldest
                _idle.RemoveAt(0);
                oldest.Idle = false;
                _lru++; // errTooManyIdle
                Close(oldest);
            }
            if (_timeout > 0 && pc.Idle)
            {
                var generation = ++pc.IdleGeneration; // idleTimer.Reset
                _q.At(_q.Now + _timeout, () =>
                {
                    // persistConn.closeConnIfStillIdle
                    if (!pc.Idle || pc.IdleGeneration != generation) return;
                    _idle.Remove(pc);
                    pc.Idle = false;
                    _timedOut++;
                    Close(pc);
                });
            }
        }

        // persistConn.closeLocked → Transport.decConnsPerHost: the freed slot goes to the first request still
        // waiting in connsPerHostWait, which dials.
        private void Close(Conn pc)
        {
            pc.Idle = false;
            _open--;
            if (config.MaxConnsPerHost <= 0) return;
            while (_connsPerHostWait.Count > 0)
            {
                var w = _connsPerHostWait.Dequeue();
                if (w.Done) continue;
                StartDial(w);
                return;
            }
            _connsPerHost--;
        }
    }
}
