using System;

namespace CelerData.Generated.Runtime;

/// <summary>Credentials travel only over HTTPS, or over plain HTTP to a loopback address.</summary>
internal static class TransportSecurity
{
    public static bool IsSecure(Uri? uri) =>
        uri is { IsAbsoluteUri: true }
        && (string.Equals(uri.Scheme, Uri.UriSchemeHttps, StringComparison.OrdinalIgnoreCase)
            || (string.Equals(uri.Scheme, Uri.UriSchemeHttp, StringComparison.OrdinalIgnoreCase) && uri.IsLoopback));

    public static void EnsureSecure(Uri? uri, string clientName)
    {
        if (!IsSecure(uri))
        {
            throw new CelerDataInsecureTransportException(
                clientName,
                uri is { IsAbsoluteUri: true } ? uri.Scheme : "(relative)",
                uri is { IsAbsoluteUri: true } ? uri.Host : "(none)");
        }
    }
}
