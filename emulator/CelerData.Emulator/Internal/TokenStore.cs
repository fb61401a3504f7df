using System;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Threading;

namespace CelerData.Emulator.Internal;

/// <summary>The access and refresh tokens the emulator has issued, with their owners and expiry.</summary>
internal sealed class TokenStore(TimeProvider timeProvider, TimeSpan lifetime)
{
    private const string TokenAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private const int TokenLength = 48;
    private const int PruneInterval = 10_000;

    private readonly ConcurrentDictionary<string, IssuedToken> _accessTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _refreshTokens = new(StringComparer.Ordinal);
    private long _issued;

    public TimeSpan Lifetime => lifetime;

    public (string AccessToken, string RefreshToken) Issue(string clientId)
    {
        var now = timeProvider.GetUtcNow();
        if (Interlocked.Increment(ref _issued) % PruneInterval == 0)
        {
            PruneExpired(now);
        }

        var accessToken = NewToken();
        var refreshToken = NewToken();
        _accessTokens[accessToken] = new IssuedToken(clientId, now + lifetime);
        _refreshTokens[refreshToken] = clientId;
        return (accessToken, refreshToken);
    }

    /// <summary>Finds the owner of an access token, whether or not it has expired.</summary>
    public bool TryFindAccessToken(string accessToken, out string clientId, out bool expired)
    {
        if (_accessTokens.TryGetValue(accessToken, out var issued))
        {
            clientId = issued.ClientId;
            expired = timeProvider.GetUtcNow() >= issued.ExpiresAt;
            return true;
        }

        clientId = string.Empty;
        expired = false;
        return false;
    }

    public bool TryFindRefreshToken(string refreshToken, out string clientId) =>
        _refreshTokens.TryGetValue(refreshToken, out clientId!);

    /// <summary>Consumes a refresh token: each one is good for one refresh.</summary>
    public bool TryRedeemRefreshToken(string refreshToken, string clientId) =>
        _refreshTokens.TryRemove(new(refreshToken, clientId));

    private static string NewToken() => RandomNumberGenerator.GetString(TokenAlphabet, TokenLength);

    private void PruneExpired(DateTimeOffset now)
    {
        foreach (var pair in _accessTokens)
        {
            if (now >= pair.Value.ExpiresAt)
            {
                _accessTokens.TryRemove(pair);
            }
        }
    }

    private readonly record struct IssuedToken(string ClientId, DateTimeOffset ExpiresAt);
}
