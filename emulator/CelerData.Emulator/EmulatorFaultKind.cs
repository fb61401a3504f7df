namespace CelerData.Emulator;

/// <summary>A kind of failure the emulator injects instead of a normal response.</summary>
public enum EmulatorFaultKind
{
    /// <summary>No fault: requests are answered normally.</summary>
    None = 0,

    /// <summary>HTTP 500 with a JSON error envelope.</summary>
    ServerError,

    /// <summary>HTTP 200, <c>application/json</c>, with a body that is not valid JSON.</summary>
    MalformedJson,

    /// <summary>
    /// HTTP 200 declaring a <c>Content-Length</c> larger than what is sent: part of the body is
    /// sent, then the connection is aborted.
    /// </summary>
    TruncatedBody,

    /// <summary>HTTP 200 with a <c>text/html</c> error page, as a misconfigured proxy sends.</summary>
    HtmlErrorPage,

    /// <summary>HTTP 429 with <c>Retry-After</c> of <see cref="EmulatorFaultOptions.RetryAfterSeconds"/>.</summary>
    TooManyRequests,

    /// <summary>The connection is aborted before any response is sent.</summary>
    ConnectionReset,
}
