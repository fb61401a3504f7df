using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace CelerData.Generated.Benchmarks.Shared;

/// <summary>
/// The end of a pipeline that costs nothing per request: token requests get the canned token (they happen once),
/// every other request gets the same completed 200 reply, so a benchmark measures only the handlers above it.
/// </summary>
public sealed class ApiTerminalHandler : HttpMessageHandler
{
    private readonly CannedTokenHandler _token = new();
    private readonly Task<HttpResponseMessage> _ok = Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));

    public int TokenRequests => _token.Requests;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        => request.RequestUri!.AbsolutePath.EndsWith("/token", System.StringComparison.Ordinal)
            ? _token.Respond(request, cancellationToken)
            : _ok;
}
