namespace CelerData.Generated.Runtime;

/// <summary>Why a token endpoint response was rejected.</summary>
public enum MalformedTokenResponseReason
{
    /// <summary>The body was not JSON, or not the expected JSON object (an HTML error page, a missing required property).</summary>
    NotJson,

    /// <summary>The response had no <c>access_token</c>.</summary>
    MissingAccessToken,

    /// <summary>The <c>access_token</c> holds white space or control characters and cannot be sent in a header.</summary>
    InvalidAccessToken,

    /// <summary>The response had no <c>expires_in</c>.</summary>
    MissingExpiresIn,

    /// <summary>The <c>expires_in</c> was zero or negative.</summary>
    NonPositiveExpiresIn,

    /// <summary>The <c>expires_in</c> was longer than a year.</summary>
    ExpiresInTooLong,

    /// <summary>The <c>token_type</c> was missing or not <c>Bearer</c> (in any letter case).</summary>
    UnsupportedTokenType,

    /// <summary>The <c>access_token</c> is longer than the runtime accepts (8,192 characters).</summary>
    AccessTokenTooLong,

    /// <summary>The response body is larger than the runtime reads from a token endpoint (64 KiB).</summary>
    ResponseTooLarge,

    /// <summary>The body ended before its announced length, or the connection broke while it was read.</summary>
    TruncatedBody,
}
