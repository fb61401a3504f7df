using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Text.Json;
using CelerData.Generated.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Xunit;

namespace CelerData.Generated.Tests.Wire;

/// <summary>
/// Parameters described by <c>content</c> rather than <c>schema</c> (stream-io's, superset's, rudder's and apideck's
/// descriptions have them; their operations were left out before): in a JSON media type an object, an array or any
/// JSON goes as its JSON text, in the path, the query and a header, percent-encoded where the URI needs it; a scalar
/// goes as itself; another media type with an object is reported (CDG0031) and, optional, left out.
/// </summary>
public sealed class ContentParameterTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: { title: Campaigns, version: '1' }
        paths:
          /campaigns/{ids}:
            get:
              operationId: queryCampaigns
              parameters:
                - name: ids
                  in: path
                  required: true
                  content:
                    application/json:
                      schema: { type: array, items: { type: string } }
                - name: payload
                  in: query
                  required: true
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/CampaignQuery' }
                - name: name
                  in: query
                  content:
                    application/json:
                      schema: { type: string }
                - name: extra
                  in: query
                  content:
                    application/json:
                      schema: {}
                - name: X-Filter
                  in: header
                  content:
                    application/json:
                      schema: { type: object, properties: { kind: { type: string } } }
                - name: shape
                  in: query
                  content:
                    text/plain:
                      schema: { type: object }
              responses:
                '204': { description: found }
        components:
          schemas:
            CampaignQuery:
              type: object
              properties:
                filter: { type: string }
                limit: { type: integer }
        """;

    [Fact]
    public async Task JsonContentParametersGoAsTheirJsonText()
    {
        var generation = GeneratorHarness.Run(new SpecFile("/campaigns.yaml", Spec, "Campaigns"));
        var warning = Assert.Single(generation.GeneratorDiagnostics);
        Assert.Equal("CDG0031", warning.Id);
        Assert.Contains("'shape'", warning.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Contains("'content' of text/plain", warning.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        using var client = CompiledClient.Compile(new SpecFile("/campaigns.yaml", Spec, "Campaigns"));
        await using var server = await Server.StartAsync();
        var api = client.Api(new HttpClient { BaseAddress = server.BaseAddress });
        var method = client.ApiInterface.GetMethod("QueryCampaignsAsync")!;
        Assert.DoesNotContain(method.GetParameters(), p => p.Name == "shape");

        var query = client.Create("CampaignQuery", new Dictionary<string, object?> { ["Filter"] = "state = \"on\"", ["Limit"] = 5L });
        var filter = client.Create("QueryCampaignsXFilter", new Dictionary<string, object?> { ["Kind"] = "k 1" });
        object? Argument(ParameterInfo parameter, bool all) => parameter.Name switch
        {
            "ids" => new[] { "a", "b c" },
            "payload" => query,
            "name" when all => "plain name",
            "extra" when all => JsonDocument.Parse("""{"deep":[1,null]}""").RootElement,
            "xFilter" when all => filter,
            "cancellationToken" => CancellationToken.None,
            _ => null,
        };

        await (Task)method.Invoke(api, method.GetParameters().Select(p => Argument(p, all: true)).ToArray())!;
        await (Task)method.Invoke(api, method.GetParameters().Select(p => Argument(p, all: false)).ToArray())!;

        var requests = server.Requests;
        Assert.Equal(
            "/campaigns/%5B%22a%22%2C%22b%20c%22%5D"
            + "?payload=%7B%22filter%22%3A%22state%20%3D%20%5Cu0022on%5Cu0022%22%2C%22limit%22%3A5%7D"
            + "&name=plain%20name"
            + "&extra=%7B%22deep%22%3A%5B1%2Cnull%5D%7D",
            requests[0].Target);
        Assert.Equal("""{"kind":"k 1"}""", requests[0].Filter);
        Assert.Equal("/campaigns/%5B%22a%22%2C%22b%20c%22%5D?payload=%7B%22filter%22%3A%22state%20%3D%20%5Cu0022on%5Cu0022%22%2C%22limit%22%3A5%7D", requests[1].Target);
        Assert.Null(requests[1].Filter);

        // What the server reads back is the JSON the caller gave.
        var ids = JsonSerializer.Deserialize<string[]>(Uri.UnescapeDataString(requests[0].Target.Split('/', '?')[2]));
        Assert.Equal(new[] { "a", "b c" }, ids);
    }

    private sealed record Received(string Target, string? Filter);

    /// <summary>A Kestrel server on loopback that records each request's target as sent and its X-Filter header.</summary>
    private static class Server
    {
        public static Task<LoopbackKestrel<Received>> StartAsync() => LoopbackKestrel<Received>.StartAsync(
            context =>
            {
                var filter = context.Request.Headers["X-Filter"];
                return Task.FromResult(new Received(context.Features.Get<IHttpRequestFeature>()!.RawTarget, filter.Count == 0 ? null : filter.ToString()));
            },
            (context, _) =>
            {
                context.Response.StatusCode = 204;
                return Task.CompletedTask;
            });
    }
}
