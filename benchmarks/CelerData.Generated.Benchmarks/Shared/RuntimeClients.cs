using System;
using System.Net.Http;
using System.Reflection;
using CelerData.Generated.Benchmarks.Cloud;
using CelerData.Generated.Runtime;

namespace CelerData.Generated.Benchmarks.Shared;

/// <summary>Builds runtime clients over in-memory handlers through the public factory, and reaches the handler chain it built.</summary>
public static class RuntimeClients
{
    public static CelerDataClientOptions Options => new()
    {
        ClientId = "benchmark-client",
        ClientSecret = "benchmark-secret",
        BaseAddress = CannedToken.BaseAddress,

        // The contention rig moves a fake clock by up to an hour between rounds while a refresh may be in flight; the
        // fetch timeout runs on that clock, so it must outlast the moves (the endpoint itself answers in microseconds).
        TokenFetchTimeout = TimeSpan.FromDays(1),
    };

    public static CelerDataClient<ICelerDataCloudApi> Create(HttpMessageHandler primary, TimeProvider? timeProvider = null)
        => CelerDataClientFactory.Create(CelerDataCloudClient.Descriptor, Options, primary, timeProvider);

    /// <summary>
    /// The outermost handler of the client's API pipeline (the telemetry handler). The handlers are internal to the
    /// runtime and the runtime is not ours to change, so the benchmark reads the chain the factory built.
    /// </summary>
    public static DelegatingHandler ApiPipeline(CelerDataClient<ICelerDataCloudApi> client)
    {
        var httpClient = (HttpClient)Field(client.GetType(), "_apiHttpClient").GetValue(client)!;
        return (DelegatingHandler)Field(typeof(HttpMessageInvoker), "_handler").GetValue(httpClient)!;
    }

    /// <summary>The handler of the client's API pipeline whose type has the name given (<c>BearerAuthenticationHandler</c>).</summary>
    public static DelegatingHandler ApiHandler(CelerDataClient<ICelerDataCloudApi> client, string typeName)
    {
        for (HttpMessageHandler? handler = ApiPipeline(client); handler is DelegatingHandler delegating; handler = delegating.InnerHandler)
        {
            if (delegating.GetType().Name == typeName)
            {
                return delegating;
            }
        }

        throw new InvalidOperationException($"The API pipeline has no {typeName}; update the benchmark.");
    }

    private static FieldInfo Field(Type type, string name)
        => type.GetField(name, BindingFlags.Instance | BindingFlags.NonPublic)
            ?? throw new InvalidOperationException($"{type.Name}.{name} is gone; update the benchmark to reach the handler chain another way.");
}
