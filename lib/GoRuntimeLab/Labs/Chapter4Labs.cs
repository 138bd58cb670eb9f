// Mirrors: net/http/transport.go (getConn, tryPutIdleConn: errTooManyIdleHost) and database/sql/sql.go (DB.conn,
// putConn, DBStats.WaitCount) through the NetPool models; cmd/compile/internal/types/size.go (CalcStructSize) and
// golang.org/x/tools/go/analysis/passes/fieldalignment (optimalOrder) through the Layouts model.
using GoRuntimeLab.Layouts;
using GoRuntimeLab.NetPool;
using static GoRuntimeLab.Labs.LabChecks;

namespace GoRuntimeLab.Labs;

/// <summary>The labs of chapter 4 (网络与内存布局). Every answer is computed by a model run.</summary>
internal static class Chapter4Labs
{
    private const string EventSource = @"package lab
type Event struct {
    Kind uint8
    At   int64
    Name string
    Tags []string
    Done bool
}";

    private const string SessionSource = @"package lab
type Session struct {
    Open    bool
    User    string
    Retries int16
    Expires int64
    Admin   bool
    Score   float32
    Data    []byte
    Closed  bool
}";

    private const string MetricsSource = @"package lab
type Metrics struct {
    Name    string
    Labels  []string
    Count   uint64
    Sum     float64
    Buckets [12]uint64
    Max     float64
}";

    public static IEnumerable<Lab> All()
    {
        var dials = Lazy(() => (long)TransportPoolSimulator.Run(TransportPoolConfig.Default,
            PoolWorkload.Default.WithConcurrency(5).WithRequests(50)).Dials);
        yield return new Lab
        {
            Id = "04.2-wave-dials",
            Title = "5 个并发、每 host 2 条空闲连接",
            Points = 2,
            Question = "零值 Transport（TransportPoolConfig.Default，MaxIdleConnsPerHost 实际为 2），负载为 PoolWorkload.Default.WithConcurrency(5).WithRequests(50)（一波一波的突发，每个请求 10 ms）：一共拨号（新建连接）多少次？答案是一个整数。",
            Hints = ["第一波的每个请求都找不到空闲连接。", "每一波结束时，有多少条连接能回到空闲池，多少条被 tryPutIdleConn 关掉？", "数一数每一波需要新拨的连接，再乘以波数；可用 TransportPoolSimulator.Run(...).Dials 核对。"],
            Checker = Integer(dials),
            Reference = () => dials.Value,
            Spoilers = ["拨号 {0} 次", "{0} 次拨号", "Dials = {0}", "拨号 = {0}"],
            Explanation = "第一波新建 5 条；之后每一波只有 2 条空闲连接可复用，其余 3 个请求都要重新拨号。",
        };

        var waits = Lazy(() => SqlPoolSimulator.Run(SqlPoolConfig.Default.WithMaxOpenConns(4),
            PoolWorkload.Default.WithConcurrency(6).WithRequests(60)).Stats.WaitCount);
        yield return new Lab
        {
            Id = "04.2-sql-wait-count",
            Title = "SetMaxOpenConns(4) 时的排队次数",
            Points = 3,
            Question = "database/sql 连接池：SqlPoolConfig.Default.WithMaxOpenConns(4)（空闲上限仍为默认 2），负载为 PoolWorkload.Default.WithConcurrency(6).WithRequests(60)（一波一波，每次查询 10 ms）：结束时 db.Stats() 的 WaitCount 是多少？答案是一个整数。",
            Hints = ["WaitCount 数的是因为打开的连接已达 MaxOpenConns 而排队等待的查询。", "每一波有 6 个查询同时到达，最多只能有 4 条连接：其余的查询在 DB.conn 里排队。", "数出每一波排队的查询数再乘以波数；可用 SqlPoolSimulator.Run(...).Stats.WaitCount 核对。"],
            Checker = Integer(waits),
            Reference = () => waits.Value,
            Spoilers = ["WaitCount = {0}", "WaitCount 是 {0}", "WaitCount 为 {0}", "排队 {0} 次"],
            Explanation = "每一波有 2 个查询拿不到连接，在 connRequests 里等前面的查询 putConn 把连接直接交给它们。",
        };

        var size386 = Lazy(() => GoLayout.Analyze(EventSource, "386")["Event"].Size);
        yield return new Lab
        {
            Id = "04.3-size-386",
            Title = "386 上的结构体大小",
            Points = 3,
            Question = "下面的类型在 GOARCH=386 上 unsafe.Sizeof(Event{}) 是多少字节？可用 GoLayout.Analyze(源码, \"386\") 验证。答案是一个整数。\n\n" + EventSource,
            Hints = ["386 上指针和 int 是 4 字节：string 是 2 个字、切片是 3 个字。", "386 上 int64 的对齐只有 4（不是 8）。", "逐个字段算偏移，最后把大小向上取整到最大对齐的倍数。"],
            Checker = Integer(size386),
            Reference = () => size386.Value,
            Spoilers = ["386 上是 {0} 字节", "Sizeof 是 {0}", "大小为 {0} 字节", "大小 = {0}"],
            Explanation = "386 上 int64 按 4 字节对齐，Kind 后只补 3 字节；string 8 字节、切片 12 字节，末尾的 bool 再补到 4 的倍数。",
        };

        var optimal = Lazy(() => GoLayout.Analyze(SessionSource)["Session"].Optimal.Size);
        yield return new Lab
        {
            Id = "04.3-optimal-size",
            Title = "fieldalignment 的最优大小",
            Points = 2,
            Question = "在 amd64 上把下面的 Session 按 fieldalignment 的最优顺序重排，结构体是多少字节？答案是一个整数。\n\n" + SessionSource,
            Hints = ["先数出所有字段本身一共占多少字节（不含填充）。", "按对齐从大到小排：8 字节对齐的字段在前，然后 4、2、1。", "最后的大小还要向上取整到 8 的倍数；可用 GoLayout.Analyze(源码)[\"Session\"].Optimal.Size 核对。"],
            Checker = Integer(optimal),
            Reference = () => optimal.Value,
            Spoilers = ["最优大小是 {0}", "最优大小为 {0}", "重排后 {0} 字节", "Optimal.Size = {0}"],
            Explanation = "8 字节对齐的 string、int64、切片在前，float32、int16 和三个 bool 跟在后面，只剩末尾一点填充。",
        };

        var line = Lazy(() =>
        {
            var metrics = GoLayout.Analyze(MetricsSource)["Metrics"];
            return (long)metrics.CacheLines().Lines.Single(l => l.Fields.Contains("Max")).Index;
        });
        yield return new Lab
        {
            Id = "04.3-cache-line",
            Title = "Max 落在第几条缓存行",
            Points = 2,
            Question = "amd64 上，一个从 64 字节边界开始的 Metrics 值：字段 Max 落在第几条缓存行（从 0 开始编号，行宽 64 字节）？答案是一个整数。\n\n" + MetricsSource,
            Hints = ["先算每个字段的偏移：string 16 字节、切片 24 字节、数组是元素大小乘以长度。", "偏移 ÷ 64 向下取整就是行号。", "可用 GoLayout.Analyze(源码)[\"Metrics\"].CacheLines() 核对。"],
            Checker = Integer(line),
            Reference = () => line.Value,
            Spoilers = ["Max 落在第 {0}", "Max 在第 {0}", "Max 的行号是 {0}"],
            Explanation = "Name、Labels 就占了 40 字节，Count、Sum 到 56，12 个 uint64 的数组又占 96 字节，Max 的偏移除以 64 向下取整就是行号。",
        };
    }
}
