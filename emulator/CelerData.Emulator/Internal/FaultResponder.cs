using System;
using System.Globalization;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace CelerData.Emulator.Internal;

/// <summary>Writes the broken responses of each <see cref="EmulatorFaultKind"/>.</summary>
internal static class FaultResponder
{
    private static readonly TimeSpan TruncationSettleTime = TimeSpan.FromMilliseconds(100);

    // Ends in the middle of an object, so no JSON parser accepts it.
    private static readonly byte[] MalformedJson = Encoding.UTF8.GetBytes(
        "{\"access_token\": \"EMULATED\", \"expires_in\": 3600, \"token_type\": \"Bearer\", \"data\": {\"total\": 1,");

    private static readonly byte[] FullBody = Encoding.UTF8.GetBytes(
        "{\"code\":20000,\"message\":\"success\",\"access_token\":\"EMULATEDTRUNCATEDBODY000000000000000000000000000\",\"expires_in\":3600,\"refresh_token\":\"EMULATEDTRUNCATEDBODY000000000000000000000000000\",\"token_type\":\"Bearer\"}");

    private static readonly byte[] HtmlPage = Encoding.UTF8.GetBytes(
        "<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>\n<body><h1>502 Bad Gateway</h1><p>The upstream server did not answer.</p></body></html>\n");

    /// <summary>The status a fault answers with; 0 for a connection reset, which answers nothing.</summary>
    public static int StatusOf(EmulatorFaultKind kind) => kind switch
    {
        EmulatorFaultKind.ServerError => StatusCodes.Status500InternalServerError,
        EmulatorFaultKind.TooManyRequests => StatusCodes.Status429TooManyRequests,
        EmulatorFaultKind.ConnectionReset => 0,
        _ => StatusCodes.Status200OK,
    };

    public static async Task WriteAsync(HttpContext context, EmulatorFaultKind kind, int retryAfterSeconds)
    {
        var response = context.Response;
        switch (kind)
        {
            case EmulatorFaultKind.ServerError:
                await Responses.WriteJsonAsync(
                    context,
                    StatusCodes.Status500InternalServerError,
                    new ErrorEnvelope(EnvelopeCodes.ServerError, "Emulated server error."),
                    EmulatorJsonContext.Default.ErrorEnvelope);
                break;
            case EmulatorFaultKind.MalformedJson:
                await WriteBytesAsync(context, StatusCodes.Status200OK, Responses.JsonContentType, MalformedJson);
                break;
            case EmulatorFaultKind.TruncatedBody:
                response.StatusCode = StatusCodes.Status200OK;
                response.ContentType = Responses.JsonContentType;
                response.ContentLength = FullBody.Length;
                await response.Body.WriteAsync(FullBody.AsMemory(0, FullBody.Length / 2), context.RequestAborted);
                await response.Body.FlushAsync(context.RequestAborted);

                // Real time, not the emulator's clock: the head and half body must leave the
                // socket before the abort, or the client sees a plain connection reset instead.
                await Task.Delay(TruncationSettleTime, context.RequestAborted);
                context.Abort();
                break;
            case EmulatorFaultKind.HtmlErrorPage:
                await WriteBytesAsync(context, StatusCodes.Status200OK, "text/html; charset=utf-8", HtmlPage);
                break;
            case EmulatorFaultKind.TooManyRequests:
                response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                await Responses.WriteJsonAsync(
                    context,
                    StatusCodes.Status429TooManyRequests,
                    new ErrorEnvelope(EnvelopeCodes.TooManyRequests, "Emulated rate limit."),
                    EmulatorJsonContext.Default.ErrorEnvelope);
                break;
            case EmulatorFaultKind.ConnectionReset:
                context.Abort();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a fault.");
        }
    }

    private static async Task WriteBytesAsync(HttpContext context, int statusCode, string contentType, byte[] body)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }
}
