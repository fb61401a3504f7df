using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CelerData.Emulator.Internal;

/// <summary>The bearer-secured sample endpoints: <c>GET /api/1.0/clusters</c> and <c>GET /api/1.0/clusters/{cluster_id}/state</c>.</summary>
internal static class ClusterEndpoints
{
    public const string ListPath = "/api/1.0/clusters";
    public const string StatePath = "/api/1.0/clusters/{cluster_id}/state";
    public const string BearerChallenge = "Bearer realm=\"CelerData\"";
    public const int SuccessCode = 20000;
    public const int NotFoundCode = 40004;
    public const int UnauthorizedCode = 40100;
    public const int TooManyRequestsCode = 42900;
    private const string RunningState = "Running";

    public static async Task ListAsync(HttpContext context, EmulatorState state)
    {
        if (!await TryAuthorizeAsync(context, state))
        {
            return;
        }

        var data = new ClusterList(1, [new ClusterSummary(state.ClusterId, state.ClusterName, RunningState)]);
        await Responses.WriteJsonAsync(
            context,
            StatusCodes.Status200OK,
            new ClusterListEnvelope(SuccessCode, "success", data),
            EmulatorJsonContext.Default.ClusterListEnvelope);
    }

    public static async Task StateAsync(HttpContext context, EmulatorState state)
    {
        if (!await TryAuthorizeAsync(context, state))
        {
            return;
        }

        var clusterId = context.GetRouteValue("cluster_id") as string;
        if (!string.Equals(clusterId, state.ClusterId, StringComparison.Ordinal))
        {
            // The real API answers an unknown ID with HTTP 200 and code 40004.
            await Responses.WriteJsonAsync(
                context,
                StatusCodes.Status200OK,
                new ErrorEnvelope(NotFoundCode, "The cluster does not exist."),
                EmulatorJsonContext.Default.ErrorEnvelope);
            return;
        }

        await Responses.WriteJsonAsync(
            context,
            StatusCodes.Status200OK,
            new ClusterStateEnvelope(SuccessCode, "success", new ClusterStateData(RunningState, null)),
            EmulatorJsonContext.Default.ClusterStateEnvelope);
    }

    private static async Task<bool> TryAuthorizeAsync(HttpContext context, EmulatorState state)
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
                new ErrorEnvelope(UnauthorizedCode, "The access token is missing, unknown or expired."),
                EmulatorJsonContext.Default.ErrorEnvelope);
            return false;
        }

        if (!state.RateLimiter.TryAcquire("api:" + clientId, out var retryAfter))
        {
            Log.RateLimited(state.Logger, clientId, state.RateLimitPerMinute);
            Responses.SetRetryAfter(context, retryAfter);
            await Responses.WriteJsonAsync(
                context,
                StatusCodes.Status429TooManyRequests,
                new ErrorEnvelope(TooManyRequestsCode, "More requests a minute than allowed; retry after Retry-After seconds."),
                EmulatorJsonContext.Default.ErrorEnvelope);
            return false;
        }

        return true;
    }
}
