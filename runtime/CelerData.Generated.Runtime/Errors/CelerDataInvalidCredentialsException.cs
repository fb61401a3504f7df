using System.Globalization;
using System.Net;

namespace CelerData.Generated.Runtime;

/// <summary>The token endpoint refused the client ID and secret (HTTP 401 or 403).</summary>
public sealed class CelerDataInvalidCredentialsException : CelerDataAuthenticationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="clientName">The name of the client whose credentials were refused.</param>
    /// <param name="statusCode">The status the token endpoint answered.</param>
    public CelerDataInvalidCredentialsException(string clientName, HttpStatusCode statusCode)
        : base(string.Format(
            CultureInfo.InvariantCulture,
            "The token endpoint of {0} refused the client credentials (HTTP {1}). Check the client ID and secret.",
            clientName,
            (int)statusCode), statusCode)
    {
    }
}
