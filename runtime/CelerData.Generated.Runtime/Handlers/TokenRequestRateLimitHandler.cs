using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace CelerData.Generated.Runtime;

/// <summary>Holds requests that record <see cref="SecurityRequirement.Basic"/> (token requests) to the client-side limit.</summary>
internal sealed class TokenRequestRateLimitHandler : DelegatingHandler
{
    private readonly CelerDataClientRuntime _runtime;

    public TokenRequestRateLimitHandler(CelerDataClientRuntime runtime)
    {
        _runtime = runtime;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (SecurityRequirementReader.Is(request, _runtime, SecurityRequirement.Basic))
        {
            await _runtime.TokenRequestLimiter.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
