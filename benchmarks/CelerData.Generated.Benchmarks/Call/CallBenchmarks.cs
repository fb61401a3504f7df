using System.Net.Http;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using CelerData.Generated.Benchmarks.Cloud;
using CelerData.Generated.Benchmarks.Json;
using CelerData.Generated.Benchmarks.Shared;
using Refit;

namespace CelerData.Generated.Benchmarks.Call;

/// <summary>
/// One whole token call over an in-memory handler: our generated client; the client Refit's generator builds for
/// the same interface, made with RestService.For (the baseline) and with RestService.ForGenerated (Refit's
/// trimming-safe path); and plain HttpClient.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Call")]
public class CallBenchmarks
{
    private HttpClient _http = null!;
    private ICelerDataCloudApi _ours = null!;
    private IHandTokenApi _refit = null!;
    private IHandTokenApi _refitGenerated = null!;
    private HandWrittenTokenClient _handWritten = null!;

    [GlobalSetup]
    public void Setup()
    {
        _http = new HttpClient(new CannedTokenHandler()) { BaseAddress = CannedToken.BaseAddress };
        _ours = RestService.ForGenerated<ICelerDataCloudApi>(_http, CelerDataCloudJsonContext.Default);
        _refit = RestService.For<IHandTokenApi>(_http, new RefitSettings(SystemTextJsonContentSerializer.ForContext(HandJsonContext.Default)));
        _refitGenerated = RestService.ForGenerated<IHandTokenApi>(_http, HandJsonContext.Default);
        _handWritten = new HandWrittenTokenClient(_http);
    }

    [Benchmark(Baseline = true, Description = "Refit generator + STJ context")]
    public Task<HandToken> Refit() => _refit.CreateAccessTokenAsync();

    [Benchmark(Description = "CelerData.Generated client")]
    public Task<AccessTokenResponse> Ours() => _ours.CreateAccessTokenAsync();

    [Benchmark(Description = "Refit generator, ForGenerated + STJ context")]
    public Task<HandToken> RefitForGenerated() => _refitGenerated.CreateAccessTokenAsync();

    [Benchmark(Description = "Hand-written HttpClient")]
    public Task<HandToken> HandWritten() => _handWritten.CreateAccessTokenAsync();

    [GlobalCleanup]
    public void Cleanup() => _http.Dispose();
}
