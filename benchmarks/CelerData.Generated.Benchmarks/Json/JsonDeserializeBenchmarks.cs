using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BenchmarkDotNet.Attributes;
using CelerData.Generated.Benchmarks.Cloud;
using CelerData.Generated.Benchmarks.Shared;

namespace CelerData.Generated.Benchmarks.Json;

/// <summary>Reading the token reply: our emitted context against the System.Text.Json generator, reflection and a hand-written reader.</summary>
[MemoryDiagnoser]
[BenchmarkCategory("Json")]
public class JsonDeserializeBenchmarks
{
    private static readonly JsonSerializerOptions ReflectionOptions = new() { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    [Benchmark(Baseline = true, Description = "STJ generator")]
    public HandToken StjGenerator() => JsonSerializer.Deserialize(CannedToken.Utf8, HandJsonContext.Default.HandToken)!;

    [Benchmark(Description = "CelerData.Generated context")]
    public AccessTokenResponse Ours() => JsonSerializer.Deserialize(CannedToken.Utf8, CelerDataCloudJsonContext.Default.AccessTokenResponse)!;

    [Benchmark(Description = "STJ reflection")]
    public HandToken Reflection() => JsonSerializer.Deserialize<HandToken>(CannedToken.Utf8, ReflectionOptions)!;

    [Benchmark(Description = "Hand-written Utf8JsonReader")]
    public HandToken HandWritten() => HandTokenParser.Parse(CannedToken.Utf8);

    [Benchmark(Description = "Hand-written reader as a converter (JsonSerializer's floor)")]
    public HandToken JsonSerializerFloor() => JsonSerializer.Deserialize(CannedToken.Utf8, HandTokenConverter.TypeInfo)!;
}
