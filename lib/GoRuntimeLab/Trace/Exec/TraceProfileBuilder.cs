// Mirrors: cmd/trace pprof.go buildProfile (Go 1.19 and 1.21) and cmd/trace/v2 pprof.go buildProfile (Go 1.22/1.23):
// the same code in both, so V1Profiles and V2Profiles share it.
using GoRuntimeLab.Pprof;
using GoRuntimeLab.Trace.Exec.V1;

namespace GoRuntimeLab.Trace.Exec;

/// <summary>
/// The blocking profile <c>go tool trace -pprof=KIND</c> writes from its records: one sample per record with
/// [contentions, delay ns], one location per PC and one function per file+name, ids in order of first use.
/// </summary>
internal static class TraceProfileBuilder
{
    public static PprofProfile Build(IEnumerable<(IEnumerable<V1Frame> Stack, long Count, long Time)> records)
    {
        var locations = new List<PprofLocation>();
        var functions = new List<PprofFunction>();
        var locs = new Dictionary<ulong, PprofLocation>();
        var funcs = new Dictionary<string, PprofFunction>(StringComparer.Ordinal);
        var samples = new List<PprofSample>();
        foreach (var (stack, count, time) in records)
        {
            var sloc = new List<PprofLocation>();
            foreach (var frame in stack)
            {
                if (!locs.TryGetValue(frame.Pc, out var loc))
                {
                    if (!funcs.TryGetValue(frame.File + frame.Fn, out var fn))
                    {
                        fn = new PprofFunction((ulong)functions.Count + 1, frame.Fn, frame.Fn, frame.File, 0);
                        functions.Add(fn);
                        funcs[frame.File + frame.Fn] = fn;
                    }
                    loc = new PprofLocation((ulong)locations.Count + 1, null, frame.Pc, [new PprofLine(fn, frame.Line)]);
                    locations.Add(loc);
                    locs[frame.Pc] = loc;
                }
                sloc.Add(loc);
            }
            samples.Add(new PprofSample(sloc, [count, time], []));
        }

        return new PprofProfile
        {
            PeriodType = new PprofValueType("trace", "count"),
            Period = 1,
            SampleTypes = [new PprofValueType("contentions", "count"), new PprofValueType("delay", "nanoseconds")],
            Samples = samples,
            Locations = locations,
            Functions = functions,
        };
    }
}
