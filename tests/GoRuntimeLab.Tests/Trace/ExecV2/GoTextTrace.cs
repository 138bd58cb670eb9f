using System.Globalization;
using System.Text;
using GoRuntimeLab.Trace.Exec.V2;

namespace GoRuntimeLab.Tests.Trace.ExecV2;

/// <summary>
/// A trace in Go's text form (internal/trace/raw textreader.go: "Trace Go1.22", then one event per line exactly as
/// <c>go tool trace -d=2</c> prints it, stack frames and string data on indented lines), as Go's own test data holds it
/// (cmd/trace/testdata/go122.test, internal/trace/testdata/tests/*.test, txtar with "-- expect --" / "-- trace --").
/// Encoded to the binary wire format as raw/writer.go WriteEvent does; the per-name counts of its event lines are the
/// -d=2 oracle by construction.
/// </summary>
internal sealed record GoTextTrace(byte[] Binary, IReadOnlyDictionary<string, long> Counts, string Expect)
{
    public static GoTextTrace Load(string path)
    {
        var text = File.ReadAllText(path);
        var expect = "SUCCESS";
        var e = text.IndexOf("-- expect --\n", StringComparison.Ordinal);
        var t = text.IndexOf("-- trace --\n", StringComparison.Ordinal);
        if (t >= 0)
        {
            if (e >= 0) expect = text[(e + "-- expect --\n".Length)..t].Trim();
            text = text[(t + "-- trace --\n".Length)..];
        }

        var lines = text.Split('\n');
        var li = 0;
        while (Token(lines[li]) is null) li++;
        var header = lines[li++].Trim();
        Assert.StartsWith("Trace Go1.", header);
        var minor = int.Parse(header["Trace Go1.".Length..], CultureInfo.InvariantCulture);
        var specs = V2EventSpecs.For(minor);
        var byName = specs.Where(s => s is not null).ToDictionary(s => s!.Name, s => s!);

        var bin = new List<byte>(Encoding.ASCII.GetBytes($"go 1.{minor} trace\0\0\0"));
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        while (li < lines.Length)
        {
            var line = lines[li++];
            var name = Token(line);
            if (name is null) continue;
            var spec = byName[name];
            counts[name] = counts.GetValueOrDefault(name) + 1;
            bin.Add(spec.Type);
            var values = Values(line);
            Assert.Equal(spec.Args.Count, values.Count);
            foreach (var v in values) Uvarint(bin, v);
            if (spec.Type == V2EventSpecs.EvStack)
            {
                for (var f = 0UL; f < values[1]; f++)
                    foreach (var v in Values(lines[li++])) Uvarint(bin, v);
            }
            else if (spec.Type is V2EventSpecs.EvString or V2EventSpecs.EvExperimentalBatch)
            {
                var data = lines[li++].Trim();
                Assert.StartsWith("data=", data);
                var bytes = Unquote(data["data=".Length..]);
                Uvarint(bin, (ulong)bytes.Length);
                bin.AddRange(bytes);
            }
        }
        return new GoTextTrace([.. bin], counts, expect);
    }

    // raw/textreader.go readToken: the first token, with '#' starting a comment.
    private static string? Token(string line)
    {
        var s = line.Split('#')[0].Trim();
        return s.Length == 0 ? null : s.Split(' ', '\t')[0];
    }

    private static List<ulong> Values(string line) =>
        [.. line.Split('#')[0].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Skip(line.TrimStart().StartsWith("pc=", StringComparison.Ordinal) ? 0 : 1)
            .Select(kv => ulong.Parse(kv[(kv.IndexOf('=', StringComparison.Ordinal) + 1)..], CultureInfo.InvariantCulture))];

    private static void Uvarint(List<byte> b, ulong v)
    {
        while (v >= 0x80)
        {
            b.Add((byte)(v | 0x80));
            v >>= 7;
        }
        b.Add((byte)v);
    }

    // strconv.Unquote for the escapes strconv.Quote writes.
    internal static byte[] Unquote(string q)
    {
        Assert.True(q.Length >= 2 && q[0] == '"' && q[^1] == '"', q);
        var o = new List<byte>();
        for (var i = 1; i < q.Length - 1; i++)
        {
            var c = q[i];
            if (c != '\\')
            {
                o.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
                continue;
            }
            c = q[++i];
            switch (c)
            {
                case 'a': o.Add(7); break;
                case 'b': o.Add(8); break;
                case 'f': o.Add(12); break;
                case 'n': o.Add(10); break;
                case 'r': o.Add(13); break;
                case 't': o.Add(9); break;
                case 'v': o.Add(11); break;
                case 'x': o.Add(byte.Parse(q.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture)); i += 2; break;
                case 'u': o.AddRange(Encoding.UTF8.GetBytes(char.ConvertFromUtf32(int.Parse(q.AsSpan(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture)))); i += 4; break;
                case 'U': o.AddRange(Encoding.UTF8.GetBytes(char.ConvertFromUtf32(int.Parse(q.AsSpan(i + 1, 8), NumberStyles.HexNumber, CultureInfo.InvariantCulture)))); i += 8; break;
                default: o.Add((byte)c); break; // \\ and \"
            }
        }
        return [.. o];
    }
}
