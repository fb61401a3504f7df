using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Text;
using System.Text.Json;
using CelerData.Generated.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace CelerData.Generated.Tests.Wire;

/// <summary>
/// A named <c>type: object</c> schema that lists no properties allows any members: it is a map of JSON values that
/// keeps every member both ways (an empty record would drop them); only <c>additionalProperties: false</c>, which
/// leaves <c>{}</c> alone valid, is an empty record.
/// </summary>
public sealed class FreeFormObjectTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: { title: FreeForm, version: '1' }
        paths:
          /documents/{id}/metadata:
            put:
              operationId: putMetadata
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
              requestBody:
                required: true
                content:
                  application/json:
                    schema: { $ref: '#/components/schemas/Metadata' }
              responses:
                '200':
                  description: the document with the metadata stored
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/Document' }
        components:
          schemas:
            Metadata:
              type: object
              description: Whatever the caller stores.
            Labels:
              type: object
              additionalProperties: { type: string }
            Nothing:
              type: object
              additionalProperties: false
            Document:
              type: object
              required: [id, metadata]
              properties:
                id: { type: string }
                metadata: { $ref: '#/components/schemas/Metadata' }
                labels: { $ref: '#/components/schemas/Labels' }
                nothing: { $ref: '#/components/schemas/Nothing' }
        """;

    private const string Members = """{"owner":{"name":"a","ids":[1,2.5,-3]},"tags":["x",null,true],"empty":{},"note":"a b"}""";

    [Fact]
    public void AnObjectWithoutPropertiesIsAMapUnlessAdditionalPropertiesIsFalse()
    {
        using var client = CompiledClient.Compile(new SpecFile("/free-form.yaml", Spec, "FreeForm"));
        var document = client.Type("Document");

        Assert.Equal(typeof(IReadOnlyDictionary<string, JsonElement>), document.GetProperty("Metadata")!.PropertyType);
        Assert.Equal(typeof(IReadOnlyDictionary<string, string>), document.GetProperty("Labels")!.PropertyType);
        Assert.Null(client.Assembly.GetType("FreeForm.Metadata"));
        var nothing = client.Type("Nothing");
        Assert.Equal(nothing, document.GetProperty("Nothing")!.PropertyType);
        Assert.Empty(nothing.GetProperties(BindingFlags.Public | BindingFlags.Instance));

        var json = """{"id":"d1","metadata":""" + Members + ""","labels":{"k":"v"},"nothing":{}}""";
        Assert.Equal(json, client.Write(client.Read(json, document), document));
    }

    [Fact]
    public async Task AFreeFormBodyAndAnswerKeepEveryMemberOverTheWire()
    {
        using var client = CompiledClient.Compile(new SpecFile("/free-form.yaml", Spec, "FreeForm"));
        await using var server = await EchoServer.StartAsync();
        var api = client.Api(new HttpClient { BaseAddress = server.BaseAddress });
        var metadata = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Members)!;

        var task = (Task)client.ApiInterface.GetMethod("PutMetadataAsync")!.Invoke(api, new object?[] { "d1", metadata, CancellationToken.None })!;
        await task;
        var document = task.GetType().GetProperty("Result")!.GetValue(task)!;

        Assert.Equal(Members, server.Requests.Single());
        var read = (IReadOnlyDictionary<string, JsonElement>)document.GetType().GetProperty("Metadata")!.GetValue(document)!;
        Assert.Equal(new[] { "owner", "tags", "empty", "note" }, read.Keys);
        Assert.Equal(Members, JsonSerializer.Serialize(read));
    }

    private const string OpenSpec = """
        openapi: 3.0.3
        info: { title: Open, version: '1' }
        paths:
          /things:
            post:
              operationId: postThing
              requestBody:
                required: true
                content:
                  application/json:
                    schema: { $ref: '#/components/schemas/Thing' }
              responses:
                '200':
                  description: the thing stored as a document's metadata
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/Stored' }
        components:
          schemas:
            Thing:
              type: object
              required: [name]
              properties:
                name: { type: string }
              additionalProperties: true
            Stored:
              type: object
              required: [id]
              properties:
                id: { type: string }
                metadata: { $ref: '#/components/schemas/Thing' }
        """;

    [Fact]
    public async Task AnObjectWithPropertiesAndAdditionalPropertiesKeepsTheOtherMembersOverTheWire()
    {
        using var client = CompiledClient.Compile(new SpecFile("/open.yaml", OpenSpec, "Open"));
        await using var server = await EchoServer.StartAsync();
        var api = client.Api(new HttpClient { BaseAddress = server.BaseAddress });
        var json = """{"name":"n",""" + Members[1..];
        var thing = client.Read(json, client.Type("Thing"))!;
        Assert.Equal("n", thing.GetType().GetProperty("Name")!.GetValue(thing));

        var task = (Task)client.ApiInterface.GetMethod("PostThingAsync")!.Invoke(api, new object?[] { thing, CancellationToken.None })!;
        await task;
        var stored = task.GetType().GetProperty("Result")!.GetValue(task)!;

        // Sent with the declared member first and the others after it, in their order; read back the same way.
        Assert.Equal(json, server.Requests.Single());
        var metadata = stored.GetType().GetProperty("Metadata")!.GetValue(stored)!;
        Assert.Equal("n", metadata.GetType().GetProperty("Name")!.GetValue(metadata));
        var others = (IDictionary<string, JsonElement>)metadata.GetType().GetProperty("AdditionalProperties")!.GetValue(metadata)!;
        Assert.Equal(new[] { "owner", "tags", "empty", "note" }, others.Keys);
        Assert.Equal(Members, JsonSerializer.Serialize(others));
    }

    /// <summary>A Kestrel server on loopback that records each JSON body and answers it as a document's metadata.</summary>
    private static class EchoServer
    {
        public static Task<LoopbackKestrel<string>> StartAsync() => LoopbackKestrel<string>.StartAsync(
            async context =>
            {
                using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
                return await reader.ReadToEndAsync();
            },
            async (context, body) =>
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("""{"id":"d1","metadata":""" + body + "}");
            });
    }
}
