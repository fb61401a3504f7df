using System.Globalization;
using System.Net;

namespace CelerData.Generated.Runtime;

/// <summary>The token endpoint failed on its side (HTTP 5xx).</summary>
public sealed class CelerDataServerErrorException : CelerDataException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="clientName">The name of the client that sent the request.</param>
    /// <param name="statusCode">The status the server answered.</param>
    public CelerDataServerErrorException(string clientName, HttpStatusCode statusCode)
        : base(string.Format(
            CultureInfo.InvariantCulture,
            "The token endpoint of {0} failed with a server error (HTTP {1}). Try again later.",
            clientName,
            (int)statusCode), statusCode)
    {
    }
}
