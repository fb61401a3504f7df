using System.Net;

namespace CelerData.Generated.Runtime;

/// <summary>
/// The envelope's code is one the spec declares as not-found (<c>not-found: [40004]</c> in <c>x-response-envelope</c>):
/// the cluster, warehouse or other resource named in the request does not exist.
/// </summary>
public sealed class CelerDataNotFoundException : CelerDataApiException
{
    /// <inheritdoc cref="CelerDataApiException(string, long?, string?, HttpStatusCode?)"/>
    public CelerDataNotFoundException(string operationId, long code, string? serverMessage, HttpStatusCode? statusCode)
        : base(operationId, code, serverMessage, statusCode)
    {
    }
}
