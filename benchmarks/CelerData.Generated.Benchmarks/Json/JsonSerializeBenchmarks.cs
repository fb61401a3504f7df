using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BenchmarkDotNet.Attributes;
using CelerData.Generated.Benchmarks.Cloud;

namespace CelerData.Generated.Benchmarks.Json;

/// <summary>Writing the token reply to UTF-8 bytes, the same four ways.</summary>
[MemoryDiagnoser]
[BenchmarkCategory("Json")]
public class JsonSerializeBenchmarks
{
    private static readonly JsonSerializerOptions ReflectionOptions = new() { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    private static readonly AccessTokenResponse OursValue = new()
    {
        AccessToken = Shared.CannedToken.AccessToken,
        ExpiresIn = 3600,
        RefreshToken = "OWE2MTLKZJQTMZC0YY01OWZKLTLINDQTZJIZZDRLZDFKYTNL",
        TokenType = "Bearer",
    };

    private static readonly HandToken HandValue = new()
    {
        AccessToken = OursValue.AccessToken,
        ExpiresIn = OursValue.ExpiresIn,
        RefreshToken = OursValue.RefreshToken,
        TokenType = OursValue.TokenType,
    };

    private readonly HandTokenParser _writer = new();

    [Benchmark(Baseline = true, Description = "STJ generator")]
    public byte[] StjGenerator() => JsonSerializer.SerializeToUtf8Bytes(HandValue, HandJsonContext.Default.HandToken);

    [Benchmark(Description = "CelerData.Generated context")]
    public byte[] Ours() => JsonSerializer.SerializeToUtf8Bytes(OursValue, CelerDataCloudJsonContext.Default.AccessTokenResponse);

    [Benchmark(Description = "STJ reflection")]
    public byte[] Reflection() => JsonSerializer.SerializeToUtf8Bytes(HandValue, ReflectionOptions);

    [Benchmark(Description = "Hand-written Utf8JsonWriter")]
    public byte[] HandWritten() => _writer.ToUtf8Bytes(HandValue);

    [GlobalCleanup]
    public void Cleanup() => _writer.Dispose();
}
