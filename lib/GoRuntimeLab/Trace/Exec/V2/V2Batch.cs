namespace GoRuntimeLab.Trace.Exec.V2;

/// <summary>One batch of an M's timed events (batch.go batch): its base time in ticks, its bytes and their file offset.</summary>
internal sealed record V2Batch(ulong Time, byte[] Data, long Offset);
