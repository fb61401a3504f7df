using System;

namespace CelerData.Generated.Runtime;

/// <summary>Turns a token endpoint response into a cached token, or says why it cannot.</summary>
internal static class TokenResponseValidator
{
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(365);

    /// <summary>The longest access token accepted: far above any real token, far below what a header can carry.</summary>
    public const int MaxAccessTokenLength = 8192;
    private static readonly TimeSpan MinimumDefaultMargin = TimeSpan.FromSeconds(30);

    public static CelerDataAccessToken Validate(
        string clientName,
        TokenEndpointResponse? response,
        DateTimeOffset issuedAt,
        TimeSpan? configuredMargin)
    {
        if (response is null)
        {
            throw new CelerDataMalformedTokenResponseException(clientName, MalformedTokenResponseReason.NotJson);
        }

        if (string.IsNullOrEmpty(response.AccessToken))
        {
            throw new CelerDataMalformedTokenResponseException(clientName, MalformedTokenResponseReason.MissingAccessToken);
        }

        if (response.AccessToken.Length > MaxAccessTokenLength)
        {
            throw new CelerDataMalformedTokenResponseException(clientName, MalformedTokenResponseReason.AccessTokenTooLong);
        }

        foreach (var c in response.AccessToken)
        {
            if (char.IsControl(c) || char.IsWhiteSpace(c) || c > '\u007E')
            {
                throw new CelerDataMalformedTokenResponseException(clientName, MalformedTokenResponseReason.InvalidAccessToken);
            }
        }

        if (response.ExpiresIn is not { } seconds)
        {
            throw new CelerDataMalformedTokenResponseException(clientName, MalformedTokenResponseReason.MissingExpiresIn);
        }

        if (seconds <= 0)
        {
            throw new CelerDataMalformedTokenResponseException(clientName, MalformedTokenResponseReason.NonPositiveExpiresIn);
        }

        if (seconds > (long)MaxLifetime.TotalSeconds)
        {
            throw new CelerDataMalformedTokenResponseException(clientName, MalformedTokenResponseReason.ExpiresInTooLong);
        }

        if (!string.Equals(response.TokenType, "Bearer", StringComparison.OrdinalIgnoreCase))
        {
            throw new CelerDataMalformedTokenResponseException(clientName, MalformedTokenResponseReason.UnsupportedTokenType);
        }

        var lifetime = TimeSpan.FromSeconds(seconds);
        var margin = RefreshMargin(lifetime, configuredMargin);
        var expiresAt = issuedAt + lifetime;
        return new CelerDataAccessToken(response.AccessToken, issuedAt, expiresAt, expiresAt - margin);
    }

    /// <summary>
    /// The configured margin, else max(30 s, 10% of the lifetime); never more than half the lifetime,
    /// so that a short-lived token is still used for a while instead of being fetched on every request.
    /// </summary>
    public static TimeSpan RefreshMargin(TimeSpan lifetime, TimeSpan? configuredMargin)
    {
        var margin = configuredMargin ?? TimeSpan.FromTicks(Math.Max(MinimumDefaultMargin.Ticks, lifetime.Ticks / 10));
        var half = TimeSpan.FromTicks(lifetime.Ticks / 2);
        return margin > half ? half : margin;
    }
}
