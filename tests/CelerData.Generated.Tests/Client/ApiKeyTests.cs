using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using CelerData.Generated.Runtime;
using CelerData.Generated.Tests.ApiKeys;
using CelerData.Generated.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CelerData.Generated.Tests.Client;

/// <summary>
/// apiKey security schemes (issue 10 item 5) through the generated registration of a held-out spec: the descriptor
/// records each operation's requirement and each scheme, and the runtime sends the keys where the spec says, against a
/// Kestrel loopback server and against Prism validating the spec's security.
/// </summary>
public sealed class ApiKeyTests
{
    private const string Key = "ks_9fQ2mW7xLp3Zr";
    private const string AppId = "app_5Tn8Vb2Kc";

    private static void Configure(CelerDataClientOptions options, Uri baseAddress)
    {
        options.BaseAddress = baseAddress;
        options.ApiKey = Key;
        options.ApiKeys = new Dictionary<string, string> { ["appId"] = AppId };
    }

    [Fact]
    public void TheDescriptorRecordsEachRequirementAndEachApiKeyScheme()
    {
        var descriptor = KeyShopClient.Descriptor;

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["ListItemsAsync"] = "apikey:headerKey",
                ["SearchItemsAsync"] = "apikey:queryKey",
                ["GetProfileAsync"] = "apikey:cookieKey",
                ["CreateOrderAsync"] = "apikey:headerKey & apikey:appId",
                ["ListReportsAsync"] = "bearer | apikey:queryKey",
                ["GetCatalogAsync"] = "apikey:headerKey | none",
                ["GetHealthAsync"] = "none",
            },
            descriptor.SecurityRequirements!.ToDictionary(p => p.Key, p => p.Value));
        Assert.Equal(
            new[] { "appId=Header:X-App-Id", "cookieKey=Cookie:session", "headerKey=Header:X-API-Key", "queryKey=Query:api_key" },
            descriptor.ApiKeySchemes!.Select(p => p.Key + "=" + p.Value.Location + ":" + p.Value.ParameterName).Order(StringComparer.Ordinal).ToArray());
        Assert.Null(descriptor.FetchToken);
    }

    [Fact]
    public async Task TheGeneratedRegistrationSendsEachKeyWhereTheSpecSays()
    {
        await using var server = await RecordingServer.StartAsync();
        var services = new ServiceCollection();
        services.AddKeyShopClient(options => Configure(options, server.BaseAddress));
        await using var provider = services.BuildServiceProvider();
        var api = provider.GetRequiredService<IKeyShopApi>();

        server.Next = new ScriptedResponse(200, """{"items":[]}""");
        await api.ListItemsAsync();
        await api.SearchItemsAsync("red");
        await api.ListReportsAsync();
        await api.GetCatalogAsync();
        server.Next = new ScriptedResponse(200, """{"id":"me"}""");
        await api.GetProfileAsync();
        server.Next = new ScriptedResponse(204, string.Empty);
        await api.CreateOrderAsync();
        await api.GetHealthAsync();

        var requests = server.Requests;
        Assert.Equal(
            new[]
            {
                "/items X-API-Key=" + Key,
                "/search?q=red&api_key=" + Key + " ",
                "/reports?api_key=" + Key + " ",
                "/catalog X-API-Key=" + Key,
                "/profile Cookie=session=" + Key,
                "/orders X-API-Key=" + Key + " X-App-Id=" + AppId,
                "/health ",
            },
            requests.Select(r => r.PathAndQuery + " " + string.Join(" ", r.Headers.OrderBy(h => h.Key, StringComparer.Ordinal).Select(h => h.Key + "=" + h.Value))).ToArray());
        Assert.All(requests, r => Assert.Null(r.Authorization));
    }

    [Fact]
    public async Task CookieParametersAndACookieKeyGoInOneCookieHeader()
    {
        await using var server = await RecordingServer.StartAsync();
        using var client = KeyShopClient.Create(new CelerDataClientOptions { BaseAddress = server.BaseAddress, ApiKey = Key });

        server.Next = new ScriptedResponse(200, """{"id":"me"}""");
        await client.Api.GetProfileAsync("dark mode", true);
        await client.Api.GetProfileAsync(compact: false);

        // Two Cookie lines would arrive joined by ',' (Kestrel's list of values), which no cookie parser reads as two cookies.
        Assert.Equal(
            new[] { "theme=dark%20mode; compact=true; session=" + Key, "compact=false; session=" + Key },
            server.Requests.Select(r => r.Headers["Cookie"]).ToArray());
    }

    [Fact]
    public async Task WithoutAKeyOnlyOperationsThatCanGoWithoutOneAreSent()
    {
        await using var server = await RecordingServer.StartAsync();
        using var client = KeyShopClient.Create(new CelerDataClientOptions { BaseAddress = server.BaseAddress });

        var error = await Assert.ThrowsAnyAsync<Exception>(() => client.Api.ListItemsAsync());
        server.Next = new ScriptedResponse(200, """{"items":[]}""");
        await client.Api.GetCatalogAsync();

        var missing = Assert.IsType<CelerDataAuthenticationException>(error.InnerException ?? error);
        Assert.Contains("'CelerData:KeyShop:ApiKeys:headerKey'", missing.Message, StringComparison.Ordinal);
        Assert.Equal("/catalog", Assert.Single(server.Requests).PathAndQuery);
        Assert.Empty(server.Requests[0].Headers);
    }

    [Fact]
    public async Task PrismAcceptsTheKeysOfEveryOperation()
    {
        var spec = Path.Combine(RepositoryPaths.TestProject, "Specs", "apikeys.openapi.yaml");
        await using var prism = await PrismMock.StartAsync(spec);

        // Prism checks the security the spec declares: without the key it refuses.
        using (var bare = new HttpClient())
        {
            using var refused = await bare.GetAsync(new Uri(prism.BaseAddress, "items"));
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        var services = new ServiceCollection();
        services.AddKeyShopClient(options => Configure(options, prism.BaseAddress));
        await using var provider = services.BuildServiceProvider();
        var api = provider.GetRequiredService<IKeyShopApi>();

        Assert.NotNull(await api.ListItemsAsync());
        Assert.NotNull(await api.SearchItemsAsync("red"));
        Assert.NotNull(await api.GetProfileAsync("dark mode", true));
        await api.CreateOrderAsync();
        Assert.NotNull(await api.ListReportsAsync());
        Assert.NotNull(await api.GetCatalogAsync());
        await api.GetHealthAsync();

        var log = await prism.WaitForLinesAsync("Request received", 8);
        Assert.Equal(8, log.Count(line => line.Contains("Request received", StringComparison.Ordinal)));
        Assert.Single(log, line => line.Contains("did not pass the validation rules", StringComparison.Ordinal));
    }
}
