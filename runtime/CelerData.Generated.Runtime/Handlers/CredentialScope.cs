using System;
using Microsoft.Extensions.Logging;

namespace CelerData.Generated.Runtime;

/// <summary>
/// Where one client's credentials may go: over HTTPS (or plain HTTP to loopback), and only to the origin (scheme,
/// host and port) of its base address. Every handler that adds or lets through a credential asks it first.
/// </summary>
internal sealed class CredentialScope
{
    public CredentialScope(string clientName, Uri baseAddress, ILogger logger)
    {
        ClientName = clientName;
        BaseAddress = baseAddress;
        Logger = logger;
    }

    public string ClientName { get; }

    public Uri BaseAddress { get; }

    public ILogger Logger { get; }

    /// <summary>Whether credentials may be sent to <paramref name="uri"/>.</summary>
    public bool Allows(Uri? uri) => TransportSecurity.IsSecure(uri) && TransportSecurity.IsSameOrigin(BaseAddress, uri);

    /// <summary>Throws unless credentials may be sent to <paramref name="uri"/>.</summary>
    /// <exception cref="CelerDataInsecureTransportException">The address is plain HTTP to a host that is not loopback.</exception>
    /// <exception cref="CelerDataForeignOriginException">The address is not the base address's origin.</exception>
    public void EnsureAllowed(Uri? uri)
    {
        if (!TransportSecurity.IsSecure(uri))
        {
            Log.InsecureTransportRefused(Logger, ClientName, uri is { IsAbsoluteUri: true } ? uri.Scheme : "(relative)", uri is { IsAbsoluteUri: true } ? uri.Host : "(none)");
            TransportSecurity.EnsureSecure(uri, ClientName);
        }

        if (!TransportSecurity.IsSameOrigin(BaseAddress, uri))
        {
            var origin = TransportSecurity.OriginOf(uri);
            Log.ForeignOriginRefused(Logger, ClientName, origin);
            throw new CelerDataForeignOriginException(ClientName, origin);
        }
    }
}
