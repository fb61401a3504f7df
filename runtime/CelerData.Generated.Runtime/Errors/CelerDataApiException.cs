using System.Globalization;
using System.Net;

namespace CelerData.Generated.Runtime;

/// <summary>
/// An operation whose responses are wrapped in an envelope (the spec's <c>x-response-envelope</c>) answered with a
/// code that does not mean success, whatever the HTTP status was: <c>{"code": 40004, "message": "..."}</c> sent with
/// HTTP 200 is a failure, not data. Thrown by the generated client; <see cref="CelerDataNotFoundException"/> when the
/// code is one the spec declares as not-found.
/// </summary>
/// <remarks>
/// It carries the operation, the code, the server's message and the HTTP status, and nothing else: no request, no
/// headers, no body, so no credential can travel with it.
/// </remarks>
public class CelerDataApiException : CelerDataException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="operationId">The operation that failed (its operationId in the spec).</param>
    /// <param name="code">The envelope's code, or <see langword="null"/> when a success code came without the declared data.</param>
    /// <param name="serverMessage">The envelope's message, as the server sent it.</param>
    /// <param name="statusCode">The HTTP status of the response (null only when none was received).</param>
    public CelerDataApiException(string operationId, long? code, string? serverMessage, HttpStatusCode? statusCode)
        : base(Describe(operationId, code, serverMessage, statusCode), statusCode)
    {
        OperationId = operationId;
        Code = code;
        ServerMessage = serverMessage;
    }

    /// <summary>The operation that failed (its operationId in the spec).</summary>
    public string OperationId { get; }

    /// <summary>The code the envelope held; <see langword="null"/> when a success code came without the declared data.</summary>
    public long? Code { get; }

    /// <summary>The message the server gave with the code.</summary>
    public string? ServerMessage { get; }

    /// <summary>Whether the code is one the spec declares as not-found (40004 for CelerData).</summary>
    public bool IsNotFound => this is CelerDataNotFoundException;

    private static string Describe(string operationId, long? code, string? serverMessage, HttpStatusCode? statusCode)
    {
        var status = statusCode is null ? "no status" : ((int)statusCode.Value).ToString(CultureInfo.InvariantCulture);
        var prefix = code is null
            ? operationId + " answered with a success code but without its data (HTTP " + status + ")"
            : operationId + " failed with code " + code.Value.ToString(CultureInfo.InvariantCulture) + " (HTTP " + status + ")";
        return string.IsNullOrEmpty(serverMessage) ? prefix + "." : prefix + ": " + serverMessage;
    }
}
