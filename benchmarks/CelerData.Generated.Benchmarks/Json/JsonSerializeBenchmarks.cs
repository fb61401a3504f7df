using System;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BenchmarkDotNet.Attributes;
using CelerData.Generated.Benchmarks.Cloud;

namespace CelerData.Generated.Benchmarks.Json;

/// <summary>
/// Writing the token reply to UTF-8 bytes, the same four ways, and a converter that writes nothing of its own (the
/// canned bytes), which is what <see cref="JsonSerializer"/> costs around any converter. The set-up fails the run
/// unless every row writes the same bytes.
/// </summary>
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

    [GlobalSetup]
    public void Check()
    {
        var expected = StjGenerator();
        if (!expected.AsSpan().SequenceEqual(Shared.CannedToken.Utf8))
        {
            throw new InvalidOperationException("The STJ generator does not write the canned token reply.");
        }

        foreach (var (row, bytes) in new[] { ("ours", Ours()), ("reflection", Reflection()), ("hand-written", HandWritten()), ("constant", JsonSerializerFloor()) })
        {
            if (!bytes.AsSpan().SequenceEqual(expected))
            {
                throw new InvalidOperationException("The " + row + " row writes other bytes than the STJ generator.");
            }
        }
    }

    [Benchmark(Baseline = true, Description = "STJ generator")]
    public byte[] StjGenerator() => JsonSerializer.SerializeToUtf8Bytes(HandValue, HandJsonContext.Default.HandToken);

    [Benchmark(Description = "CelerData.Generated context")]
    public byte[] Ours() => JsonSerializer.SerializeToUtf8Bytes(OursValue, CelerDataCloudJsonContext.Default.AccessTokenResponse);

    [Benchmark(Description = "STJ reflection")]
    public byte[] Reflection() => JsonSerializer.SerializeToUtf8Bytes(HandValue, ReflectionOptions);

    [Benchmark(Description = "Hand-written Utf8JsonWriter")]
    public byte[] HandWritten() => _writer.ToUtf8Bytes(HandValue);

    [Benchmark(Description = "Converter writing constant bytes (JsonSerializer's floor)")]
    public byte[] JsonSerializerFloor() => JsonSerializer.SerializeToUtf8Bytes(HandValue, ConstantTokenConverter.TypeInfo);

    [GlobalCleanup]
    public void Cleanup() => _writer.Dispose();
}
