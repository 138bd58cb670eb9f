// Mirrors: the cases of data/go/zerocopy (main.go, unsafe_go120.go) and the Go source that decides, for each, whether
// bytes are copied — named per case in ZeroCopyCases. Go 1.19–1.23.
namespace GoRuntimeLab.ZeroCopy;

/// <summary>
/// One benchmark family of data/go/zerocopy ("StringFromBytes/escapes"): whether it copies the data, what happens in
/// Chinese for the learner, and the Go source (file, function) that decides it.
/// </summary>
/// <param name="Family">The benchmark name without "Benchmark", the size part and the GOMAXPROCS suffix.</param>
/// <param name="Copies">True when the payload's bytes are copied (into a new allocation or a caller's buffer).</param>
/// <param name="WhatHappens">What the code does, in Chinese.</param>
/// <param name="GoSource">The Go source that makes the rule (file and function).</param>
/// <param name="MinGo">The first Go release that has the case (unsafe.String/StringData: 1.20).</param>
public sealed record ZeroCopyCase(string Family, bool Copies, string WhatHappens, string GoSource, string MinGo = "go1.19");
