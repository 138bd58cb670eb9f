// Mirrors: debug/buildinfo/buildinfo.go readRawBuildInfo and decodeString (Go 1.19-1.23): the 32-byte header starting
// with the magic "\xff Go buildinf:" at a 16-byte-aligned offset of the data start, the flag bit 2 (Go 1.18+: the
// version and the module info follow inline as uvarint-length strings), the 16-byte sentinels around the module info;
// then runtime/debug/mod.go ParseBuildInfo for its "path", "mod", "dep" and "build" lines (a value with spaces is
// quoted, strconv.Quote). Simplified: binaries of Go before 1.18 (pointers into the data segment) are reported as
// having no build information rather than read.
using System.Text;

namespace GoRuntimeLab.Binaries;

internal static class BuildInfoReader
{
    /// <summary>How far from the data start the magic is looked for (debug/buildinfo reads up to 64 KiB there).</summary>
    public const long MaxScan = 64 * 1024;

    private static readonly byte[] Magic = Encoding.Latin1.GetBytes("\u00ff Go buildinf:");

    public static GoBuildInfo? Read(ByteSource src, long start, long length)
    {
        var data = src.Read(start, length, "Go build information");
        ReadOnlySpan<byte> span = data;
        var at = 0;
        while (true)
        {
            var i = span[at..].IndexOf(Magic);
            if (i < 0) return null;
            var pos = at + i;
            if (data.Length - pos < 32) return null;
            if (pos % 16 == 0)
            {
                at = pos;
                break;
            }
            at = (pos + 15) & ~15;
            if (at >= data.Length) return null;
        }
        if ((data[at + 15] & 2) == 0) return null; // Go before 1.18: pointers, not read (see the header comment)
        var rest = span[(at + 32)..];
        var version = DecodeString(ref rest);
        var mod = DecodeString(ref rest);
        if (string.IsNullOrEmpty(version)) return null;
        if (mod is not null && mod.Length >= 33 && mod[^17] == '\n') mod = mod[16..^16];
        else mod = "";
        return Parse(version, mod);
    }

    // decodeString: a uvarint length and that many bytes; null (Go: "", nil) when it does not fit.
    private static string? DecodeString(ref ReadOnlySpan<byte> data)
    {
        ulong u = 0;
        var shift = 0;
        var n = 0;
        while (true)
        {
            if (n >= data.Length || n >= 10) return null;
            var b = data[n++];
            u |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80) break;
            shift += 7;
        }
        if (u > (ulong)(data.Length - n)) return null;
        var s = Encoding.UTF8.GetString(data.Slice(n, (int)u));
        data = data[(n + (int)u)..];
        return s;
    }

    // runtime/debug ParseBuildInfo, the lines this reader reports: "path\t…" and "build\tkey=value".
    private static GoBuildInfo Parse(string version, string mod)
    {
        var path = "";
        var settings = new List<GoBuildSetting>();
        foreach (var line in mod.Split('\n'))
        {
            if (line.StartsWith("path\t", StringComparison.Ordinal)) path = line[5..];
            else if (line.StartsWith("build\t", StringComparison.Ordinal))
            {
                var kv = line[6..];
                var eq = kv.StartsWith('"') ? QuotedEnd(kv) : kv.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0) continue;
                settings.Add(new GoBuildSetting(Unquote(kv[..eq]), Unquote(kv[(eq + 1)..])));
            }
        }
        return new GoBuildInfo(version, path, settings);
    }

    private static int QuotedEnd(string kv)
    {
        for (var i = 1; i < kv.Length; i++)
        {
            if (kv[i] == '\\') i++;
            else if (kv[i] == '"') return i + 1 < kv.Length && kv[i + 1] == '=' ? i + 1 : -1;
        }
        return -1;
    }

    // strconv.Unquote for what strconv.Quote writes in build lines: \" \\ \t \n and \xNN / \uNNNN escapes.
    private static string Unquote(string s)
    {
        if (s.Length < 2 || s[0] != '"' || s[^1] != '"') return s;
        var sb = new StringBuilder();
        for (var i = 1; i < s.Length - 1; i++)
        {
            var c = s[i];
            if (c != '\\' || i + 1 >= s.Length - 1)
            {
                sb.Append(c);
                continue;
            }
            var e = s[++i];
            switch (e)
            {
                case 'n': sb.Append('\n'); break;
                case 't': sb.Append('\t'); break;
                case 'r': sb.Append('\r'); break;
                case 'x' when i + 2 < s.Length - 1 && byte.TryParse(s.AsSpan(i + 1, 2), System.Globalization.NumberStyles.HexNumber, null, out var x):
                    sb.Append((char)x); i += 2; break;
                case 'u' when i + 4 < s.Length - 1 && ushort.TryParse(s.AsSpan(i + 1, 4), System.Globalization.NumberStyles.HexNumber, null, out var u):
                    sb.Append((char)u); i += 4; break;
                default: sb.Append(e); break;
            }
        }
        return sb.ToString();
    }
}
