using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace CelerData.Generated.Runtime;

/// <summary>
/// Adds <c>Authorization: Basic</c> to requests that record <see cref="SecurityRequirement.Basic"/> (the token
/// endpoint), only toward the base address's origin, and removes it again once the response is in or the send
/// failed, so that no request message an exception holds carries the Basic value.
/// </summary>
internal sealed class BasicAuthenticationHandler : DelegatingHandler
{
    private readonly RequestSecurity _security;
    private readonly CredentialScope _scope;
    private readonly ClientCredentials? _credentials;

    public BasicAuthenticationHandler(RequestSecurity security, CredentialScope scope, ClientCredentials? credentials)
    {
        _security = security;
        _scope = scope;
        _credentials = credentials;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        => _security.Read(request).Authorization == Security.Basic
            ? SendWithCredentialsAsync(request, cancellationToken)
            : base.SendAsync(request, cancellationToken);

    private async Task<HttpResponseMessage> SendWithCredentialsAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _scope.EnsureAllowed(request.RequestUri);
        var credentials = _credentials ?? throw new CelerDataAuthenticationException(
            $"{_scope.ClientName}: the operation needs Basic credentials, but no client ID and secret are configured.");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials.BasicValue);
        try
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            request.Headers.Authorization = null;
        }
    }
}
