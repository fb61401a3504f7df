using System;
using System.Net.Http;

namespace CelerData.Generated.Runtime;

/// <summary>
/// A client made by <see cref="CelerDataClientFactory"/>: the generated API and its token cache. Owns its
/// HTTP clients, handlers and primary handler and disposes them.
/// </summary>
/// <typeparam name="TApi">The generated Refit interface.</typeparam>
public sealed class CelerDataClient<TApi> : IDisposable
    where TApi : class
{
    private readonly HttpClient _apiHttpClient;
    private readonly HttpClient _tokenHttpClient;
    private readonly CelerDataClientRuntime _runtime;

    internal CelerDataClient(TApi api, HttpClient apiHttpClient, HttpClient tokenHttpClient, CelerDataClientRuntime runtime)
    {
        Api = api;
        _apiHttpClient = apiHttpClient;
        _tokenHttpClient = tokenHttpClient;
        _runtime = runtime;
    }

    /// <summary>The generated API.</summary>
    public TApi Api { get; }

    /// <summary>The token cache; <see langword="null"/> when the specification has no token operation.</summary>
    public CelerDataTokenCache? TokenCache => _runtime.TokenCache;

    /// <summary>Disposes the HTTP clients, the handlers and the token cache.</summary>
    public void Dispose()
    {
        _apiHttpClient.Dispose();
        _tokenHttpClient.Dispose();
        _runtime.Dispose();
    }
}
