using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Text;
using CelerData.Generated.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace CelerData.Generated.Tests.Wire;

/// <summary>
/// Request and response bodies that are not JSON (Specs/bodies.openapi.yaml): the exact bytes and Content-Type a
/// loopback Kestrel server receives, Prism validating the same description accepts every request, and a binary
/// download that reaches the caller while the server is still writing it.
/// </summary>
public sealed class BodyWireTests
{
    private static readonly string SpecPath = Path.Combine(RepositoryPaths.TestProject, "Specs", "bodies.openapi.yaml");

    private static CompiledClient Compile() => CompiledClient.Compile(GeneratorHarness.LoadSpec(SpecPath, "BodiesWire"));

    [Fact]
    public async Task TextBinaryAndFormBodiesGoOutAsTheDescriptionSays()
    {
        using var client = Compile();
        await using var server = await BodyServer.StartAsync();
        var api = Api(client, server.BaseAddress);
        var upload = new MemoryStream(new byte[] { 0, 1, 2, 255 });

        var stored = await Invoke<string>(client, api, "PutNoteAsync", "n 1", "héllo\nworld");
        await Invoke<object>(client, api, "UploadFileAsync", "a.bin", upload);
        await Invoke<object>(client, api, "SetAvatarAsync", new MemoryStream(Encoding.ASCII.GetBytes("PNG")));
        await Invoke<object>(client, api, "SetAvatarAsync", new object?[] { null });
        await Invoke<object>(client, api, "AddScanAsync", new MemoryStream(new byte[] { 255, 216 }));
        await Invoke<object>(client, api, "CreateTokenAsync", TokenForm(client));
        await Invoke<object>(client, api, "SetMottoAsync", "say \"hi\"\n");

        var requests = server.Requests;
        Assert.Equal("héllo\nworld", stored);
        Assert.Equal(("PUT", "/notes/n%201", "text/plain; charset=utf-8"), (requests[0].Method, requests[0].Target, requests[0].ContentType));
        Assert.Equal(Encoding.UTF8.GetBytes("héllo\nworld"), requests[0].Body);
        Assert.Equal(("PUT", "/files/a.bin", "application/octet-stream"), (requests[1].Method, requests[1].Target, requests[1].ContentType));
        Assert.Equal(new byte[] { 0, 1, 2, 255 }, requests[1].Body);
        Assert.True(upload.CanRead, "the caller's stream is the caller's to dispose");
        Assert.Equal(("image/png", "PNG"), (requests[2].ContentType, Encoding.ASCII.GetString(requests[2].Body)));
        Assert.Equal((null, 0), (requests[3].ContentType, requests[3].Body.Length));
        Assert.Equal("image/jpeg", requests[4].ContentType);
        Assert.Equal(new byte[] { 255, 216 }, requests[4].Body);
        Assert.Equal("application/x-www-form-urlencoded", requests[5].ContentType);
        Assert.Equal(
            "grant_type=client_credentials&client_id=a%20b%2Bc%26d&remember=true&expires=2024-01-15T10%3A30%3A00.5%2B02%3A00"
            + "&audiences=x&audiences=y&scopes=read%20write&filter[kind]=k%201&filter[max]=3&meta=%7B%22kind%22%3A%22m%22%7D",
            Encoding.UTF8.GetString(requests[5].Body));
        Assert.Equal(("PUT", "/mottos", "application/json; charset=utf-8"), (requests[6].Method, requests[6].Target, requests[6].ContentType));
        Assert.Equal("\"say \\u0022hi\\u0022\\n\"", Encoding.UTF8.GetString(requests[6].Body));
    }

    [Fact]
    public async Task AMultipartBodySendsEachPropertyAsItsOwnPart()
    {
        using var client = Compile();
        await using var server = await BodyServer.StartAsync();
        var api = Api(client, server.BaseAddress);
        var photo = new MemoryStream(new byte[] { 137, 80, 78, 71 });

        await Invoke<object>(client, api, "AddPhotoAsync", PhotoArguments(client, photo));
        await Invoke<object>(client, api, "AddPhotoAsync", 8L, new Refit.ByteArrayPart(new byte[] { 1 }, "only.bin"), null, null, null, null, null, null, null);

        var requests = server.Requests;
        Assert.Equal("/pets/7/photos", requests[0].Target);
        Assert.StartsWith("multipart/form-data; boundary=", requests[0].ContentType, StringComparison.Ordinal);
        var parts = await Parts(requests[0]);
        Assert.Equal(
            new[]
            {
                "file|a.png|image/png|89504E47",
                "thumbnails|t1.jpg|image/jpeg|01",
                "thumbnails|t2.jpg|image/jpeg|0203",
                "caption||text/plain; charset=utf-8|" + Hex("a b é"),
                "tags||text/plain; charset=utf-8|" + Hex("x"),
                "tags||text/plain; charset=utf-8|" + Hex("y"),
                "rating||text/plain; charset=utf-8|" + Hex("5"),
                "grant||text/plain; charset=utf-8|" + Hex("refresh_token"),
                "petId||text/plain; charset=utf-8|" + Hex("p-1"),
                "meta||application/json; charset=utf-8|" + Hex("""{"kind":"m","max":3}"""),
            },
            parts);
        Assert.Equal(new[] { "file|only.bin|application/octet-stream|01" }, await Parts(requests[1]));
    }

    [Fact]
    public async Task ObjectBytesXmlComposedFormsAndOtherMultipartSubtypesGoOutAsTheDescriptionSays()
    {
        using var client = Compile();
        await using var server = await BodyServer.StartAsync();
        var api = Api(client, server.BaseAddress);

        await Invoke<object>(client, api, "AddAttachmentAsync", new MemoryStream(new byte[] { 7, 0, 7 }));
        await Invoke<object>(client, api, "AddXmlNoteAsync", "<Filter><kind>k</kind></Filter>");
        await Invoke<object>(client, api, "SendComposedFormAsync", client.Read("""{"kind":"a b","max":2,"reason":"r&r"}""", client.Type("SendComposedFormRequest")));
        await Invoke<object>(client, api, "SendMapFormAsync", new Dictionary<string, string> { ["x"] = "1", ["y z"] = "a&b" });
        await Invoke<object>(client, api, "SendComposedUploadAsync", new Refit.ByteArrayPart(new byte[] { 137, 80 }, "i.png"), "k", 3L, "# hi", client.Read("""[{"kind":"old"}]""", typeof(IReadOnlyList<>).MakeGenericType(client.Type("Filter"))));
        await Invoke<object>(client, api, "SendBatchAsync", client.Read("""{"kind":"h"}""", client.Type("Filter")), new Refit.ByteArrayPart(new byte[] { 1, 2 }, "b.bin", "application/x-thing"));
        await Invoke<object>(client, api, "SendRelatedAsync", client.Read("""{"max":1}""", client.Type("Filter")), new Refit.ByteArrayPart(new byte[] { 37, 80 }, "a.pdf"));

        var requests = server.Requests;
        Assert.Equal(("/attachments", "application/octet-stream"), (requests[0].Target, requests[0].ContentType));
        Assert.Equal(new byte[] { 7, 0, 7 }, requests[0].Body);
        Assert.Equal(("/notes-xml", "application/xml; charset=utf-8", "<Filter><kind>k</kind></Filter>"), (requests[1].Target, requests[1].ContentType, Encoding.UTF8.GetString(requests[1].Body)));
        Assert.Equal(("application/x-www-form-urlencoded", "kind=a%20b&max=2&reason=r%26r"), (requests[2].ContentType, Encoding.UTF8.GetString(requests[2].Body)));
        Assert.Equal("x=1&y%20z=a%26b", Encoding.UTF8.GetString(requests[3].Body));
        Assert.StartsWith("multipart/form-data; boundary=", requests[4].ContentType, StringComparison.Ordinal);
        Assert.Equal(
            new[]
            {
                "kind||text/plain; charset=utf-8|" + Hex("k"),
                "max||text/plain; charset=utf-8|" + Hex("3"),
                "image|i.png|image/png|8950",
                "notes||text/markdown; charset=utf-8|" + Hex("# hi"),
                "history||application/vnd.history+json|" + Hex("""[{"kind":"old"}]"""),
            },
            await Parts(requests[4]));
        Assert.StartsWith("multipart/mixed; boundary=", requests[5].ContentType, StringComparison.Ordinal);
        Assert.Equal(new[] { "header||application/json; charset=utf-8|" + Hex("""{"kind":"h"}"""), "body|b.bin|application/x-thing|0102" }, await Parts(requests[5]));
        Assert.StartsWith("multipart/related; boundary=", requests[6].ContentType, StringComparison.Ordinal);
        Assert.Equal(new[] { "root||application/json; charset=utf-8|" + Hex("""{"max":1}"""), "attachment|a.pdf|application/pdf|2550" }, await Parts(requests[6]));
    }

    [Fact]
    public async Task PrismAcceptsTheComposedFormAndMultipartBodies()
    {
        using var client = Compile();
        var (prism, output) = await PrismServer.StartAsync(SpecPath, TimeSpan.FromSeconds(60));
        Assert.True(prism is not null, output);
        await using (prism)
        {
            var api = Api(client, prism!.BaseAddress);
            await Invoke<object>(client, api, "SendComposedFormAsync", client.Read("""{"kind":"a b","max":2,"reason":"r"}""", client.Type("SendComposedFormRequest")));
            await Invoke<object>(client, api, "SendMapFormAsync", new Dictionary<string, string> { ["x"] = "1" });
            await Invoke<object>(client, api, "SendComposedUploadAsync", new Refit.ByteArrayPart(new byte[] { 137, 80 }, "i.png"), "k", 3L, "# hi", null);

            // AddAttachment is left out: Prism holds an application/octet-stream body to its object schema, as it does
            // for format: file; multipart/mixed and related it does not parse.
        }
    }

    [Fact]
    public async Task AFormLeavesOutWhatTheCallerDidNotSet()
    {
        using var client = Compile();
        await using var server = await BodyServer.StartAsync();
        var api = Api(client, server.BaseAddress);

        await Invoke<object>(client, api, "CreateTokenAsync", client.Read("""{"grant_type":"refresh_token","audiences":[]}""", client.Type("TokenForm")));

        Assert.Equal("grant_type=refresh_token", Encoding.UTF8.GetString(server.Requests.Single().Body));
    }

    [Fact]
    public async Task AFormBodyThatIsAStringIsTheEncodedFormTheCallerWrites()
    {
        // libretranslate's and spoonacular's descriptions give their form bodies `type: string`, with examples such as
        // text=...: the caller's text goes as it is, in the form's media type (those operations were left out before).
        // Prism reads a form body as an object and would hold it to the string schema, so it does not judge this one.
        const string spec = """
            openapi: 3.0.3
            info: { title: Detect, version: '1' }
            paths:
              /detect:
                post:
                  operationId: detect
                  requestBody:
                    required: true
                    content:
                      application/x-www-form-urlencoded:
                        schema: { type: string, example: 'q=hello&format=text' }
                  responses:
                    '204': { description: detected }
            """;
        using var client = CompiledClient.Compile(new SpecFile("/detect.yaml", spec, "Detect"));
        await using var server = await BodyServer.StartAsync();
        var api = Api(client, server.BaseAddress);

        await Invoke<object>(client, api, "DetectAsync", "q=caf%C3%A9&format=text");

        var request = server.Requests.Single();
        Assert.Equal(("POST", "/detect"), (request.Method, request.Target));
        Assert.StartsWith("application/x-www-form-urlencoded", request.ContentType, StringComparison.Ordinal);
        Assert.Equal("q=caf%C3%A9&format=text", Encoding.UTF8.GetString(request.Body));
    }

    [Fact]
    public async Task ABinaryDownloadReachesTheCallerWhileTheServerIsStillWriting()
    {
        using var client = Compile();
        await using var server = await BodyServer.StartAsync();
        var api = Api(client, server.BaseAddress);

        // The server sends the first chunk, then waits until the caller has read it: a client that buffered the
        // whole body would wait forever (the timeout fails the test).
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var stream = (await Invoke<Stream>(client, api, "DownloadFileAsync", "big.bin"))!;
        var first = new byte[BodyServer.FirstChunk.Length];
        await stream.ReadExactlyAsync(first, timeout.Token);
        Assert.False(server.RestSent.Task.IsCompleted);
        server.ReleaseRest.SetResult();
        using var rest = new MemoryStream();
        await stream.CopyToAsync(rest, timeout.Token);

        Assert.Equal(BodyServer.FirstChunk, first);
        Assert.Equal(BodyServer.Rest, rest.ToArray());
        Assert.True(server.RestSent.Task.IsCompleted);
    }

    [Fact]
    public async Task PrismAcceptsEveryBody()
    {
        using var client = Compile();
        var (prism, output) = await PrismServer.StartAsync(SpecPath, TimeSpan.FromSeconds(60));
        Assert.True(prism is not null, output);
        await using (prism)
        {
            var api = Api(client, prism!.BaseAddress);

            // Prism answers 415 or 422 with its reasons to a body the description rejects; the client throws then.
            Assert.NotNull(await Invoke<string>(client, api, "PutNoteAsync", "n1", "hello"));
            await Invoke<object>(client, api, "SetMottoAsync", "carpe diem");
            await Invoke<object>(client, api, "UploadFileAsync", "a.bin", new MemoryStream(new byte[] { 0, 1, 2, 255 }));
            await Invoke<object>(client, api, "SetAvatarAsync", new MemoryStream(Encoding.ASCII.GetBytes("PNG")));

            // AddScan is left out: its schema says type object (with Swagger 2's format file), which Prism holds bytes to.
            await Invoke<object>(client, api, "CreateTokenAsync", PrismTokenForm(client));
            var photo = PhotoArguments(client, new MemoryStream(new byte[] { 137, 80, 78, 71 }));
            photo[2] = null;
            photo[4] = null;
            photo[8] = null;
            await Invoke<object>(client, api, "AddPhotoAsync", photo);
            await using var download = (await Invoke<Stream>(client, api, "DownloadFileAsync", "a.bin"))!;
            Assert.NotNull(download);
        }
    }

    private static object?[] PhotoArguments(CompiledClient client, Stream photo) => new object?[]
    {
        7L,
        new Refit.StreamPart(photo, "a.png", "image/png"),
        new Refit.MultipartItem[] { new Refit.ByteArrayPart(new byte[] { 1 }, "t1.jpg", "image/jpeg"), new Refit.ByteArrayPart(new byte[] { 2, 3 }, "t2.jpg", "image/jpeg") },
        "a b é",
        new[] { "x", "y" },
        5L,
        client.Read("\"refresh_token\"", client.Type("GrantType")),
        "p-1",
        client.Read("""{"kind":"m","max":3}""", client.Type("Filter")),
    };

    /// <summary>Each part of a recorded multipart body as name|file name|content type|hex bytes, in order.</summary>
    private static async Task<string[]> Parts(BodyRequest request)
    {
        var boundary = Microsoft.Net.Http.Headers.HeaderUtilities.RemoveQuotes(Microsoft.Net.Http.Headers.MediaTypeHeaderValue.Parse(request.ContentType).Boundary).Value!;
        var reader = new Microsoft.AspNetCore.WebUtilities.MultipartReader(boundary, new MemoryStream(request.Body));
        var parts = new List<string>();
        while (await reader.ReadNextSectionAsync() is { } section)
        {
            var disposition = Microsoft.Net.Http.Headers.ContentDispositionHeaderValue.Parse(section.ContentDisposition);
            using var bytes = new MemoryStream();
            await section.Body.CopyToAsync(bytes);
            parts.Add(disposition.Name.Value?.Trim('"') + "|" + disposition.FileName.Value?.Trim('"') + "|" + section.ContentType + "|" + Convert.ToHexString(bytes.ToArray()));
        }

        return parts.ToArray();
    }

    private static string Hex(string text) => Convert.ToHexString(Encoding.UTF8.GetBytes(text));

    private static object TokenForm(CompiledClient client) => client.Read(
        """
        {"grant_type":"client_credentials","client_id":"a b+c&d","remember":true,"expires":"2024-01-15T10:30:00.5+02:00",
         "audiences":["x","y"],"scopes":["read","write"],"filter":{"kind":"k 1","max":3},"meta":{"kind":"m"}}
        """,
        client.Type("TokenForm"))!;

    /// <summary>
    /// The form without the two properties Prism 5.16 misreads: it takes a repeated field without a declared encoding
    /// (audiences, form style and exploded by OpenAPI's default) for a string, and ignores an encoding's contentType
    /// (meta, JSON); the exact-request tests above cover both, and likewise the multipart parts tags and meta, which
    /// the Prism call leaves out (with the files array thumbnails).
    /// </summary>
    private static object PrismTokenForm(CompiledClient client) => client.Read(
        """
        {"grant_type":"client_credentials","client_id":"a b+c&d","remember":true,"expires":"2024-01-15T10:30:00.5+02:00",
         "scopes":["read","write"],"filter":{"kind":"k 1","max":3}}
        """,
        client.Type("TokenForm"))!;

    private static object Api(CompiledClient client, Uri baseAddress)
        => client.Api(new HttpClient { BaseAddress = baseAddress });

    /// <summary>Calls a generated method; its result when it has one (default otherwise); a refused request fails the test.</summary>
    private static async Task<T?> Invoke<T>(CompiledClient client, object api, string method, params object?[] arguments)
    {
        var info = client.ApiInterface.GetMethod(method)!;
        var task = (Task)info.Invoke(api, arguments.Concat(new object?[] { CancellationToken.None }).ToArray())!;
        try
        {
            await task;
        }
        catch (Refit.ApiException exception)
        {
            Assert.Fail(method + " was refused: " + (int)exception.StatusCode + " " + exception.Content);
        }

        return task.GetType().GetProperty("Result") is { } result && result.PropertyType != typeof(void) && typeof(T) != typeof(object) ? (T?)result.GetValue(task) : default;
    }

    private sealed record BodyRequest(string Method, string Target, string? ContentType, byte[] Body);

    /// <summary>A Kestrel server on loopback that records each request's bytes and answers as the description says.</summary>
    private sealed class BodyServer : IAsyncDisposable
    {
        public static readonly byte[] FirstChunk = Encoding.ASCII.GetBytes("first chunk of the download;");
        public static readonly byte[] Rest = Enumerable.Range(0, 100_000).Select(i => (byte)i).ToArray();

        private readonly WebApplication _app;
        private readonly ConcurrentQueue<BodyRequest> _requests = new();

        private BodyServer(WebApplication app) => _app = app;

        public Uri BaseAddress { get; private set; } = null!;

        public IReadOnlyList<BodyRequest> Requests => _requests.ToList();

        /// <summary>Completed by the test once it has read the first chunk.</summary>
        public TaskCompletionSource ReleaseRest { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Completed when the server has written the whole download.</summary>
        public TaskCompletionSource RestSent { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public static async Task<BodyServer> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            var server = new BodyServer(app);
            app.Run(async context =>
            {
                using var body = new MemoryStream();
                await context.Request.Body.CopyToAsync(body);
                var target = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
                server._requests.Enqueue(new BodyRequest(context.Request.Method, target, context.Request.ContentType, body.ToArray()));
                if (context.Request.Path.StartsWithSegments("/notes"))
                {
                    context.Response.ContentType = "text/plain; charset=utf-8";
                    await context.Response.Body.WriteAsync(body.ToArray());
                }
                else if (context.Request.Path.StartsWithSegments("/files") && HttpMethods.IsGet(context.Request.Method))
                {
                    context.Response.ContentType = "application/octet-stream";
                    await context.Response.Body.WriteAsync(FirstChunk);
                    await context.Response.Body.FlushAsync();
                    await server.ReleaseRest.Task.WaitAsync(TimeSpan.FromSeconds(60));
                    await context.Response.Body.WriteAsync(Rest);
                    server.RestSent.SetResult();
                }
                else if (context.Request.Path.StartsWithSegments("/tokens"))
                {
                    context.Response.ContentType = "application/json";
                    await context.Response.WriteAsync("""{"access_token":"t"}""");
                }
                else
                {
                    context.Response.StatusCode = 204;
                }
            });
            await app.StartAsync();
            server.BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
            return server;
        }

        public async ValueTask DisposeAsync()
        {
            ReleaseRest.TrySetResult();
            await _app.DisposeAsync();
        }
    }
}
