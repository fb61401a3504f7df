using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using CelerData.Generated.Benchmarks.Cloud;
using CelerData.Generated.Benchmarks.Shared;
using CelerData.Generated.Runtime;

namespace CelerData.Generated.Benchmarks.WarmPath;

/// <summary>
/// The per-request cost of authentication once a token is cached: the bearer handler alone and the runtime's
/// whole API pipeline, against an invoker with no handler, all over a terminal handler that costs nothing.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("WarmPath")]
public class BearerWarmPathBenchmarks
{
    private readonly HttpRequestMessage _request = new(HttpMethod.Get, new Uri(CannedToken.BaseAddress, "api/1.0/clusters"));
    private ApiTerminalHandler _terminal = null!;
    private HttpMessageInvoker _none = null!;
    private HttpMessageInvoker _bearerOnly = null!;
    private HttpMessageInvoker _pipeline = null!;
    private CelerDataClient<ICelerDataCloudApi> _bearerClient = null!;
    private CelerDataClient<ICelerDataCloudApi> _pipelineClient = null!;

    [GlobalSetup]
    public void Setup()
    {
        _request.Options.Set(SecurityRequirement.Key, SecurityRequirement.Bearer);
        _terminal = new ApiTerminalHandler();
        _none = new HttpMessageInvoker(_terminal, disposeHandler: false);

        _bearerClient = RuntimeClients.Create(new ApiTerminalHandler());
        Warm(_bearerClient);
        var bearer = RuntimeClients.ApiHandler(_bearerClient, "BearerAuthenticationHandler");
        bearer.InnerHandler = _terminal;
        _bearerOnly = new HttpMessageInvoker(bearer, disposeHandler: false);

        _pipelineClient = RuntimeClients.Create(new ApiTerminalHandler());
        Warm(_pipelineClient);
        _pipeline = new HttpMessageInvoker(RuntimeClients.ApiPipeline(_pipelineClient), disposeHandler: false);
    }

    [Benchmark(Baseline = true, Description = "No handler")]
    public Task<HttpResponseMessage> NoHandler() => _none.SendAsync(_request, CancellationToken.None);

    [Benchmark(Description = "Bearer handler, cached token")]
    public Task<HttpResponseMessage> BearerHandler() => _bearerOnly.SendAsync(_request, CancellationToken.None);

    [Benchmark(Description = "Whole runtime API pipeline, cached token")]
    public Task<HttpResponseMessage> WholePipeline() => _pipeline.SendAsync(_request, CancellationToken.None);

    [GlobalCleanup]
    public void Cleanup()
    {
        _bearerClient.Dispose();
        _pipelineClient.Dispose();
        _none.Dispose();
    }

    private static void Warm(CelerDataClient<ICelerDataCloudApi> client)
        => client.TokenCache!.GetAccessTokenAsync().AsTask().GetAwaiter().GetResult();
}
