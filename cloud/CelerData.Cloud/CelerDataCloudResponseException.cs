using System.Net;
using CelerData.Generated.Runtime;

namespace CelerData.Cloud;

/// <summary>
/// The service answered with a failure code in its response envelope (HTTP 200 with a <c>code</c> other
/// than 20000), or with no <c>data</c> where the operation returns some.
/// </summary>
public sealed class CelerDataCloudResponseException : CelerDataException
{
    /// <summary>The code the service documents for a cluster, warehouse or action that does not exist.</summary>
    public const int NotFoundCode = 40004;

    /// <summary>Creates the exception.</summary>
    /// <param name="operation">The operation that failed, by its method name (for example <c>GetWarehouseAsync</c>).</param>
    /// <param name="code">The envelope's <c>code</c>.</param>
    /// <param name="serverMessage">The envelope's <c>message</c>, if any.</param>
    public CelerDataCloudResponseException(string operation, int code, string? serverMessage)
        : base($"{operation} failed: the service answered code {code}" + (string.IsNullOrEmpty(serverMessage) ? "." : $" ({serverMessage})."), HttpStatusCode.OK)
    {
        Operation = operation;
        Code = code;
        ServerMessage = serverMessage;
    }

    /// <summary>The operation that failed, by its method name.</summary>
    public string Operation { get; }

    /// <summary>The envelope's <c>code</c>.</summary>
    public int Code { get; }

    /// <summary>The envelope's <c>message</c>, which explains the failure; <see langword="null"/> when absent.</summary>
    public string? ServerMessage { get; }

    /// <summary>Whether the named cluster, warehouse or action does not exist (code 40004).</summary>
    public bool IsNotFound => Code == NotFoundCode;
}
