using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using CelerData.Generated.Tests.Infrastructure;
using Xunit;

namespace CelerData.Generated.Tests.Wire;

/// <summary>
/// Map parameters (an object without <c>properties</c>: <c>additionalProperties</c> of a scalar, or free-form) in
/// every location and style, as a loopback Kestrel server receives them, and Prism validating the description
/// accepting what it can judge.
/// </summary>
public sealed class MapParameterTests
{
    private static readonly string Spec = File.ReadAllText(Path.Combine(RepositoryPaths.TestProject, "Specs", "maps.openapi.yaml"));

    /// <summary>The query styles Prism 5.16 validates for an object (form exploded, form not exploded, deepObject).</summary>
    private const string PrismSpec = """
        openapi: 3.0.3
        info: { title: Maps, version: '1' }
        paths:
          /maps:
            get:
              operationId: getMaps
              parameters:
                - { name: flat, in: query, explode: false, schema: { type: object, additionalProperties: { type: boolean } } }
                - { name: deep, in: query, style: deepObject, explode: true, schema: { type: object, additionalProperties: { type: integer } } }
              responses:
                '204': { description: done }
          /tags:
            get:
              operationId: getTags
              parameters:
                - { name: tags, in: query, schema: { type: object, additionalProperties: { type: string } } }
              responses:
                '204': { description: done }
        """;

    [Fact]
    public void MapParametersAreGeneratedAsTypedMapsWithoutWarnings()
    {
        using var client = CompiledClient.Compile(new SpecFile("/maps.yaml", Spec, "Maps"));

        Assert.Empty(client.Generation.GeneratorDiagnostics);
        Assert.Empty(client.Generation.CompilationProblems());
        var parameters = client.ApiInterface.GetMethod("GetMapsAsync")!.GetParameters().ToDictionary(p => p.Name!, p => p.ParameterType);
        Assert.Equal(typeof(IReadOnlyDictionary<string, long>), parameters["simple"]);
        Assert.Equal(typeof(IReadOnlyDictionary<string, string>), parameters["tags"]);
        Assert.Equal(typeof(IReadOnlyDictionary<string, bool>), parameters["flat"]);
        Assert.Equal(typeof(IReadOnlyDictionary<string, JsonElement>), parameters["deep"]);
        Assert.Equal(typeof(IReadOnlyDictionary<,>).MakeGenericType(typeof(string), client.Type("Color")), parameters["colors"]);
        Assert.Equal(typeof(IReadOnlyDictionary<string, long?>), parameters["counts"]);
    }

    [Fact]
    public async Task EveryLocationAndStyleOfAMapGoesOutAsTheDescriptionSays()
    {
        using var client = CompiledClient.Compile(new SpecFile("/maps.yaml", Spec, "Maps"));
        await using var server = await ParameterWireTests.RawServer.StartAsync();
        var api = ParameterWireTests.Api(client, server.BaseAddress);

        await ParameterWireTests.Invoke(client, api, "GetMapsAsync", Arguments(client, tags: new Dictionary<string, string> { ["k&1"] = "v=1", ["ü"] = "x y" }));
        await ParameterWireTests.Invoke(client, api, "GetMapsAsync", Arguments(client, tags: new Dictionary<string, string>()));

        var requests = server.Requests;
        Assert.Equal(
            "/maps/a,1,b,2/.x=p%20q.y=r/;matrix=m,1%2F2"
            + "?k%261=v%3D1&%C3%BC=x%20y&flat=on,true,off,false&deep[a]=1&deep[b][c]=d&deep[b][e%5Bf%5D]=g&deep[s]=t%20u&deep[x%5By%5D%26z]=2&colors[x]=light-blue&counts=one%7C1%7Cthree%7C3",
            requests[0].Target);
        Assert.Equal("a=1,b=2", requests[0].Headers["X-Meta"]);
        Assert.Equal("prefs=t,dark", requests[0].Headers["Cookie"]);

        // An empty exploded map adds nothing to the query; the rest is unchanged.
        Assert.Equal(requests[0].Target.Replace("k%261=v%3D1&%C3%BC=x%20y&", string.Empty, StringComparison.Ordinal), requests[1].Target);
    }

    [Fact]
    public async Task AnAbsentOptionalMapIsNotSent()
    {
        using var client = CompiledClient.Compile(new SpecFile("/maps.yaml", Spec, "Maps"));
        await using var server = await ParameterWireTests.RawServer.StartAsync();
        var api = ParameterWireTests.Api(client, server.BaseAddress);

        var arguments = Arguments(client, tags: null);
        for (var i = 3; i < arguments.Length; i++)
        {
            arguments[i] = null;
        }

        await ParameterWireTests.Invoke(client, api, "GetMapsAsync", arguments);

        var request = Assert.Single(server.Requests);
        Assert.Equal("/maps/a,1,b,2/.x=p%20q.y=r/;matrix=m,1%2F2", request.Target);
        Assert.False(request.Headers.ContainsKey("X-Meta"));
        Assert.False(request.Headers.ContainsKey("Cookie"));
    }

    [Fact]
    public async Task PrismAcceptsMapParameters()
    {
        using var client = CompiledClient.Compile(new SpecFile("/maps-prism.yaml", PrismSpec, "MapsPrism"));
        var path = Path.Combine(Path.GetTempPath(), "maps-" + Guid.NewGuid().ToString("N") + ".yaml");
        await File.WriteAllTextAsync(path, PrismSpec);
        try
        {
            var (prism, output) = await PrismServer.StartAsync(path, TimeSpan.FromSeconds(60));
            Assert.True(prism is not null, output);
            await using (prism)
            {
                var api = ParameterWireTests.Api(client, prism!.BaseAddress);

                // Prism answers 422 with its reasons to a request the description rejects; Invoke fails the test then.
                await ParameterWireTests.Invoke(
                    client,
                    api,
                    "GetMapsAsync",
                    new Dictionary<string, bool> { ["on"] = true, ["off"] = false },
                    new Dictionary<string, long> { ["a"] = 1, ["b"] = 2 });
                await ParameterWireTests.Invoke(client, api, "GetTagsAsync", new Dictionary<string, string> { ["k"] = "v 1", ["ü"] = "x&y" });
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>
    /// Real descriptions nobody here wrote: microcks.local's required <c>queryMap</c> (a map of strings, form exploded)
    /// and contentgroove.com's free-form deepObject <c>filter</c> (<c>filter[name_eq]=...</c>), both skipped with CDG0032
    /// before; generated, compiled and sent to Prism validating each description.
    /// </summary>
    [Theory]
    [InlineData("microcks.local.json", "/services/search", "queryMap")]
    [InlineData("contentgroove.com.json", "/clips", "filter")]
    public async Task RealDescriptionsMapParametersAreAcceptedByPrism(string name, string path, string parameter)
    {
        var spec = SpecCorpus.Named(name);
        using var client = CompiledClient.Compile(spec.ToSpecFile("Corpus" + parameter));
        Assert.Empty(client.Generation.Diagnostics("CDG0032"));
        Assert.Empty(client.Generation.CompilationProblems());
        var method = client.ApiInterface.GetMethods().Single(m =>
            m.GetParameters().Any(p => p.Name == parameter)
            && System.Reflection.CustomAttributeExtensions.GetCustomAttribute<Refit.GetAttribute>(m)?.Path == path);
        var (prism, output) = await PrismServer.StartAsync(spec.Path, TimeSpan.FromSeconds(60));
        Assert.True(prism is not null, output);
        await using (prism)
        {
            var sent = new List<string>();
            using var http = new HttpClient(new TargetRecorder(sent)) { BaseAddress = prism!.BaseAddress };
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "token");
            var api = client.Api(http);
            object map = parameter == "filter"
                ? new Dictionary<string, JsonElement> { ["name_eq"] = JsonDocument.Parse("\"chimp into space\"").RootElement }
                : new Dictionary<string, string> { ["name"] = "Petstore API", ["labels.domain"] = "pets" };
            var arguments = method.GetParameters().Select(p => p.Name == parameter ? map : p.ParameterType == typeof(CancellationToken) ? CancellationToken.None : null).ToArray();

            try
            {
                await (Task)method.Invoke(api, arguments)!;
            }
            catch (Refit.ApiException exception)
            {
                Assert.Fail(name + " " + method.Name + " was refused: " + (int)exception.StatusCode + " " + exception.Content);
            }

            var target = Assert.Single(sent);
            Assert.Equal(
                parameter == "filter" ? path + "?filter[name_eq]=chimp%20into%20space" : path + "?name=Petstore%20API&labels.domain=pets",
                target);
        }
    }

    /// <summary>Records each request's path and query as sent.</summary>
    private sealed class TargetRecorder(List<string> sent) : DelegatingHandler(new HttpClientHandler())
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            sent.Add(request.RequestUri!.PathAndQuery);
            return base.SendAsync(request, cancellationToken);
        }
    }

    private static object?[] Arguments(CompiledClient client, Dictionary<string, string>? tags)
    {
        var color = client.Type("Color");
        var colors = (System.Collections.IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(typeof(string), color))!;
        colors["x"] = client.Read("\"light-blue\"", color);
        using var deep = JsonDocument.Parse("""{"a":1,"b":{"c":"d","e[f]":"g"},"n":null,"s":"t u","x[y]&z":2}""");
        return new object?[]
        {
            new Dictionary<string, long> { ["a"] = 1, ["b"] = 2 },
            new Dictionary<string, string> { ["x"] = "p q", ["y"] = "r" },
            new Dictionary<string, string> { ["m"] = "1/2" },
            tags,
            new Dictionary<string, bool> { ["on"] = true, ["off"] = false },
            deep.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone()),
            colors,
            new Dictionary<string, long?> { ["one"] = 1, ["two"] = null, ["three"] = 3 },
            new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" },
            new Dictionary<string, string> { ["t"] = "dark" },
        };
    }
}
