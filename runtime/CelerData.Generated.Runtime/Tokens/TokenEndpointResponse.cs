using System.Globalization;

namespace CelerData.Generated.Runtime;

/// <summary>
/// What the token endpoint answered, as the generated code maps it from its model. The runtime
/// validates it before use. <see cref="ToString"/> redacts both tokens.
/// </summary>
public sealed class TokenEndpointResponse
{
    /// <summary>Creates the response.</summary>
    /// <param name="accessToken">The <c>access_token</c> member.</param>
    /// <param name="expiresIn">The <c>expires_in</c> member, in seconds.</param>
    /// <param name="refreshToken">The <c>refresh_token</c> member.</param>
    /// <param name="tokenType">The <c>token_type</c> member.</param>
    public TokenEndpointResponse(string? accessToken, long? expiresIn, string? refreshToken, string? tokenType)
    {
        AccessToken = accessToken;
        ExpiresIn = expiresIn;
        RefreshToken = refreshToken;
        TokenType = tokenType;
    }

    /// <summary>The access token.</summary>
    public string? AccessToken { get; }

    /// <summary>The lifetime of the access token, in seconds.</summary>
    public long? ExpiresIn { get; }

    /// <summary>The refresh token; the runtime does not use it.</summary>
    public string? RefreshToken { get; }

    /// <summary>The token type; must be <c>Bearer</c> in any letter case.</summary>
    public string? TokenType { get; }

    /// <summary>Whether the response was read from the shared token cache rather than the token endpoint.</summary>
    internal bool Shared { get; init; }

    /// <summary>Describes the response with both tokens redacted.</summary>
    /// <returns>A description that holds no token.</returns>
    public override string ToString() => string.Format(
        CultureInfo.InvariantCulture,
        "TokenEndpointResponse {{ AccessToken = {0}, ExpiresIn = {1}, RefreshToken = {2}, TokenType = {3} }}",
        AccessToken is null ? "(none)" : "***",
        ExpiresIn?.ToString(CultureInfo.InvariantCulture) ?? "(none)",
        RefreshToken is null ? "(none)" : "***",
        TokenType ?? "(none)");
}
