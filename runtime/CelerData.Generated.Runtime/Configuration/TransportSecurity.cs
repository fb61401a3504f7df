using System;

namespace CelerData.Generated.Runtime;

/// <summary>
/// Where credentials may travel: only over HTTPS, or over plain HTTP to a loopback address, and only to the
/// origin (scheme, host and port) of the client's base address.
/// </summary>
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

    /// <summary>Whether <paramref name="uri"/> has the scheme, host and port of <paramref name="origin"/> (the default port counts as given).</summary>
    public static bool IsSameOrigin(Uri origin, Uri? uri) =>
        uri is { IsAbsoluteUri: true }
        && string.Equals(origin.Scheme, uri.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(origin.IdnHost, uri.IdnHost, StringComparison.OrdinalIgnoreCase)
        && origin.Port == uri.Port;

    /// <summary>Describes where <paramref name="uri"/> points without its path or query, for messages and log lines.</summary>
    public static string OriginOf(Uri? uri) =>
        uri is { IsAbsoluteUri: true } ? uri.Scheme + "://" + uri.Authority : "(relative)";
}
