using System.Net.Http;

namespace CelerData.Generated.Runtime;

/// <summary>
/// The token endpoint could not be reached: the connection was refused or reset, the name did not resolve,
/// TLS failed. The inner exception is the transport's own (it names the host, never a credential).
/// </summary>
public sealed class CelerDataUnreachableException : CelerDataException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="clientName">The client whose token endpoint failed.</param>
    /// <param name="inner">The transport error.</param>
    public CelerDataUnreachableException(string clientName, HttpRequestException inner)
        : base("The token endpoint of " + clientName + " could not be reached: " + inner.Message, inner.StatusCode, inner)
    {
    }
}
