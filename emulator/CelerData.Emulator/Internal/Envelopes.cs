using System;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace CelerData.Emulator.Internal;

/// <summary>Writes the response envelope, success or failure, always with HTTP 200 as the service does; reads JSON bodies.</summary>
internal static class Envelopes
{
    public static Task SuccessAsync<T>(HttpContext context, T data, JsonTypeInfo<Envelope<T>> typeInfo) =>
        Responses.WriteJsonAsync(context, StatusCodes.Status200OK, new Envelope<T>(EnvelopeCodes.Success, EnvelopeCodes.SuccessMessage, data), typeInfo);

    /// <summary>A success whose envelope carries no <c>data</c>, as declaring deployment scripts answers.</summary>
    public static Task EmptySuccessAsync(HttpContext context) =>
        Responses.WriteJsonAsync(context, StatusCodes.Status200OK, new ErrorEnvelope(EnvelopeCodes.Success, string.Empty), EmulatorJsonContext.Default.ErrorEnvelope);

    public static Task FailureAsync(HttpContext context, int code, string message) =>
        Responses.WriteJsonAsync(context, StatusCodes.Status200OK, new ErrorEnvelope(code, message), EmulatorJsonContext.Default.ErrorEnvelope);

    public static Task NotFoundAsync(HttpContext context, string what) => FailureAsync(context, EnvelopeCodes.NotFound, "The " + what + " does not exist.");

    public static Task BadRequestAsync(HttpContext context, string message) => FailureAsync(context, EnvelopeCodes.BadRequest, message);

    public static Task ActionAsync(HttpContext context, ActionResult result) =>
        result.ActionId is { } actionId
            ? SuccessAsync(context, new ActionData(actionId), EmulatorJsonContext.Default.EnvelopeActionData)
            : FailureAsync(context, result.Code, result.Message);

    /// <summary>Reads a JSON body; <see langword="null"/> when it is missing, not JSON, or not an object of the expected shape.</summary>
    public static async Task<T?> ReadBodyAsync<T>(HttpContext context, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        try
        {
            return await context.Request.ReadFromJsonAsync(typeInfo, context.RequestAborted);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    public static string Route(HttpContext context, string name) => context.Request.RouteValues[name] as string ?? string.Empty;
}
