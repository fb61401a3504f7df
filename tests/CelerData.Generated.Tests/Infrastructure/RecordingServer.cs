using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CelerData.Generated.Tests.Infrastructure;

/// <summary>One request as it arrived on the wire.</summary>
internal sealed record RecordedRequest(string Method, string PathAndQuery, string? Authorization, string? ContentType, string Body, IReadOnlyDictionary<string, string> Headers);

/// <summary>What the server answers next.</summary>
public sealed record ScriptedResponse(int Status, string Body, string ContentType = "application/json");

/// <summary>A real Kestrel server on a free loopback port that records requests and answers from a script.</summary>
internal sealed class RecordingServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    private RecordingServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public ScriptedResponse Next { get; set; } = new(200, "{}");

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToList();

    public static async Task<RecordingServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        RecordingServer? server = null;
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers
                .Where(h => h.Key.StartsWith("X-", StringComparison.OrdinalIgnoreCase) || h.Key.Equals("Cookie", StringComparison.OrdinalIgnoreCase))
                .ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            server!._requests.Enqueue(new RecordedRequest(
                context.Request.Method,
                context.Request.Path.ToUriComponent() + context.Request.QueryString.ToUriComponent(),
                context.Request.Headers.Authorization.ToString() is { Length: > 0 } auth ? auth : null,
                context.Request.ContentType,
                body,
                headers));
            var next = server.Next;
            context.Response.StatusCode = next.Status;
            context.Response.ContentType = next.ContentType;
            await context.Response.WriteAsync(next.Body);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new RecordingServer(app, new Uri(address + "/"));
        return server;
    }

    public void Clear() => _requests.Clear();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
