using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace CelerData.Generated.Runtime;

/// <summary>
/// Adds <c>Authorization: Bearer</c> from the token cache to requests that record
/// <see cref="SecurityRequirement.Bearer"/>, only toward the base address's origin. On a 401 from that origin it
/// drops the token (waiting until the shared cache has dropped it too), fetches a new one and retries once, when the
/// request content can be replayed. The header is removed once the response is in or the send failed, so that no
/// request message an exception holds carries a token.
/// </summary>
internal sealed class BearerAuthenticationHandler : DelegatingHandler
{
    private readonly RequestSecurity _security;
    private readonly CredentialScope _scope;
    private readonly CelerDataTokenCache? _cache;

    public BearerAuthenticationHandler(RequestSecurity security, CredentialScope scope, CelerDataTokenCache? cache)
    {
        _security = security;
        _scope = scope;
        _cache = cache;
    }

    // Requests that need no token pass straight through, without an async state machine.
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        => _security.Read(request).Authorization == Security.Bearer
            ? SendWithTokenAsync(request, cancellationToken)
            : base.SendAsync(request, cancellationToken);

    private async Task<HttpResponseMessage> SendWithTokenAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _scope.EnsureAllowed(request.RequestUri);
        var cache = _cache ?? throw new CelerDataAuthenticationException(
            $"{_scope.ClientName}: the operation needs a bearer token, but the specification has no token operation to obtain one.");
        var replayable = await RequestReplay.PrepareAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            var token = await cache.GetAccessTokenAsync(cancellationToken).ConfigureAwait(false);
            request.Headers.Authorization = token.AuthorizationHeader;
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.Unauthorized)
            {
                return response;
            }

            var path = RequestSecurity.PathOf(request);
            if (!replayable)
            {
                Log.NotRetriedAfter401(_scope.Logger, _scope.ClientName, request.Method.Method, path);
                await cache.InvalidateAsync(token).ConfigureAwait(false);
                return response;
            }

            Log.TokenRejected(_scope.Logger, _scope.ClientName, request.Method.Method, path);
            response.Dispose();
            await cache.InvalidateAsync(token).ConfigureAwait(false);
            token = await cache.GetAccessTokenAsync(cancellationToken).ConfigureAwait(false);

            // The guard below checks the origin again: a redirect may have changed the request's address.
            _scope.EnsureAllowed(request.RequestUri);
            request.Headers.Authorization = token.AuthorizationHeader;
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            request.Headers.Authorization = null;
        }
    }
}
