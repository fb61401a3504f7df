using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace CelerData.Emulator.Internal;

/// <summary><c>POST /api/1.0/token</c>: the client-credentials and refresh-token grants.</summary>
internal static class TokenEndpoint
{
    public const string Path = "/api/1.0/token";
    public const string ClientCredentialsGrant = "client_credentials";
    public const string RefreshTokenGrant = "refresh_token";
    public const string BasicChallenge = "Basic realm=\"CelerData\"";

    public static async Task HandleAsync(HttpContext context, EmulatorState state)
    {
        var request = context.Request;
        IFormCollection? form = null;
        if (request.HasFormContentType)
        {
            try
            {
                form = await request.ReadFormAsync(context.RequestAborted);
            }
            catch (InvalidDataException)
            {
                await BadRequestAsync(context, state, "invalid_request", "The form body cannot be read.");
                return;
            }
        }

        var grantType = First(request.Query["grant_type"]) ?? First(form?["grant_type"]);
        var authorization = request.Headers.Authorization.ToString();
        if (string.Equals(grantType, RefreshTokenGrant, StringComparison.Ordinal))
        {
            var refreshToken = First(form?["refresh_token"]) ?? First(request.Query["refresh_token"]);
            await RefreshAsync(context, state, authorization, refreshToken);
            return;
        }

        var client = Credentials.Authenticate(authorization, state.Clients);
        if (client is null)
        {
            await UnauthorizedAsync(context, state);
            return;
        }

        if (!await TryPassRateLimitAsync(context, state, client.ClientId))
        {
            return;
        }

        if (grantType is null)
        {
            await BadRequestAsync(context, state, "invalid_request", "grant_type is required.");
            return;
        }

        if (!string.Equals(grantType, ClientCredentialsGrant, StringComparison.Ordinal))
        {
            await BadRequestAsync(context, state, "unsupported_grant_type", "grant_type must be client_credentials or refresh_token.");
            return;
        }

        await IssueAsync(context, state, client.ClientId, ClientCredentialsGrant);
    }

    private static async Task RefreshAsync(HttpContext context, EmulatorState state, string authorization, string? refreshToken)
    {
        EmulatorClient? client = null;
        if (authorization.Length > 0)
        {
            client = Credentials.Authenticate(authorization, state.Clients);
            if (client is null)
            {
                await UnauthorizedAsync(context, state);
                return;
            }
        }

        if (refreshToken is null)
        {
            await BadRequestAsync(context, state, "invalid_request", "refresh_token is required.");
            return;
        }

        if (!state.Tokens.TryFindRefreshToken(refreshToken, out var owner)
            || (client is not null && !string.Equals(client.ClientId, owner, StringComparison.Ordinal)))
        {
            await BadRequestAsync(context, state, "invalid_grant", "The refresh token is unknown, already used or not this client's.");
            return;
        }

        Credentials.CountUnder(context, owner);
        if (!await TryPassRateLimitAsync(context, state, owner))
        {
            return;
        }

        if (!state.Tokens.TryRedeemRefreshToken(refreshToken, owner))
        {
            await BadRequestAsync(context, state, "invalid_grant", "The refresh token is unknown, already used or not this client's.");
            return;
        }

        await IssueAsync(context, state, owner, RefreshTokenGrant);
    }

    private static Task IssueAsync(HttpContext context, EmulatorState state, string clientId, string grantType)
    {
        var (accessToken, refreshToken) = state.Tokens.Issue(clientId);
        Log.TokenIssued(state.Logger, clientId, grantType);
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.Pragma = "no-cache";
        return Responses.WriteJsonAsync(
            context,
            StatusCodes.Status200OK,
            new AccessTokenResponse(accessToken, state.ExpiresInSeconds, refreshToken, "Bearer"),
            EmulatorJsonContext.Default.AccessTokenResponse);
    }

    private static async Task<bool> TryPassRateLimitAsync(HttpContext context, EmulatorState state, string clientId)
    {
        if (state.RateLimiter.TryAcquire("token:" + clientId, out var retryAfter))
        {
            return true;
        }

        Log.RateLimited(state.Logger, clientId, state.RateLimitPerMinute);
        Responses.SetRetryAfter(context, retryAfter);
        await Responses.WriteJsonAsync(
            context,
            StatusCodes.Status429TooManyRequests,
            new OAuthError("too_many_requests", "More token requests a minute than allowed; retry after Retry-After seconds."),
            EmulatorJsonContext.Default.OAuthError);
        return false;
    }

    private static Task UnauthorizedAsync(HttpContext context, EmulatorState state)
    {
        Log.CredentialsRejected(state.Logger, Credentials.CountedClient(context));
        context.Response.Headers.WWWAuthenticate = BasicChallenge;
        return Responses.WriteJsonAsync(
            context,
            StatusCodes.Status401Unauthorized,
            new OAuthError("invalid_client", "Client authentication failed."),
            EmulatorJsonContext.Default.OAuthError);
    }

    private static Task BadRequestAsync(HttpContext context, EmulatorState state, string error, string description)
    {
        Log.TokenRequestRejected(state.Logger, Credentials.CountedClient(context), error);
        return Responses.WriteJsonAsync(
            context,
            StatusCodes.Status400BadRequest,
            new OAuthError(error, description),
            EmulatorJsonContext.Default.OAuthError);
    }

    private static string? First(StringValues? values) =>
        values is { Count: > 0 } v && !string.IsNullOrEmpty(v[0]) ? v[0] : null;
}
