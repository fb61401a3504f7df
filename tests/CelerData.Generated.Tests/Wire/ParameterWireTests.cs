using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Text.Json;
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
/// Every parameter style and format as it goes on the wire: the exact request a loopback Kestrel server receives
/// (raw target, headers, body), and Prism validating the same description accepts it.
/// </summary>
public sealed class ParameterWireTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: { title: Wire, version: '1' }
        paths:
          /items/{id}/{labels}/{filter}:
            get:
              operationId: getItem
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
                - { name: labels, in: path, required: true, style: label, schema: { type: array, items: { type: integer } } }
                - { name: filter, in: path, required: true, style: matrix, explode: true, schema: { $ref: '#/components/schemas/Filter' } }
                - { name: flag, in: query, schema: { type: boolean } }
                - { name: since, in: query, schema: { type: string, format: date-time } }
                - { name: day, in: query, schema: { type: string, format: date } }
                - { name: ratio, in: query, schema: { type: number } }
                - { name: color, in: query, schema: { $ref: '#/components/schemas/Color' } }
                - { name: ids, in: query, explode: false, schema: { type: array, items: { type: integer } } }
                - { name: tags, in: query, schema: { type: array, items: { type: string } } }
                - { name: spaced, in: query, style: spaceDelimited, explode: false, schema: { type: array, items: { type: string } } }
                - { name: piped, in: query, style: pipeDelimited, explode: false, schema: { type: array, items: { type: string } } }
                - { name: where, in: query, style: deepObject, explode: true, schema: { $ref: '#/components/schemas/Filter' } }
                - { name: page, in: query, schema: { $ref: '#/components/schemas/Page' } }
                - { name: raw, in: query, allowReserved: true, schema: { type: string } }
                - { name: X-Flags, in: header, schema: { type: array, items: { type: boolean } } }
                - { name: X-Filter, in: header, explode: true, schema: { $ref: '#/components/schemas/Filter' } }
                - { name: session, in: cookie, schema: { type: string } }
                - { name: prefs, in: cookie, explode: false, schema: { type: array, items: { type: string } } }
              responses:
                '204': { description: done }
          /code:
            get:
              operationId: getCode
              responses:
                '200':
                  description: a JSON string
                  content:
                    application/json:
                      schema: { type: string }
          /orders:
            post:
              operationId: createOrders
              requestBody:
                required: true
                content:
                  application/json:
                    schema: { type: array, items: { $ref: '#/components/schemas/Order' } }
              responses:
                '204': { description: done }
          /tags/{arn}#tagKeys:
            delete:
              operationId: untag
              parameters:
                - { name: arn, in: path, required: true, schema: { type: string } }
                - { name: keys, in: query, required: true, schema: { type: array, items: { type: string } } }
              responses:
                '204': { description: done }
          /buckets/{bucket}?uploads:
            get:
              operationId: listUploads
              parameters:
                - { name: bucket, in: path, required: true, schema: { type: string } }
                - { name: max, in: query, schema: { type: integer } }
              responses:
                '204': { description: done }
          # As weatherbit.io's description writes its operations: parameters substituted in the path's query.
          /alerts?fixed=1&lat={lat}&lon={lon}:
            get:
              operationId: getAlerts
              parameters:
                - { name: lat, in: path, required: true, schema: { type: number } }
                - { name: lon, in: path, required: true, schema: { type: number } }
                - { name: key, in: query, required: true, schema: { type: string } }
              responses:
                '204': { description: done }
          /anything:
            get:
              operationId: getAnything
              parameters:
                - { name: ids, in: query, required: true, explode: false, schema: { type: array, items: {} } }
                - { name: each, in: query, schema: { type: array, items: {} } }
              responses:
                '204': { description: done }
          # Parameters whose schema gives no type (any JSON): each written as the JSON value it holds.
          /untyped/{key}:
            get:
              operationId: getUntyped
              parameters:
                - { name: key, in: path, required: true, schema: {} }
                - { name: value, in: query, required: true, schema: { description: any value } }
                - { name: deep, in: query, style: deepObject, schema: {} }
                - { name: opt, in: query, schema: {} }
                - { name: X-Any, in: header, schema: {} }
              responses:
                '204': { description: done }
          # A 204 answer has no body, whatever content the description gives it (as Azure's ContentModerator does).
          /terms:
            delete:
              operationId: deleteTerms
              responses:
                '204':
                  description: no content
                  content:
                    application/json:
                      schema: { type: string }
          # Names with brackets, as PHP and Rails APIs declare them: sent as written, as deepObject names are.
          /brackets:
            get:
              operationId: getBrackets
              parameters:
                - { name: 'filter[status]', in: query, required: true, schema: { type: string } }
                - { name: 'ids[]', in: query, schema: { type: array, items: { type: integer } } }
              responses:
                '204': { description: done }
          /alerts?city_id={city}:
            get:
              operationId: getCityAlerts
              parameters:
                - { name: city, in: path, required: true, schema: { type: string } }
              responses:
                '204': { description: done }
        components:
          schemas:
            Filter:
              type: object
              properties:
                kind: { type: string }
                max: { type: integer }
            Page:
              type: object
              properties:
                limit: { type: integer }
                offset: { type: integer }
            Color:
              type: string
              enum: [light-blue, dark]
            Order:
              type: object
              required: [code]
              properties:
                code: { type: string }
        """;

    /// <summary>
    /// What Prism 5.16 can validate: it answers no request for a path with a literal query or fragment (it routes by
    /// the template as written), and crashes on an array or object header whose name has capitals or that is absent,
    /// and on label, matrix and object header styles; the exact-request test above covers those.
    /// </summary>
    private const string PrismSpec = """
        openapi: 3.0.3
        info: { title: Wire, version: '1' }
        paths:
          /items/{id}:
            get:
              operationId: getItem
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
                - { name: flag, in: query, schema: { type: boolean } }
                - { name: since, in: query, schema: { type: string, format: date-time } }
                - { name: day, in: query, schema: { type: string, format: date } }
                - { name: ratio, in: query, schema: { type: number } }
                - { name: color, in: query, schema: { $ref: '#/components/schemas/Color' } }
                - { name: ids, in: query, explode: false, schema: { type: array, items: { type: integer } } }
                - { name: tags, in: query, schema: { type: array, items: { type: string } } }
                - { name: spaced, in: query, style: spaceDelimited, explode: false, schema: { type: array, items: { type: string } } }
                - { name: piped, in: query, style: pipeDelimited, explode: false, schema: { type: array, items: { type: string } } }
                - { name: where, in: query, style: deepObject, explode: true, schema: { $ref: '#/components/schemas/Filter' } }
                - { name: page, in: query, schema: { $ref: '#/components/schemas/Page' } }
                - { name: raw, in: query, allowReserved: true, schema: { type: string } }
                - { name: x-flags, in: header, schema: { type: array, items: { type: boolean } } }
                - { name: session, in: cookie, schema: { type: string } }
                - { name: 'filter[status]', in: query, schema: { type: string } }
                - { name: 'ids[]', in: query, schema: { type: array, items: { type: integer } } }
              responses:
                '204': { description: done }
        components:
          schemas:
            Filter:
              type: object
              properties:
                kind: { type: string }
                max: { type: integer }
            Page:
              type: object
              properties:
                limit: { type: integer }
                offset: { type: integer }
            Color:
              type: string
              enum: [light-blue, dark]
        """;

    [Fact]
    public async Task EveryStyleAndFormatGoesOutAsTheDescriptionSays()
    {
        using var client = CompiledClient.Compile(new SpecFile("/wire.yaml", Spec, "WireStyles"));
        await using var server = await RawServer.StartAsync();
        var api = Api(client, server.BaseAddress);
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("de-DE");
        try
        {
            await Invoke(client, api, "GetItemAsync", Arguments(client));
            await Invoke(client, api, "UntagAsync", "arn:aws:x/1", new[] { "a", "b" });
            await Invoke(client, api, "ListUploadsAsync", "b1", 5L);
            await Invoke(client, api, "GetAlertsAsync", 1.5, -2.25, "k&=");
            await Invoke(client, api, "GetCityAlertsAsync", "a b/c");
            var any = JsonSerializer.Deserialize<List<JsonElement>>("""["a b",1.5,true,{"k":[1]},null]""")!;
            await Invoke(client, api, "GetAnythingAsync", any, new List<JsonElement> { any[0], any[1], default });
            JsonElement Json(string text) => JsonSerializer.Deserialize<JsonElement>(text);
            await Invoke(client, api, "GetUntypedAsync", Json("\"a b/c\""), Json("""{"k":1,"n":"x y"}"""), Json("""{"k":"v w","n":2}"""), null, Json("1.5"));
            await Invoke(client, api, "GetUntypedAsync", Json("[1,\"a\"]"), Json("true"), null, Json("null"), Json("""{"k":"v"}"""));
            await Invoke(client, api, "GetUntypedAsync", default(JsonElement), Json("\"x\""), null, default(JsonElement), null);
            await Invoke(client, api, "GetBracketsAsync", "a b[c]", new[] { 1L, 2L });
            Assert.Equal(typeof(Task), client.ApiInterface.GetMethod("DeleteTermsAsync")!.ReturnType);
            await Invoke(client, api, "DeleteTermsAsync");
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }

        var requests = server.Requests;
        Assert.Equal(
            "/items/a%20b%2Fc/.1,2/;kind=x%20y;max=3"
            + "?flag=true&since=2024-01-15T10%3A30%3A00.5%2B02%3A00&day=2024-01-15&ratio=1.5&color=light-blue&ids=1,2&tags=a&tags=b%26c"
            + "&spaced=a%20b&piped=a%7Cb&where[kind]=x%20y&where[max]=3&limit=10&offset=20&raw=a/b?c=d",
            requests[0].Target);
        Assert.Equal("true,false", requests[0].Headers["X-Flags"]);
        Assert.Equal("kind=x y,max=3", requests[0].Headers["X-Filter"]);
        Assert.Equal("session=s%201; prefs=a,b", requests[0].Headers["Cookie"]);
        Assert.Equal("/tags/arn%3Aaws%3Ax%2F1?keys=a&keys=b", requests[1].Target);
        Assert.Equal("/buckets/b1?uploads&max=5", requests[2].Target);
        Assert.Equal("/alerts?fixed=1&lat=1.5&lon=-2.25&key=k%26%3D", requests[3].Target);
        Assert.Equal("/alerts?city_id=a%20b%2Fc", requests[4].Target);
        Assert.Equal("/anything?ids=a%20b,1.5,true,%7B%22k%22%3A%5B1%5D%7D,&each=a%20b&each=1.5&each=", requests[5].Target);

        // Untyped: a string as itself, an object as its members, an array as its items (form style, exploded), JSON null
        // and an unset value as nothing in the query (an unset path value as an empty segment).
        Assert.Equal("/untyped/a%20b%2Fc?k=1&n=x%20y&deep[k]=v%20w&deep[n]=2", requests[6].Target);
        Assert.Equal("1.5", requests[6].Headers["X-Any"]);
        Assert.Equal("/untyped/1,a?value=true", requests[7].Target);
        Assert.Equal("k,v", requests[7].Headers["X-Any"]);
        Assert.Equal("/untyped/?value=x", requests[8].Target);
        Assert.False(requests[8].Headers.ContainsKey("X-Any"));
        Assert.Equal("/brackets?filter[status]=a%20b%5Bc%5D&ids[]=1&ids[]=2", requests[9].Target);
        Assert.Equal("/terms", requests[10].Target);
    }

    [Fact]
    public async Task PrismAcceptsEveryStyle()
    {
        using var client = CompiledClient.Compile(new SpecFile("/wire-prism.yaml", PrismSpec, "WirePrism"));
        var path = Path.Combine(Path.GetTempPath(), "wire-styles-" + Guid.NewGuid().ToString("N") + ".yaml");
        await File.WriteAllTextAsync(path, PrismSpec);
        try
        {
            var (prism, output) = await PrismServer.StartAsync(path, TimeSpan.FromSeconds(60));
            Assert.True(prism is not null, output);
            await using (prism)
            {
                var api = Api(client, prism!.BaseAddress);

                // Prism answers 422 with its reasons to a request the description rejects; the client throws then.
                await Invoke(client, api, "GetItemAsync", PrismArguments(client));
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static object?[] Arguments(CompiledClient client) => new[]
    {
        "a b/c",
        new[] { 1L, 2L },
        client.Read("""{"kind":"x y","max":3}""", client.Type("Filter")),
        true,
        new DateTimeOffset(2024, 1, 15, 10, 30, 0, 500, TimeSpan.FromHours(2)),
        new DateOnly(2024, 1, 15),
        1.5,
        client.Read("\"light-blue\"", client.Type("Color")),
        new[] { 1L, 2L },
        new[] { "a", "b&c" },
        new[] { "a", "b" },
        new[] { "a", "b" },
        client.Read("""{"kind":"x y","max":3}""", client.Type("Filter")),
        client.Read("""{"limit":10,"offset":20}""", client.Type("Page")),
        "a/b?c=d",
        new[] { true, false },
        client.Read("""{"kind":"x y","max":3}""", client.Type("Filter")),
        "s 1",
        new[] { "a", "b" },
    };

    [Fact]
    public async Task ACollectionBodyIsWrittenThroughTheDeclaredTypeWhateverCollectionTheCallerPasses()
    {
        using var client = CompiledClient.Compile(new SpecFile("/wire.yaml", Spec, "WireStyles"));
        await using var server = await RawServer.StartAsync();
        var api = Api(client, server.BaseAddress);
        var order = client.Type("Order");
        var list = (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(order))!;
        list.Add(client.Read("""{"code":"a"}""", order));
        var array = Array.CreateInstance(order, 2);
        array.SetValue(client.Read("""{"code":"b"}""", order), 0);
        array.SetValue(client.Read("""{"code":"c"}""", order), 1);

        await Invoke(client, api, "CreateOrdersAsync", list);
        await Invoke(client, api, "CreateOrdersAsync", array);

        Assert.Equal(new[] { """[{"code":"a"}]""", """[{"code":"b"},{"code":"c"}]""" }, server.Requests.Select(r => r.Body));
        Assert.All(server.Requests, r => Assert.StartsWith("application/json", r.Headers["Content-Type"], StringComparison.Ordinal));
    }

    [Fact]
    public async Task AJsonStringResponseIsReadAsJson()
    {
        using var client = CompiledClient.Compile(new SpecFile("/wire.yaml", Spec, "WireStyles"));
        await using var server = await RawServer.StartAsync();
        var api = Api(client, server.BaseAddress);

        var task = (Task<string>)client.ApiInterface.GetMethod("GetCodeAsync")!.Invoke(api, new object[] { CancellationToken.None })!;

        Assert.Equal("A-1 \"quoted\"", await task);
    }

    private static object?[] PrismArguments(CompiledClient client) => new[]
    {
        "a b/c",
        true,
        new DateTimeOffset(2024, 1, 15, 10, 30, 0, 500, TimeSpan.FromHours(2)),
        new DateOnly(2024, 1, 15),
        1.5,
        client.Read("\"light-blue\"", client.Type("Color")),
        new[] { 1L, 2L },
        new[] { "a", "b&c" },
        new[] { "a", "b" },
        new[] { "a", "b" },
        client.Read("""{"kind":"x y","max":3}""", client.Type("Filter")),
        client.Read("""{"limit":10,"offset":20}""", client.Type("Page")),
        "a/b?c=d",
        new[] { true, false },
        "s 1",
        "open",
        new[] { 1L, 2L },
    };

    internal static object Api(CompiledClient client, Uri baseAddress)
        => client.Api(new HttpClient { BaseAddress = baseAddress });

    internal static async Task Invoke(CompiledClient client, object api, string method, params object?[] arguments)
    {
        var info = client.ApiInterface.GetMethod(method)!;
        var all = arguments.Concat(new object?[] { CancellationToken.None }).ToArray();
        try
        {
            await (Task)info.Invoke(api, all)!;
        }
        catch (Refit.ApiException exception)
        {
            Assert.Fail(method + " was refused: " + (int)exception.StatusCode + " " + exception.Content);
        }
    }

    internal sealed record RawRequest(string Target, IReadOnlyDictionary<string, string> Headers, string Body);

    /// <summary>A Kestrel server on loopback that records each request's raw target and headers and answers 204.</summary>
    internal sealed class RawServer : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly ConcurrentQueue<RawRequest> _requests = new();

        private RawServer(WebApplication app) => _app = app;

        public Uri BaseAddress { get; private set; } = null!;

        public IReadOnlyList<RawRequest> Requests => _requests.ToList();

        public static async Task<RawServer> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            var server = new RawServer(app);
            app.Run(async context =>
            {
                var target = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
                using var reader = new StreamReader(context.Request.Body);
                var body = await reader.ReadToEndAsync();
                server._requests.Enqueue(new RawRequest(target, context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), body));
                if (context.Request.Path == "/code")
                {
                    context.Response.ContentType = "application/json";
                    await context.Response.WriteAsync("\"A-1 \\\"quoted\\\"\"");
                    return;
                }

                context.Response.StatusCode = 204;
            });
            await app.StartAsync();
            server.BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
            return server;
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}
