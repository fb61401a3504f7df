using System;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace CelerData.Emulator.Internal;

/// <summary>
/// <c>/_emulator/</c>: stats, reset and fault switches. Never faulted, never counted, no
/// authentication (the emulator listens on loopback).
/// </summary>
internal static class DiagnosticsEndpoints
{
    public const string StatsPath = "/_emulator/stats";
    public const string ResetPath = "/_emulator/reset";
    public const string FaultsPath = "/_emulator/faults";

    public static Task GetStatsAsync(HttpContext context, EmulatorState state) =>
        Responses.WriteJsonAsync(context, StatusCodes.Status200OK, state.Stats.Snapshot(), EmulatorJsonContext.Default.EmulatorStats);

    public static Task ResetAsync(HttpContext context, EmulatorState state)
    {
        state.Reset();
        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    public static Task GetFaultsAsync(HttpContext context, EmulatorState state) =>
        Responses.WriteJsonAsync(context, StatusCodes.Status200OK, state.Faults.Current, EmulatorJsonContext.Default.EmulatorFaultOptions);

    public static async Task SetFaultsAsync(HttpContext context, EmulatorState state)
    {
        EmulatorFaultOptions? faults;
        try
        {
            faults = await context.Request.ReadFromJsonAsync(EmulatorJsonContext.Default.EmulatorFaultOptions, context.RequestAborted);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            await BadRequestAsync(context, "The body must be a JSON object of fault options: " + ex.Message);
            return;
        }

        var errors = faults?.Validate();
        if (faults is null || errors is { Count: > 0 })
        {
            await BadRequestAsync(context, faults is null ? "The body must be a JSON object." : string.Join(" ", errors!));
            return;
        }

        state.SetFaults(faults);
        await GetFaultsAsync(context, state);
    }

    public static Task ClearFaultsAsync(HttpContext context, EmulatorState state)
    {
        state.SetFaults(new EmulatorFaultOptions());
        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    private static Task BadRequestAsync(HttpContext context, string message) =>
        Responses.WriteJsonAsync(
            context,
            StatusCodes.Status400BadRequest,
            new ErrorEnvelope(40000, message),
            EmulatorJsonContext.Default.ErrorEnvelope);
}
