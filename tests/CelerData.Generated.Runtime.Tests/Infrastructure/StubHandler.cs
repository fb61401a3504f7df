using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace CelerData.Generated.Runtime.Tests.Infrastructure;

/// <summary>What reached the wire.</summary>
public sealed record SentRequest(string Method, string PathAndQuery, string? Authorization, string? Body, string? ContentClass = null);

/// <summary>A primary handler that answers token and API requests from delegates and records what it was sent.</summary>
public sealed class StubHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<SentRequest> _sent = new();
    private int _tokenCalls;
    private int _apiCalls;

    /// <summary>Answers the n-th (1-based) token request.</summary>
    public Func<int, HttpResponseMessage> Token { get; set; } = _ => Json(Secrets.TokenJson());

    /// <summary>Answers the n-th (1-based) request that is not a token request.</summary>
    public Func<int, HttpRequestMessage, HttpResponseMessage> Api { get; set; } = (_, _) => Json("""{"code":20000}""");

    public IReadOnlyList<SentRequest> Sent => _sent.ToArray();

    public int TokenCalls => Volatile.Read(ref _tokenCalls);

    public int ApiCalls => Volatile.Read(ref _apiCalls);

    public static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    public static HttpResponseMessage Status(HttpStatusCode status) => new(status) { Content = new StringContent("") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        _sent.Enqueue(new SentRequest(request.Method.Method, request.RequestUri!.PathAndQuery, request.Headers.Authorization?.ToString(), body, request.Content?.GetType().FullName));
        var response = request.RequestUri.AbsolutePath.EndsWith("/token", StringComparison.Ordinal)
            ? Token(Interlocked.Increment(ref _tokenCalls))
            : Api(Interlocked.Increment(ref _apiCalls), request);
        response.RequestMessage = request;
        return response;
    }
}
