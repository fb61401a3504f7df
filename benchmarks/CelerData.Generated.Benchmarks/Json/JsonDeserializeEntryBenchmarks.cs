using System.Text.Json;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using CelerData.Generated.Benchmarks.Cloud;
using CelerData.Generated.Benchmarks.Shared;

namespace CelerData.Generated.Benchmarks.Json;

/// <summary>
/// Where the generated reader's time goes (docs/benchmarks.md, section 1): the token reply through
/// <see cref="JsonSerializer"/> as the client reads it, the same converter called directly on a reader (what
/// <see cref="JsonSerializer"/>'s entry costs any converter: its reader options, read stack and checks), and the
/// hand-written <see cref="Utf8JsonReader"/> parser, which has no entry at all.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Json")]
public class JsonDeserializeEntryBenchmarks
{
    private static readonly JsonConverter<AccessTokenResponse> Converter =
        (JsonConverter<AccessTokenResponse>)CelerDataCloudJsonContext.Default.AccessTokenResponse.Converter;

    [Benchmark(Baseline = true, Description = "Context, through JsonSerializer")]
    public AccessTokenResponse Ours() => JsonSerializer.Deserialize(CannedToken.Utf8, CelerDataCloudJsonContext.Default.AccessTokenResponse)!;

    [Benchmark(Description = "Context's converter, called directly")]
    public AccessTokenResponse Direct()
    {
        var reader = new Utf8JsonReader(CannedToken.Utf8);
        reader.Read();
        return Converter.Read(ref reader, typeof(AccessTokenResponse), CelerDataCloudJsonContext.Default.Options)!;
    }

    [Benchmark(Description = "Hand-written Utf8JsonReader")]
    public HandToken HandWritten() => HandTokenParser.Parse(CannedToken.Utf8);
}
