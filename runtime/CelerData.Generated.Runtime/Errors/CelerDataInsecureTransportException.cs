using System.Globalization;

namespace CelerData.Generated.Runtime;

/// <summary>
/// Credentials would have been sent over plain HTTP to a host that is not a loopback address.
/// The request was not sent.
/// </summary>
public sealed class CelerDataInsecureTransportException : CelerDataException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="clientName">The name of the client that refused the request.</param>
    /// <param name="scheme">The scheme of the refused address.</param>
    /// <param name="host">The host of the refused address.</param>
    public CelerDataInsecureTransportException(string clientName, string scheme, string host)
        : base(string.Format(
            CultureInfo.InvariantCulture,
            "{0} refused to send credentials over '{1}' to '{2}': credentials are sent only over HTTPS, or over HTTP to a loopback address. Use an https:// base address.",
            clientName,
            scheme,
            host))
    {
    }
}
