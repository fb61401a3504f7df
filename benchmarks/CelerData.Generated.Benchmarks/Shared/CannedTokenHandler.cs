using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace CelerData.Generated.Benchmarks.Shared;

/// <summary>An in-memory token endpoint: answers every request with the canned token, counting the requests.</summary>
/// <param name="latency">How long the endpoint takes to answer; zero answers synchronously.</param>
public sealed class CannedTokenHandler(TimeSpan latency = default) : HttpMessageHandler
{
    private static readonly MediaTypeHeaderValue JsonType = new("application/json");
    private int _requests;

    public int Requests => Volatile.Read(ref _requests);

    public void ResetCount() => Interlocked.Exchange(ref _requests, 0);

    public Task<HttpResponseMessage> Respond(HttpRequestMessage request, CancellationToken cancellationToken) => SendAsync(request, cancellationToken);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        => latency == TimeSpan.Zero ? Task.FromResult(Reply(request)) : ReplyLaterAsync(request, cancellationToken);

    private async Task<HttpResponseMessage> ReplyLaterAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await Task.Delay(latency, cancellationToken).ConfigureAwait(false);
        return Reply(request);
    }

    private HttpResponseMessage Reply(HttpRequestMessage request)
    {
        Interlocked.Increment(ref _requests);
        var content = new ByteArrayContent(CannedToken.Utf8);
        content.Headers.ContentType = JsonType;
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
    }
}
