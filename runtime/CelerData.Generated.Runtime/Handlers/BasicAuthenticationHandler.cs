using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace CelerData.Generated.Runtime;

/// <summary>Adds <c>Authorization: Basic</c> to requests that record <see cref="SecurityRequirement.Basic"/> (the token endpoint).</summary>
internal sealed class BasicAuthenticationHandler : DelegatingHandler
{
    private readonly CelerDataClientRuntime _runtime;

    public BasicAuthenticationHandler(CelerDataClientRuntime runtime)
    {
        _runtime = runtime;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (SecurityRequirementReader.Is(request, _runtime, SecurityRequirement.Basic))
        {
            _runtime.EnsureSecure(request.RequestUri);
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", _runtime.Credentials.BasicValue);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
