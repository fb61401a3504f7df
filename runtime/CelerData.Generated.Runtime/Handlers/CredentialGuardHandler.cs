using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace CelerData.Generated.Runtime;

/// <summary>
/// The last handler before the wire. A request that needs credentials and has none is refused; a request
/// that carries credentials to an insecure address is refused. A request that records no requirement is
/// sent as it is, without credentials: only generated operations, which always record one, get credentials,
/// so a hand-built request can never carry the token to an address the specification does not name.
/// </summary>
internal sealed class CredentialGuardHandler : DelegatingHandler
{
    private readonly CelerDataClientRuntime _runtime;

    public CredentialGuardHandler(CelerDataClientRuntime runtime)
    {
        _runtime = runtime;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var requirement = SecurityRequirementReader.Read(request, _runtime);
        if (requirement is null)
        {
            Log.NoSecurityRequirement(_runtime.Logger, _runtime.Name, request.Method.Method, SecurityRequirementReader.PathOf(request));
        }
        else if (!string.Equals(requirement, SecurityRequirement.None, System.StringComparison.OrdinalIgnoreCase)
            && request.Headers.Authorization is null)
        {
            throw new CelerDataAuthenticationException(
                $"{_runtime.Name}: a request that needs '{requirement}' credentials reached the wire without them and was not sent.");
        }

        if (request.Headers.Authorization is not null)
        {
            _runtime.EnsureSecure(request.RequestUri);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
