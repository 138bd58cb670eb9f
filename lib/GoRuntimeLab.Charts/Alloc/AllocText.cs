using System.Globalization;
using GoRuntimeLab.Alloc;

namespace GoRuntimeLab.Charts.Alloc;

/// <summary>Chinese renderings of size-class lookups for the notebooks (the model's English stays for tests/CLI).</summary>
public static class AllocText
{
    /// <summary>What <c>AllocClass.ToString()</c> says, in Chinese with the Go terms kept (size class, span, tiny, header).</summary>
    public static string Lookup(AllocClass c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var inv = CultureInfo.InvariantCulture;
        var kind = c.Pointers ? "含指针" : "无指针 noscan";
        return c.Path switch
        {
            AllocPath.ZeroBase => $"0 B（{kind}，{c.Version}）：不分配，返回 &zerobase",
            AllocPath.Tiny => string.Create(inv,
                $"{c.RequestedSize} B（{kind}，{c.Version}）→ tiny 分配器：每个 16 B 块装 {c.TinyPerBlock} 个（按 {c.TinyAlign} 对齐），每个 {c.BytesPerObject:0.##} B，块来自 class 2 的 {c.SpanBytes} B span"),
            AllocPath.Large => string.Create(inv,
                $"{c.RequestedSize} B（{kind}，{c.Version}）→ 大对象：{c.Pages} 页 = {c.Size} B，浪费 {c.Waste:0} B（{c.WastePercent:0.#}%）"),
            _ => string.Create(inv,
                $"{c.RequestedSize} B（{kind}，{c.Version}）→ size class {c.Class}（{c.Size} B{(c.HeaderBytes > 0 ? $"，含 {c.HeaderBytes} B malloc header" : "")}），每个 {c.SpanBytes} B span 装 {c.Objects} 个，浪费 {c.Waste:0} B（{c.WastePercent:0.#}%）"),
        };
    }
}
