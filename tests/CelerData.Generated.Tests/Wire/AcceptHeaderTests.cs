using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Reflection;
using CelerData.Generated.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace CelerData.Generated.Tests.Wire;

/// <summary>
/// Content negotiation: each request asks (<c>Accept</c>) for the media types its method reads, as the description's
/// success response lists them, so a server that answers XML unless asked for JSON (as Java servers declaring
/// <c>application/xml</c> first do) answers JSON; nothing is asked where anything is read or nothing comes back;
/// and an <c>Accept</c> the caller set on the HttpClient wins.
/// </summary>
public sealed class AcceptHeaderTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: { title: Negotiation, version: '1' }
        paths:
          /pets/{id}:
            get:
              operationId: getPet
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
                - { name: Accept, in: header, schema: { type: string } }
              responses:
                '200':
                  description: the pet
                  content:
                    application/xml: { schema: { $ref: '#/components/schemas/Pet' } }
                    application/json: { schema: { $ref: '#/components/schemas/Pet' } }
            delete:
              operationId: deletePet
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
              responses:
                '204':
                  description: gone
                  content:
                    application/json: { schema: { $ref: '#/components/schemas/Pet' } }
          /report:
            get:
              operationId: getReport
              responses:
                '200':
                  description: the report
                  content:
                    application/pdf: { schema: { type: string, format: binary } }
                    image/png: { schema: { type: string, format: binary } }
          /notes:
            get:
              operationId: getNotes
              responses:
                '200':
                  description: notes
                  content:
                    text/plain: { schema: { type: string } }
                    text/csv: { schema: { type: string } }
          /v2/pets:
            get:
              operationId: listPetsV2
              responses:
                '200':
                  description: the pets, version 2
                  content:
                    'application/vnd.shop.v2+json; charset=utf-8': { schema: { type: array, items: { $ref: '#/components/schemas/Pet' } } }
          /export:
            get:
              operationId: exportPets
              responses:
                '200':
                  description: the export, bytes the description calls JSON
                  content:
                    application/json: { schema: { type: string, format: binary } }
          /anything:
            get:
              operationId: getAnything
              responses:
                '200':
                  description: any JSON
                  content:
                    '*/*': { schema: { type: object, additionalProperties: true } }
        components:
          schemas:
            Pet:
              type: object
              required: [name]
              properties:
                name: { type: string }
        """;

    [Fact]
    public async Task EachRequestAsksForTheMediaTypesItsMethodReads()
    {
        using var client = CompiledClient.Compile(new SpecFile("/negotiation.yaml", Spec, "Negotiation"));
        await using var server = await NegotiatingServer.StartAsync();
        var api = client.Api(new HttpClient { BaseAddress = server.BaseAddress });

        var pet = await Call(client, api, "GetPetAsync", "p1");
        await Call(client, api, "DeletePetAsync", "p1");
        await using (var report = (Stream)(await Call(client, api, "GetReportAsync"))!)
        {
            Assert.Equal("%PDF", new StreamReader(report).ReadToEnd());
        }

        await Call(client, api, "GetNotesAsync");
        await Call(client, api, "ListPetsV2Async");
        await using (var export = (Stream)(await Call(client, api, "ExportPetsAsync"))!)
        {
            // format: binary is raw octets, which no JSON document holds: the body as it came, not base64 read from JSON.
            Assert.Equal("""{"name":"Rex"}""", new StreamReader(export).ReadToEnd());
        }

        await Call(client, api, "GetAnythingAsync");

        // The server answers XML unless JSON is asked for: the JSON reply is read into the model.
        Assert.Equal("Rex", pet!.GetType().GetProperty("Name")!.GetValue(pet));
        Assert.Equal(
            new[]
            {
                ("GET /pets/p1", (string?)"application/json"),
                ("DELETE /pets/p1", null),
                ("GET /report", "application/pdf, image/png"),
                ("GET /notes", "text/plain, text/csv"),
                ("GET /v2/pets", "application/vnd.shop.v2+json; charset=utf-8"),
                ("GET /export", "application/json"),
                ("GET /anything", null),
            },
            server.Requests.Select(r => (r.Target, r.Accept)).ToArray());
    }

    [Fact]
    public async Task AnAcceptTheCallerSetOnTheHttpClientWins()
    {
        using var client = CompiledClient.Compile(new SpecFile("/negotiation.yaml", Spec, "Negotiation"));
        await using var server = await NegotiatingServer.StartAsync();
        var http = new HttpClient { BaseAddress = server.BaseAddress };
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.shop+json"));
        var api = client.Api(http);

        var pet = await Call(client, api, "GetPetAsync", "p1");

        Assert.Equal("Rex", pet!.GetType().GetProperty("Name")!.GetValue(pet));
        var request = Assert.Single(server.Requests);
        Assert.Equal("application/vnd.shop+json", request.Accept);
    }

    [Fact]
    public void ContentKeysAHeaderCannotCarryAreNotSent()
    {
        // A key with a control character, and one that is not a media type: the operation is generated and compiles,
        // and its request carries no Accept rather than a broken header.
        const string hostile = """
            {
              "openapi": "3.0.3",
              "info": { "title": "Hostile", "version": "1" },
              "paths": {
                "/a": { "get": { "operationId": "getA", "responses": { "200": { "description": "a",
                  "content": { "application/octet-stream;x=\u0001": { "schema": { "type": "string", "format": "binary" } } } } } } },
                "/b": { "get": { "operationId": "getB", "responses": { "200": { "description": "b",
                  "content": { "application/octet-stream": { "schema": { "type": "string", "format": "binary" } },
                               "not a media type": { "schema": { "type": "string", "format": "binary" } } } } } } },
                "/c": { "get": { "operationId": "getC", "responses": { "200": { "description": "c",
                  "content": { "image/*": { "schema": { "type": "string", "format": "binary" } } } } } } }
              }
            }
            """;
        var model = PlannedModel.Of(new Generated.Model.SpecInput("/hostile.json", hostile, "Hostile", null, null));
        Assert.NotNull(model);
        Assert.Equal(
            new[] { ("GetAAsync", (string?)null), ("GetBAsync", null), ("GetCAsync", "image/*") },
            model!.Operations.Select(o => (o.MethodName, o.Accept)).ToArray());
        using var client = CompiledClient.Compile(new SpecFile("/hostile.json", hostile, "Hostile"));
        Assert.NotNull(client.ApiInterface.GetMethod("GetAAsync"));
    }

    private static async Task<object?> Call(CompiledClient client, object api, string method, params object?[] arguments)
    {
        var task = (Task)client.ApiInterface.GetMethod(method)!.Invoke(api, arguments.Append(CancellationToken.None).ToArray())!;
        await task;
        return task.GetType().GetProperty("Result", BindingFlags.Public | BindingFlags.Instance)?.GetValue(task);
    }

    private sealed record Received(string Target, string? Accept);

    /// <summary>
    /// A Kestrel server on loopback that negotiates as many servers do: a pet as JSON only when the request accepts
    /// JSON, as XML otherwise; every request's method, path and Accept header recorded (null when it sent none).
    /// </summary>
    private static class NegotiatingServer
    {
        public static Task<LoopbackKestrel<Received>> StartAsync() => LoopbackKestrel<Received>.StartAsync(
            context =>
            {
                var accept = context.Request.Headers.Accept;
                return Task.FromResult(new Received(context.Request.Method + " " + context.Request.Path, accept.Count == 0 ? null : string.Join(", ", accept.ToArray())));
            },
            async (context, _) =>
            {
                var path = context.Request.Path.Value!;
                if (context.Request.Method == "DELETE")
                {
                    context.Response.StatusCode = 204;
                }
                else if (path == "/report")
                {
                    context.Response.ContentType = "application/pdf";
                    await context.Response.WriteAsync("%PDF");
                }
                else if (path == "/notes")
                {
                    context.Response.ContentType = "text/plain";
                    await context.Response.WriteAsync("a note");
                }
                else if (path.StartsWith("/pets/", StringComparison.Ordinal) && !context.Request.Headers.Accept.ToString().Contains("json", StringComparison.Ordinal))
                {
                    context.Response.ContentType = "application/xml";
                    await context.Response.WriteAsync("<Pet><name>Rex</name></Pet>");
                }
                else
                {
                    context.Response.ContentType = "application/json";
                    await context.Response.WriteAsync(path == "/v2/pets" ? """[{"name":"Rex"}]""" : """{"name":"Rex"}""");
                }
            });
    }
}
