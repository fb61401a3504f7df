using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace CelerData.Generated.Runtime;

/// <summary>
/// The last handler before the wire. A request that needs credentials (an <c>Authorization</c> credential or API
/// keys) and has none is refused; a request that carries credentials anywhere but the base address's origin over a secure transport is refused. A request that
/// records no requirement is sent as it is, without credentials: only generated operations, which always record
/// one, get credentials, so a hand-built request can never carry the token to an address the specification does
/// not name. When the primary handler followed a redirect to another origin (the default primary handler follows
/// none), the response is dropped and the request fails: credentialed requests never follow a cross-origin redirect,
/// so the 401 retry above can never send a new token there.
/// </summary>
internal sealed class CredentialGuardHandler : DelegatingHandler
{
    private readonly RequestSecurity _security;
    private readonly CredentialScope _scope;

    public CredentialGuardHandler(RequestSecurity security, CredentialScope scope)
    {
        _security = security;
        _scope = scope;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var requirement = _security.Read(request);
        switch (requirement.Authorization)
        {
            case Security.Unrecorded:
                Log.NoSecurityRequirement(_scope.Logger, _scope.ClientName, request.Method.Method, RequestSecurity.PathOf(request));
                break;
            case Security.None:
                break;
            default:
                if (request.Headers.Authorization is null)
                {
                    throw new CelerDataAuthenticationException(
                        $"{_scope.ClientName}: a request that needs '{requirement.Authorization.ToString().ToLowerInvariant()}' credentials reached the wire without them and was not sent.");
                }

                break;
        }

        var carriesApiKeys = request.Options.TryGetValue(ApiKeyAuthenticationHandler.Carried, out var carried) && carried;
        if (requirement.ApiKeys.Count > 0 && !carriesApiKeys)
        {
            throw new CelerDataAuthenticationException(
                $"{_scope.ClientName}: a request that needs API keys reached the wire without them and was not sent.");
        }

        if (request.Headers.Authorization is null && !carriesApiKeys)
        {
            return base.SendAsync(request, cancellationToken);
        }

        _scope.EnsureAllowed(request.RequestUri);
        return SendCredentialedAsync(request, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendCredentialedAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var final = response.RequestMessage?.RequestUri ?? request.RequestUri;
        if (_scope.Allows(final))
        {
            return response;
        }

        response.Dispose();
        var origin = TransportSecurity.OriginOf(final);
        Log.ForeignOriginRefused(_scope.Logger, _scope.ClientName, origin);
        throw new CelerDataForeignOriginException(_scope.ClientName, origin);
    }
}
