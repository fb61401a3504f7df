using System;
using System.Collections.Generic;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace CelerData.Emulator.Internal;

/// <summary>Reads Basic and bearer credentials and says whose they are.</summary>
internal static class Credentials
{
    private const string BasicPrefix = "Basic ";
    private const string BearerPrefix = "Bearer ";

    /// <summary>The <see cref="HttpContext.Items"/> key holding the client a request is counted under.</summary>
    public static readonly object ClientItemKey = new();

    public static string CountedClient(HttpContext context) =>
        context.Items.TryGetValue(ClientItemKey, out var value) && value is string clientId ? clientId : EmulatorStats.AnonymousClient;

    public static void CountUnder(HttpContext context, string clientId) => context.Items[ClientItemKey] = clientId;

    /// <summary>The client ID a request claims, if the emulator knows it; for counting, not for access.</summary>
    public static string Identify(string authorization, EmulatorState state)
    {
        if (authorization.Length == 0)
        {
            return EmulatorStats.AnonymousClient;
        }

        if (TryParseBasic(authorization, out var clientId, out _))
        {
            if (state.IsKnownClient(clientId))
            {
                return clientId;
            }

            var decoded = WebUtility.UrlDecode(clientId);
            return state.IsKnownClient(decoded) ? decoded : EmulatorStats.UnknownClient;
        }

        if (TryParseBearer(authorization, out var token) && state.Tokens.TryFindAccessToken(token, out var owner, out _))
        {
            return owner;
        }

        return EmulatorStats.UnknownClient;
    }

    /// <summary>
    /// Checks Basic credentials against the clients, taking the user name and password either
    /// as sent or form-url-decoded (RFC 6749 section 2.3.1); the two agree for safe characters.
    /// </summary>
    public static EmulatorClient? Authenticate(string authorization, IReadOnlyList<EmulatorClient> clients)
    {
        if (!TryParseBasic(authorization, out var clientId, out var secret))
        {
            return null;
        }

        return Match(clientId, secret, clients)
            ?? Match(WebUtility.UrlDecode(clientId), WebUtility.UrlDecode(secret), clients);
    }

    public static bool TryParseBearer(string authorization, out string token)
    {
        token = string.Empty;
        if (!authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        token = authorization[BearerPrefix.Length..].Trim();
        return token.Length > 0;
    }

    private static bool TryParseBasic(string authorization, out string clientId, out string secret)
    {
        clientId = string.Empty;
        secret = string.Empty;
        if (!authorization.StartsWith(BasicPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(authorization[BasicPrefix.Length..].Trim()));
        }
        catch (FormatException)
        {
            return false;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return false;
        }

        clientId = decoded[..colon];
        secret = decoded[(colon + 1)..];
        return true;
    }

    private static EmulatorClient? Match(string clientId, string secret, IReadOnlyList<EmulatorClient> clients)
    {
        foreach (var client in clients)
        {
            if (string.Equals(client.ClientId, clientId, StringComparison.Ordinal)
                && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(client.ClientSecret), Encoding.UTF8.GetBytes(secret)))
            {
                return client;
            }
        }

        return null;
    }
}
