using System.Text.Json.Serialization;

namespace GoRuntimeLab.Wasm;

/// <summary>Source-generated JSON for the browser entry's own envelope (the commands' documents are the CLI's).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(BrowserRun))]
internal sealed partial class BrowserJson : JsonSerializerContext;
