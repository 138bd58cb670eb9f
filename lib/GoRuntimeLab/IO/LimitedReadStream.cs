// Mirrors: nothing in Go; an I/O helper of the kit.
namespace GoRuntimeLab.IO;

/// <summary>
/// A read-only view of a stream that counts the bytes read and throws <see cref="KitInputLimitException"/> as soon
/// as more than <see cref="KitReadLimits.MaxBytes"/> arrive: an endless source costs at most the limit.
/// </summary>
internal sealed class LimitedReadStream(Stream inner, string source, KitReadLimits limits, bool leaveOpen) : ReadOnlyStream
{
    /// <summary>Bytes read so far.</summary>
    public long BytesRead { get; private set; }

    public override int Read(Span<byte> buffer)
    {
        // Ask for one byte more than the limit allows at most, so passing it is seen without reading further.
        var room = limits.MaxBytes - BytesRead + 1;
        if (buffer.Length > room) buffer = buffer[..(int)room];
        int n;
        try
        {
            n = inner.Read(buffer);
        }
        catch (IOException e)
        {
            throw KitInputException.For($"cannot read: {e.Message}", file: source);
        }
        BytesRead += n;
        if (BytesRead > limits.MaxBytes)
            throw KitInputLimitException.For($"more than {KitReadLimits.Size(limits.MaxBytes)}, the limit for a {limits.What} (real ones are far smaller; is this the right file?)",
                source, limits.MaxBytes);
        return n;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !leaveOpen) inner.Dispose();
        base.Dispose(disposing);
    }
}
