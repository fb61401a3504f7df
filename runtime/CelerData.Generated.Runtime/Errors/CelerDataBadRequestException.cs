using System.Globalization;
using System.Net;

namespace CelerData.Generated.Runtime;

/// <summary>The token endpoint rejected the request itself (HTTP 400 or another 4xx that is not about credentials or rate).</summary>
public sealed class CelerDataBadRequestException : CelerDataException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="clientName">The name of the client that sent the request.</param>
    /// <param name="statusCode">The status the server answered.</param>
    public CelerDataBadRequestException(string clientName, HttpStatusCode statusCode)
        : base(string.Format(
            CultureInfo.InvariantCulture,
            "The token endpoint of {0} rejected the request (HTTP {1}).",
            clientName,
            (int)statusCode), statusCode)
    {
    }
}
