using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.AspNetCore.Http;

namespace CelerData.Generated.Tests.Infrastructure;

/// <summary>One request as it arrived on the wire.</summary>
internal sealed record RecordedRequest(string Method, string PathAndQuery, string? Authorization, string? ContentType, string Body, IReadOnlyDictionary<string, string> Headers);

/// <summary>What the server answers next.</summary>
public sealed record ScriptedResponse(int Status, string Body, string ContentType = "application/json");

/// <summary>A real Kestrel server on a free loopback port that records requests and answers from a script.</summary>
internal sealed class RecordingServer : IAsyncDisposable
{
    private LoopbackKestrel<RecordedRequest> _server = null!;

    private RecordingServer()
    {
    }

    public Uri BaseAddress => _server.BaseAddress;

    public ScriptedResponse Next { get; set; } = new(200, "{}");

    public IReadOnlyList<RecordedRequest> Requests => _server.Requests;

    public static async Task<RecordingServer> StartAsync()
    {
        var recording = new RecordingServer();
        recording._server = await LoopbackKestrel<RecordedRequest>.StartAsync(
            async context =>
            {
                using var reader = new StreamReader(context.Request.Body);
                var body = await reader.ReadToEndAsync();
                var headers = context.Request.Headers
                    .Where(h => h.Key.StartsWith("X-", StringComparison.OrdinalIgnoreCase) || h.Key.Equals("Cookie", StringComparison.OrdinalIgnoreCase))
                    .ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
                return new RecordedRequest(
                    context.Request.Method,
                    context.Request.Path.ToUriComponent() + context.Request.QueryString.ToUriComponent(),
                    context.Request.Headers.Authorization.ToString() is { Length: > 0 } auth ? auth : null,
                    context.Request.ContentType,
                    body,
                    headers);
            },
            async (context, _) =>
            {
                var next = recording.Next;
                context.Response.StatusCode = next.Status;
                context.Response.ContentType = next.ContentType;
                await context.Response.WriteAsync(next.Body);
            });
        return recording;
    }

    public void Clear() => _server.Clear();

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
