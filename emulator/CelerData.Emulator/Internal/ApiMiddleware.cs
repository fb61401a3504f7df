using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

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
        // Routing ran before this middleware: the endpoint, named by its operationId, is known.
        var operation = context.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName;
        Credentials.CountUnder(context, Credentials.Identify(context.Request.Headers.Authorization.ToString(), state));
        var fault = EmulatorFaultKind.None;

        // Counts are recorded before the client can see anything (before the response starts, or before a
        // fault is written or the connection aborted), so a client that got its answer reads up-to-date stats.
        var recorded = 0;
        void RecordOnce(int status)
        {
            if (Interlocked.Exchange(ref recorded, 1) == 0)
            {
                state.Stats.Record(Credentials.CountedClient(context), endpoint, status, fault != EmulatorFaultKind.None);
            }
        }

        context.Response.OnStarting(() =>
        {
            RecordOnce(context.Response.StatusCode);
            return Task.CompletedTask;
        });
        try
        {
            var latency = state.Faults.LatencyFor(endpoint, operation);
            if (latency > TimeSpan.Zero)
            {
                await Task.Delay(latency, state.TimeProvider, context.RequestAborted);
            }

            (fault, var retryAfterSeconds) = state.Faults.Take(endpoint, operation);
            if (fault != EmulatorFaultKind.None)
            {
                Log.FaultInjected(state.Logger, fault, context.Request.Method, path.Value ?? string.Empty);
                RecordOnce(FaultResponder.StatusOf(fault));
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
            RecordOnce(fault == EmulatorFaultKind.ConnectionReset ? 0 : context.Response.StatusCode);
        }
    }
}
