using System;
using System.Globalization;
using System.Net.Http.Headers;

namespace CelerData.Generated.Runtime;

/// <summary>A validated access token held by the <see cref="CelerDataTokenCache"/>. <see cref="ToString"/> redacts the token.</summary>
public sealed class CelerDataAccessToken
{
    internal CelerDataAccessToken(string value, DateTimeOffset issuedAt, DateTimeOffset expiresAt, DateTimeOffset refreshAt)
    {
        Value = value;
        AuthorizationHeader = new AuthenticationHeaderValue("Bearer", value);
        IssuedAt = issuedAt;
        ExpiresAt = expiresAt;
        RefreshAt = refreshAt;
    }

    /// <summary>The token, as sent in <c>Authorization: Bearer</c>.</summary>
    public string Value { get; }

    /// <summary>The header value, made once per token: it is immutable, so every request can share it.</summary>
    internal AuthenticationHeaderValue AuthorizationHeader { get; }

    /// <summary>When the token was requested.</summary>
    public DateTimeOffset IssuedAt { get; }

    /// <summary>When the token expires (the request time plus <c>expires_in</c>).</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <summary>From when the cache replaces the token: <see cref="ExpiresAt"/> minus the refresh margin.</summary>
    public DateTimeOffset RefreshAt { get; }

    /// <summary>Describes the token without showing it.</summary>
    /// <returns>A description that holds no token.</returns>
    public override string ToString() => string.Format(
        CultureInfo.InvariantCulture,
        "CelerDataAccessToken {{ Value = ***, ExpiresAt = {0:O}, RefreshAt = {1:O} }}",
        ExpiresAt,
        RefreshAt);
}
