using System.Net;

namespace CelerData.Generated.Runtime;

/// <summary>
/// A request that needs credentials could not get them: no token could be obtained, or the
/// request would have left without its credentials. The request was not sent.
/// </summary>
public class CelerDataAuthenticationException : CelerDataException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">A message that holds no secret.</param>
    /// <param name="statusCode">The HTTP status that caused the error, when there was one.</param>
    public CelerDataAuthenticationException(string message, HttpStatusCode? statusCode = null)
        : base(message, statusCode)
    {
    }
}
