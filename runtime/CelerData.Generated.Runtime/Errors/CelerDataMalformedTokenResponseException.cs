using System.Globalization;
using System.Net;

namespace CelerData.Generated.Runtime;

/// <summary>The token endpoint answered, but not with a usable access token.</summary>
public sealed class CelerDataMalformedTokenResponseException : CelerDataAuthenticationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="clientName">The name of the client that asked for the token.</param>
    /// <param name="reason">Why the response was rejected.</param>
    /// <param name="statusCode">The status the token endpoint answered, when known.</param>
    public CelerDataMalformedTokenResponseException(
        string clientName,
        MalformedTokenResponseReason reason,
        HttpStatusCode? statusCode = null)
        : base(string.Format(
            CultureInfo.InvariantCulture,
            "The token endpoint of {0} returned an unusable response: {1}.",
            clientName,
            Describe(reason)), statusCode)
    {
        Reason = reason;
    }

    /// <summary>Why the response was rejected.</summary>
    public MalformedTokenResponseReason Reason { get; }

    private static string Describe(MalformedTokenResponseReason reason) => reason switch
    {
        MalformedTokenResponseReason.NotJson => "the body is not the expected JSON token object",
        MalformedTokenResponseReason.MissingAccessToken => "access_token is missing",
        MalformedTokenResponseReason.InvalidAccessToken => "access_token holds characters that cannot be sent in a header",
        MalformedTokenResponseReason.MissingExpiresIn => "expires_in is missing",
        MalformedTokenResponseReason.NonPositiveExpiresIn => "expires_in is zero or negative",
        MalformedTokenResponseReason.ExpiresInTooLong => "expires_in is longer than a year",
        MalformedTokenResponseReason.UnsupportedTokenType => "token_type is not Bearer",
        MalformedTokenResponseReason.AccessTokenTooLong => "access_token is longer than 8192 characters",
        MalformedTokenResponseReason.ResponseTooLarge => "the body is larger than 64 KiB",
        MalformedTokenResponseReason.TruncatedBody => "the body ended before its announced length",
        _ => reason.ToString(),
    };
}
