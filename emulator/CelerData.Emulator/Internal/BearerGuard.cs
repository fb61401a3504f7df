using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace CelerData.Emulator.Internal;

/// <summary>Lets a request to a bearer-secured operation through only with a live access token and within the operation's rate limit.</summary>
internal static class BearerGuard
{
    public const string BearerChallenge = "Bearer realm=\"CelerData\"";

    public static async Task<bool> TryAuthorizeAsync(HttpContext context, EmulatorState state, string operation)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        if (!Credentials.TryParseBearer(authorization, out var token)
            || !state.Tokens.TryFindAccessToken(token, out var clientId, out var expired)
            || expired)
        {
            // RFC 6750 section 3.1: no error code when no token was sent at all.
            context.Response.Headers.WWWAuthenticate = authorization.Length == 0 ? BearerChallenge : BearerChallenge + ", error=\"invalid_token\"";
            await Responses.WriteJsonAsync(
                context,
                StatusCodes.Status401Unauthorized,
                new ErrorEnvelope(EnvelopeCodes.Unauthorized, "The access token is missing, unknown or expired."),
                EmulatorJsonContext.Default.ErrorEnvelope);
            return false;
        }

        // The documentation gives every endpoint its own frequency of 600/minute.
        if (!state.RateLimiter.TryAcquire("api:" + operation + ":" + clientId, out var retryAfter))
        {
            Log.RateLimited(state.Logger, clientId, state.RateLimitPerMinute);
            Responses.SetRetryAfter(context, retryAfter);
            await Responses.WriteJsonAsync(
                context,
                StatusCodes.Status429TooManyRequests,
                new ErrorEnvelope(EnvelopeCodes.TooManyRequests, "More requests a minute than allowed; retry after Retry-After seconds."),
                EmulatorJsonContext.Default.ErrorEnvelope);
            return false;
        }

        return true;
    }
}
