using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using CelerData.Generated.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Refit;
using Xunit;
using Ours = CelerData.Generated.Tests.Features;
using Reference = CelerData.Generated.Tests.HandWritten;

namespace CelerData.Generated.Tests.Client;

/// <summary>
/// The emitted client sends the same requests and raises the same exceptions as the client Refit's own
/// generator builds for an identical hand-written interface, over a real loopback server. Where Refit's defaults
/// are not OpenAPI's rules (booleans, dates and other parameter formats and styles, and open enums, which Refit's
/// generator sends in the query as an object) the API description decides: those values are left out here and
/// tested in <see cref="Wire.ParameterWireTests"/> and <see cref="OpenEnumTests"/>.
/// </summary>
public sealed class RefitEquivalenceTests : IAsyncLifetime
{
    private RecordingServer _server = null!;
    private Ours.IFeaturesApi _ours = null!;
    private Reference.IFeaturesApi _reference = null!;

    public async Task InitializeAsync()
    {
        _server = await RecordingServer.StartAsync();
        _ours = RestService.ForGenerated<Ours.IFeaturesApi>(new HttpClient { BaseAddress = _server.BaseAddress }, Ours.FeaturesJsonContext.Default);
        _reference = RestService.ForGenerated<Reference.IFeaturesApi>(new HttpClient { BaseAddress = _server.BaseAddress }, Reference.HandWrittenJsonContext.Default);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public static IEnumerable<object[]> Calls() => new[]
    {
        new object[] { "token", new ScriptedResponse(200, """{"access_token":"a","expires_in":60,"token_type":"Bearer"}""") },
        new object[] { "list all", new ScriptedResponse(200, """[{"name":"A","id":1,"created":"2024-01-01T00:00:00Z","kind":"hamster-like"}]""") },
        new object[] { "list none", new ScriptedResponse(200, "[]") },
        new object[] { "create", new ScriptedResponse(201, """{"name":"A","id":1,"created":"2024-01-01T00:00:00Z"}""") },
        new object[] { "get", new ScriptedResponse(200, """{"name":"A","id":1,"created":"2024-01-01T00:00:00Z"}""") },
        new object[] { "get 404", new ScriptedResponse(404, """{"message":"no such pet"}""") },
        new object[] { "get 500 html", new ScriptedResponse(500, "<html><body>oops</body></html>", "text/html") },
        new object[] { "get malformed", new ScriptedResponse(200, """{"name":"A","id":""", "application/json") },
        new object[] { "get missing required", new ScriptedResponse(200, """{"name":"A"}""") },
        new object[] { "get html 200", new ScriptedResponse(200, "<html>login</html>", "text/html") },
        new object[] { "delete", new ScriptedResponse(204, string.Empty) },
        new object[] { "delete forced 409", new ScriptedResponse(409, """{"message":"busy"}""") },
        new object[] { "notes", new ScriptedResponse(200, "plain text notes", "text/plain") },
        new object[] { "health", new ScriptedResponse(200, """{"status":"degraded","checks":{"db":false}}""") },
        new object[] { "health bad enum", new ScriptedResponse(200, """{"status":"weird"}""") },
    };

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task SendsTheSameRequestAndGivesTheSameOutcome(string call, ScriptedResponse response)
    {
        _server.Next = response;
        var ours = await Outcome(() => Call(call, _ours));
        var oursRequest = Assert.Single(_server.Requests);
        _server.Clear();
        var reference = await Outcome(() => Call(call, _reference));
        var referenceRequest = Assert.Single(_server.Requests);

        Assert.Equal(referenceRequest.Method, oursRequest.Method);
        Assert.Equal(referenceRequest.PathAndQuery, oursRequest.PathAndQuery);
        Assert.Equal(referenceRequest.ContentType, oursRequest.ContentType);
        Assert.Equal(referenceRequest.Body, oursRequest.Body);
        Assert.Equal(referenceRequest.Headers, oursRequest.Headers);
        Assert.Equal(reference, ours);
    }

    [Fact]
    public async Task TheTokenOperationSendsExactlyTheDocumentedRequest()
    {
        _server.Next = new ScriptedResponse(200, """{"access_token":"a","expires_in":60,"token_type":"Bearer"}""");
        await _ours.IssueTokenAsync();
        var request = Assert.Single(_server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/token?grant_type=client_credentials", request.PathAndQuery);
        Assert.Equal(string.Empty, request.Body);
    }

    [Fact]
    public async Task QueryValuesAreEscapedAndEnumsUseWireValues()
    {
        _server.Next = new ScriptedResponse(200, "[]");
        await _ours.ListPetsAsync(limit: 5, kind: Ours.PetKind.Ünïcode, tags: new[] { "a b", "c&d=e" });
        var request = Assert.Single(_server.Requests);
        Assert.Equal("/pets?limit=5&kind=%C3%BCn%C3%AFcode&tags=a%20b&tags=c%26d%3De", request.PathAndQuery);
    }

    [Fact]
    public void EveryWayRefitCreatesAGeneratedClientFindsOurs()
    {
        using var http = new HttpClient { BaseAddress = _server.BaseAddress };
#pragma warning disable IL2026, IL3050 // RestService.For is Refit's reflection entry point; it must still find the generated client first.
        var viaFor = RestService.For<Ours.IFeaturesApi>(http);
        var viaForWithSettings = RestService.For<Ours.IFeaturesApi>(http, new RefitSettings());
#pragma warning restore IL2026, IL3050
        var viaGenerated = RestService.ForGenerated<Ours.IFeaturesApi>(http, Ours.FeaturesJsonContext.Default);
        var services = new ServiceCollection();
        services.AddRefitGeneratedClient<Ours.IFeaturesApi>(Ours.FeaturesJsonContext.Default).ConfigureHttpClient(c => c.BaseAddress = _server.BaseAddress);
        using var provider = services.BuildServiceProvider();
        var viaFactory = provider.GetRequiredService<Ours.IFeaturesApi>();
        Assert.All(new object[] { viaFor, viaForWithSettings, viaGenerated, viaFactory }, client => Assert.Equal("FeaturesApiImplementation", client.GetType().Name));
    }

    [Fact]
    public async Task TheFactoryRegisteredClientSendsRequests()
    {
        var services = new ServiceCollection();
        services.AddRefitGeneratedClient<Ours.IFeaturesApi>(Ours.FeaturesJsonContext.Default).ConfigureHttpClient(c => c.BaseAddress = _server.BaseAddress);
        using var provider = services.BuildServiceProvider();
        _server.Next = new ScriptedResponse(200, """{"status":"ok"}""");
        var health = await provider.GetRequiredService<Ours.IFeaturesApi>().HealthAsync();
        Assert.Equal(Ours.HealthResponseStatus.Ok, health.Status);
        Assert.Equal("/public/health", Assert.Single(_server.Requests).PathAndQuery);
    }

    /// <summary>Refit's classic <c>AddRefitClient</c> needs its reflection request builder for generated clients too: same behaviour for both.</summary>
    [Fact]
    public void TheReflectionRegistrationBehavesAsForRefitsOwnGeneratedClients()
    {
        Exception? Resolve<T>()
            where T : class
        {
            var services = new ServiceCollection();
            services.AddRefitClient<T>().ConfigureHttpClient(c => c.BaseAddress = _server.BaseAddress);
            using var provider = services.BuildServiceProvider();
            return Record.Exception(() => provider.GetRequiredService<T>());
        }

        Assert.Equal(Resolve<Reference.IFeaturesApi>()?.GetType(), Resolve<Ours.IFeaturesApi>()?.GetType());
    }

    private static async Task<object?> Call(string call, Ours.IFeaturesApi api) => call switch
    {
        "token" => OurJson(await api.IssueTokenAsync()),
        "list all" => OurJson(await api.ListPetsAsync(5, null, new[] { "x y", "z/é" }, null, new Guid("0f8fad5b-d9cb-469f-a165-70867728950e"))),
        "list none" => OurJson(await api.ListPetsAsync()),
        "create" => OurJson(await api.CreatePetAsync(new Ours.NewPet { Name = "A\"\n", Kind = Ours.PetKind.Bird, Birthday = new DateOnly(2020, 2, 29), Weight = 1.25, Tags = new[] { "t" } })),
        "get" or "get 404" or "get 500 html" or "get malformed" or "get missing required" or "get html 200" => OurJson(await api.GetPetAsync(long.MaxValue)),
#pragma warning disable CS0618 // deletePet is deprecated in the spec.
        "delete" => await Done(api.DeletePetAsync(42)),
        "delete forced 409" => await Done(api.DeletePetAsync(42, force: null)),
#pragma warning restore CS0618
        "notes" => await api.ReadNotesAsync(7, Ours.PetKind.HamsterLike),
        _ => OurJson(await api.HealthAsync()),
    };

    private static async Task<object?> Call(string call, Reference.IFeaturesApi api) => call switch
    {
        "token" => ReferenceJson(await api.IssueTokenAsync()),
        "list all" => ReferenceJson(await api.ListPetsAsync(5, null, new[] { "x y", "z/é" }, null, new Guid("0f8fad5b-d9cb-469f-a165-70867728950e"))),
        "list none" => ReferenceJson(await api.ListPetsAsync()),
        "create" => ReferenceJson(await api.CreatePetAsync(new Reference.NewPet { Name = "A\"\n", Kind = Reference.PetKind.Bird, Birthday = new DateOnly(2020, 2, 29), Weight = 1.25, Tags = new[] { "t" } })),
        "get" or "get 404" or "get 500 html" or "get malformed" or "get missing required" or "get html 200" => ReferenceJson(await api.GetPetAsync(long.MaxValue)),
#pragma warning disable CS0618
        "delete" => await Done(api.DeletePetAsync(42)),
        "delete forced 409" => await Done(api.DeletePetAsync(42, force: null)),
#pragma warning restore CS0618
        "notes" => await api.ReadNotesAsync(7, Reference.PetKind.HamsterLike),
        _ => ReferenceJson(await api.HealthAsync()),
    };

    private static async Task<object?> Done(Task task)
    {
        await task;
        return "done";
    }

    /// <summary>Results of both clients as JSON text, so values of the two type families compare.</summary>
    private static string OurJson<T>(T value) => JsonSerializer.Serialize(value, MetadataOnly.For(Ours.FeaturesJsonContext.Default, typeof(T)));

    private static string ReferenceJson<T>(T value) => JsonSerializer.Serialize(value, MetadataOnly.For(Reference.HandWrittenJsonContext.Default, typeof(T)));

    private static async Task<string> Outcome(Func<Task<object?>> call)
    {
        try
        {
            return "ok: " + await call();
        }
        catch (ApiException exception)
        {
            return exception.GetType().Name + " " + (int)exception.StatusCode + " " + exception.Message + " inner:" + exception.InnerException?.GetType().Name + " content:" + exception.Content;
        }
        catch (Exception exception)
        {
            return exception.GetType().Name + " inner:" + exception.InnerException?.GetType().Name;
        }
    }
}
