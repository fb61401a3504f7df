using System.Globalization;

namespace CelerData.Generated.Runtime;

/// <summary>
/// A request that carries credentials would have gone to, or was redirected to, an origin (scheme, host and port)
/// other than the client's base address. Credentials are sent only to the base address's origin, and credentialed
/// requests do not follow redirects to another origin. Nothing was sent with credentials to that origin.
/// </summary>
public sealed class CelerDataForeignOriginException : CelerDataException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="clientName">The name of the client that refused the request.</param>
    /// <param name="origin">The origin the request was refused for, such as <c>https://example.com:8443</c>; never a path or query.</param>
    public CelerDataForeignOriginException(string clientName, string origin)
        : base(string.Format(
            CultureInfo.InvariantCulture,
            "{0} refused to send credentials to '{1}', which is not the origin of its base address, or to follow a redirect there.",
            clientName,
            origin))
    {
        Origin = origin;
    }

    /// <summary>The refused origin (scheme, host and port).</summary>
    public string Origin { get; }
}
