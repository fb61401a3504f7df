using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace CelerData.Generated.Runtime;

/// <summary>
/// Adds <c>Authorization: Bearer</c> from the token cache to requests that record
/// <see cref="SecurityRequirement.Bearer"/>. On a 401 it drops that token, fetches a new one and
/// retries once, when the request content can be replayed.
/// </summary>
internal sealed class BearerAuthenticationHandler : DelegatingHandler
{
    private readonly CelerDataClientRuntime _runtime;

    public BearerAuthenticationHandler(CelerDataClientRuntime runtime)
    {
        _runtime = runtime;
    }

    // Requests that need no token pass straight through, without an async state machine.
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        => SecurityRequirementReader.Is(request, _runtime, SecurityRequirement.Bearer)
            ? SendWithTokenAsync(request, cancellationToken)
            : base.SendAsync(request, cancellationToken);

    private async Task<HttpResponseMessage> SendWithTokenAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _runtime.EnsureSecure(request.RequestUri);
        var cache = _runtime.TokenCache ?? throw new CelerDataAuthenticationException(
            $"{_runtime.Name}: the operation needs a bearer token, but the specification has no token operation to obtain one.");
        var replayable = await RequestReplay.PrepareAsync(request, cancellationToken).ConfigureAwait(false);
        var token = await cache.GetAccessTokenAsync(cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = token.AuthorizationHeader;
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        var path = SecurityRequirementReader.PathOf(request);
        if (!replayable)
        {
            Log.NotRetriedAfter401(_runtime.Logger, _runtime.Name, request.Method.Method, path);
            cache.Invalidate(token);
            return response;
        }

        Log.TokenRejected(_runtime.Logger, _runtime.Name, request.Method.Method, path);
        cache.Invalidate(token);
        response.Dispose();
        token = await cache.GetAccessTokenAsync(cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = token.AuthorizationHeader;
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
