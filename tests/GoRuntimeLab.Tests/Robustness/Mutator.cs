using System.Text;

namespace GoRuntimeLab.Tests.Robustness;

/// <summary>
/// Damages real recordings the ways files get damaged or forged: bit flips, byte edits, truncation, duplicated and
/// deleted slices, random bytes, control bytes (ESC sequences, NUL, lone CR), a huge line, repeated lines. Each call
/// draws from the given <see cref="Random"/>, so a fixed seed gives a fixed sequence of inputs.
/// </summary>
internal static class Mutator
{
    /// <summary>A little over the parsers' 1 Mi-character line limit.</summary>
    public const int HugeLine = (1 << 20) + 10;

    private static readonly byte[] HugeX = Encoding.ASCII.GetBytes(new string('x', HugeLine));
    private static readonly byte[] HugeDigits = Encoding.ASCII.GetBytes(new string('9', HugeLine));

    private static readonly byte[][] Controls =
        [[0x1b, (byte)'[', (byte)'2', (byte)'J'], [0x1b, (byte)']', (byte)'0', (byte)';', (byte)'x', 0x07], [0], [(byte)'\r'], [0x7f], [0xc2, 0x9b], [0xe2, 0x80, 0xa8], [0xff, 0xfe]];

    public static byte[] Mutate(byte[] input, Random rng)
    {
        var data = new List<byte>(input);
        var edits = 1 + rng.Next(rng.Next(100) < 80 ? 2 : 8);
        for (var e = 0; e < edits; e++) Edit(data, rng);
        return data.ToArray();
    }

    private static void Edit(List<byte> data, Random rng)
    {
        var at = data.Count == 0 ? 0 : rng.Next(data.Count + 1);
        switch (rng.Next(100))
        {
            case < 25: // bit flips
                for (var i = rng.Next(1, 9); i > 0 && data.Count > 0; i--)
                {
                    var p = rng.Next(data.Count);
                    data[p] ^= (byte)(1 << rng.Next(8));
                }
                break;
            case < 35: // byte set to an interesting value
                if (data.Count > 0) data[rng.Next(data.Count)] = (byte)(rng.Next(2) == 0 ? rng.Next(256) : "0123456789 :.-\n\t%@"[rng.Next(18)]);
                break;
            case < 45: // truncation
                data.RemoveRange(at, data.Count - at);
                break;
            case < 55: // duplicate a slice
                {
                    var len = Math.Min(data.Count - Math.Min(at, data.Count), rng.Next(1, 4096));
                    if (len > 0) data.InsertRange(rng.Next(data.Count + 1), data.GetRange(Math.Min(at, data.Count - len), len));
                    break;
                }
            case < 63: // delete a slice
                data.RemoveRange(at, Math.Min(data.Count - at, rng.Next(1, 2048)));
                break;
            case < 73: // random bytes
                {
                    var junk = new byte[rng.Next(1, 64)];
                    rng.NextBytes(junk);
                    data.InsertRange(at, junk);
                    break;
                }
            case < 83: // control bytes
                data.InsertRange(at, Controls[rng.Next(Controls.Length)]);
                break;
            case < 84: // a huge line (rare: each costs a megabyte), at most one per input
                if (data.Count < HugeLine) data.InsertRange(at, rng.Next(2) == 0 ? HugeX : HugeDigits);
                break;
            case < 93: // a digit run (numbers too long for any field)
                data.InsertRange(at, Encoding.ASCII.GetBytes(new string('9', rng.Next(1, 40))));
                break;
            default: // a line repeated many times
                {
                    var text = data.ToArray();
                    if (text.Length == 0) break;
                    var start = Array.LastIndexOf(text, (byte)'\n', Math.Min(at, text.Length - 1));
                    var end = Array.IndexOf(text, (byte)'\n', start + 1);
                    if (end < 0 || end - start > 4096) break;
                    var line = data.GetRange(start + 1, end - start);
                    var copies = rng.Next(2, 100);
                    var block = new List<byte>(line.Count * copies);
                    for (var i = 0; i < copies; i++) block.AddRange(line);
                    data.InsertRange(end + 1, block);
                    break;
                }
        }
    }
}
