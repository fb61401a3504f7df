using System;
using System.Net;

namespace CelerData.Generated.Runtime;

/// <summary>
/// The base of every error the runtime raises. Messages are safe to log: they never hold a secret,
/// a Basic value, a token or the body of a response.
/// </summary>
public class CelerDataException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">A message that holds no secret.</param>
    /// <param name="statusCode">The HTTP status that caused the error, when there was one.</param>
    public CelerDataException(string message, HttpStatusCode? statusCode = null)
        : base(message)
    {
        StatusCode = statusCode;
    }

    /// <summary>Creates the exception with the error that caused it.</summary>
    /// <param name="message">A message that holds no secret.</param>
    /// <param name="statusCode">The HTTP status that caused the error, when there was one.</param>
    /// <param name="innerException">The cause; never an exception that carries a response body.</param>
    protected CelerDataException(string message, HttpStatusCode? statusCode, Exception innerException)
        : base(message, innerException)
    {
        StatusCode = statusCode;
    }

    /// <summary>The HTTP status that caused the error, or <see langword="null"/> when none was received.</summary>
    public HttpStatusCode? StatusCode { get; }
}
