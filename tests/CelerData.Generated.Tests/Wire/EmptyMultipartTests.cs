using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using CelerData.Generated.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace CelerData.Generated.Tests.Wire;

/// <summary>
/// A multipart body whose parts are all optional: with every part left null nothing is sent (RFC 2046 wants one part
/// at least, and Prism stops on a multipart body without one); with a part, the body holds that part.
/// </summary>
public sealed class EmptyMultipartTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: { title: Uploads, version: '1' }
        paths:
          /packages:
            post:
              operationId: uploadPackage
              requestBody:
                content:
                  multipart/form-data:
                    schema:
                      type: object
                      properties:
                        package: { type: string, format: binary }
                        note: { type: string }
              responses:
                '204': { description: stored }
        """;

    [Fact]
    public async Task AMultipartBodyWithEveryPartLeftOutIsNotSent()
    {
        using var client = CompiledClient.Compile(new SpecFile("/uploads.yaml", Spec, "Uploads"));
        await using var server = await Server.StartAsync();
        var api = client.Api(new HttpClient { BaseAddress = server.BaseAddress });
        var upload = client.ApiInterface.GetMethod("UploadPackageAsync")!;

        await (Task)upload.Invoke(api, new object?[] { null, null, CancellationToken.None })!;
        await (Task)upload.Invoke(api, new object?[] { null, "n 1", CancellationToken.None })!;

        var requests = server.Requests;
        Assert.Equal((null, 0L), (requests[0].ContentType, requests[0].Length));
        Assert.StartsWith("multipart/form-data; boundary=", requests[1].ContentType, StringComparison.Ordinal);
        Assert.Contains("name=\"note\"", requests[1].Body, StringComparison.Ordinal);
        Assert.Contains("n 1", requests[1].Body, StringComparison.Ordinal);
    }

    private const string UntypedSpec = """
        openapi: 3.0.3
        info: { title: Stickers, version: '1' }
        paths:
          /stickers:
            post:
              operationId: addSticker
              requestBody:
                required: true
                content:
                  multipart/form-data:
                    schema:
                      type: object
                      required: [position]
                      properties:
                        sticker: {}
                        position: { nullable: true }
              responses:
                '204': { description: added }
        """;

    [Fact]
    public async Task UntypedPartsGoAsTheirJsonAndNullOnesAreLeftOut()
    {
        // Parts of any JSON value are JsonElement? (a value type): they compile, and go as the JSON they hold (telegram.org's
        // and discourse's descriptions have such parts; their generated clients did not compile before).
        using var client = CompiledClient.Compile(new SpecFile("/stickers.yaml", UntypedSpec, "Stickers"));
        await using var server = await Server.StartAsync();
        var api = client.Api(new HttpClient { BaseAddress = server.BaseAddress });
        var add = client.ApiInterface.GetMethod("AddStickerAsync")!;
        Assert.Equal(typeof(System.Text.Json.JsonElement?), add.GetParameters().Single(p => p.Name == "position").ParameterType);

        object? Arguments(string name) => name switch
        {
            "position" => System.Text.Json.JsonDocument.Parse("[1,2]").RootElement,
            "sticker" => System.Text.Json.JsonDocument.Parse("""{"a":1}""").RootElement,
            _ => CancellationToken.None,
        };
        await (Task)add.Invoke(api, add.GetParameters().Select(p => Arguments(p.Name!)).ToArray())!;
        await (Task)add.Invoke(api, add.GetParameters().Select(p => p.ParameterType == typeof(CancellationToken) ? (object)CancellationToken.None : null).ToArray())!;

        var requests = server.Requests;
        Assert.StartsWith("multipart/form-data; boundary=", requests[0].ContentType, StringComparison.Ordinal);
        var parts = requests[0].Body.Replace("Content-Type: application/json; charset=utf-8\r\n", string.Empty, StringComparison.Ordinal);
        Assert.Matches("name=\"?sticker\"?\r\n\r\n\\{\"a\":1\\}", parts);
        Assert.Matches("name=\"?position\"?\r\n\r\n\\[1,2\\]", parts);
        Assert.Equal((null, 0L), (requests[1].ContentType, requests[1].Length));
    }

    private sealed record Received(string? ContentType, long Length, string Body);

    /// <summary>A Kestrel server on loopback that records each request's content type and body.</summary>
    private static class Server
    {
        public static Task<LoopbackKestrel<Received>> StartAsync() => LoopbackKestrel<Received>.StartAsync(
            async context =>
            {
                using var reader = new StreamReader(context.Request.Body);
                var body = await reader.ReadToEndAsync();
                return new Received(context.Request.ContentType, context.Request.ContentLength ?? body.Length, body);
            },
            (context, _) =>
            {
                context.Response.StatusCode = 204;
                return Task.CompletedTask;
            });
    }
}
