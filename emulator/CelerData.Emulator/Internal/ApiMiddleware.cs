using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace CelerData.Emulator.Internal;

/// <summary>
/// Wraps every <c>/api/1.0/</c> request: counts it under its client and injects the faults in
/// force. Diagnostics requests pass straight through.
/// </summary>
internal static class ApiMiddleware
{
    private static readonly PathString ApiPrefix = "/api/1.0";

    public static async Task InvokeAsync(HttpContext context, RequestDelegate next, EmulatorState state)
    {
        var path = context.Request.Path;
        if (!path.StartsWithSegments(ApiPrefix))
        {
            await next(context);
            return;
        }

        var endpoint = path.Equals(TokenEndpoint.Path, StringComparison.OrdinalIgnoreCase)
            ? EmulatorFaultScope.Token
            : EmulatorFaultScope.Resources;
        Credentials.CountUnder(context, Credentials.Identify(context.Request.Headers.Authorization.ToString(), state));
        var fault = EmulatorFaultKind.None;
        try
        {
            var latency = state.Faults.LatencyFor(endpoint);
            if (latency > TimeSpan.Zero)
            {
                await Task.Delay(latency, state.TimeProvider, context.RequestAborted);
            }

            (fault, var retryAfterSeconds) = state.Faults.Take(endpoint);
            if (fault != EmulatorFaultKind.None)
            {
                Log.FaultInjected(state.Logger, fault, context.Request.Method, path.Value ?? string.Empty);
                await FaultResponder.WriteAsync(context, fault, retryAfterSeconds);
                return;
            }

            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away (or a fault aborted the connection): nothing left to answer.
        }
        finally
        {
            var status = fault == EmulatorFaultKind.ConnectionReset ? 0 : context.Response.StatusCode;
            state.Stats.Record(Credentials.CountedClient(context), endpoint, status, fault != EmulatorFaultKind.None);
        }
    }
}
