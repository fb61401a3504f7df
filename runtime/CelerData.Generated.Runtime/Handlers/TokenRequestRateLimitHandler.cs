using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace CelerData.Generated.Runtime;

/// <summary>Holds requests that record <see cref="SecurityRequirement.Basic"/> (token requests) to the client-side limit.</summary>
internal sealed class TokenRequestRateLimitHandler : DelegatingHandler
{
    private readonly RequestSecurity _security;
    private readonly TokenRequestLimiter _limiter;

    public TokenRequestRateLimitHandler(RequestSecurity security, TokenRequestLimiter limiter)
    {
        _security = security;
        _limiter = limiter;
    }

    // Only token requests wait for a permit; every other request passes straight through, without an async state machine.
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        => _security.Read(request).Authorization == Security.Basic
            ? SendLimitedAsync(request, cancellationToken)
            : base.SendAsync(request, cancellationToken);

    private async Task<HttpResponseMessage> SendLimitedAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await _limiter.WaitAsync(cancellationToken).ConfigureAwait(false);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
