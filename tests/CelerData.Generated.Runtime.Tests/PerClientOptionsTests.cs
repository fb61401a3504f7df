using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using CelerData.Generated.Runtime.Tests.Infrastructure;
using CelerData.Generated.Runtime.Tests.TestApi;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace CelerData.Generated.Runtime.Tests;

/// <summary>
/// Issue 13: each client binds <c>CelerData:{ClientName}</c> over <c>CelerData</c>, so two clients in one container
/// have two credentials from configuration, over the wire to two servers.
/// </summary>
[Collection(nameof(EnvironmentCollection))]
public sealed class PerClientOptionsTests
{
    private const string FirstSecret = "FirstClientSecret0123456789abcdefABCDEFg";
    private const string SecondSecret = "SecondClientSecret0123456789abcdefABCDEF";

    private static async Task<LoopbackServer> ServerAsync(string accessToken)
    {
        var server = await LoopbackServer.StartAsync();
        server.Handle = (context, _) => context.Response.WriteAsync(
            context.Request.Path == "/api/1.0/token" ? Secrets.TokenJson(accessToken) : """{"code":20000}""");
        return server;
    }

    private static string Basic(string id, string secret) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(id + ":" + secret));

    [Fact]
    public async Task Two_clients_get_two_credentials_from_their_own_sections_and_share_the_rest()
    {
        await using var first = await ServerAsync(Secrets.AccessToken);
        await using var second = await ServerAsync(Secrets.SecondAccessToken);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CelerData:MaxRateLimitRetries"] = "7",
            ["CelerData:ClientSecret"] = "SharedSecretThatTheFirstClientOverrides0",
            ["CelerData:First:ClientId"] = "first-id",
            ["CelerData:First:ClientSecret"] = FirstSecret,
            ["CelerData:First:BaseAddress"] = first.BaseAddress.ToString(),
            ["CelerData:Second:ClientId"] = "second-id",
            ["CelerData:Second:ClientSecret"] = SecondSecret,
            ["CelerData:Second:BaseAddress"] = second.BaseAddress.ToString(),
            ["CelerData:Second:MaxRateLimitRetries"] = "2",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddCelerDataClient(TestDescriptor.Create(name: "First"));
        services.AddCelerDataClient(TestDescriptor.Create(name: "Second"));
        await using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IHttpClientFactory>();
        var options = provider.GetRequiredService<IOptionsMonitor<CelerDataClientOptions>>();

        var firstApi = Refit.RestService.ForGenerated<ITestCloudApi>(factory.CreateClient("First"), TestJsonContext.Default);
        var secondApi = Refit.RestService.ForGenerated<ITestCloudApi>(factory.CreateClient("Second"), TestJsonContext.Default);
        await firstApi.ListClustersAsync();
        await secondApi.ListClustersAsync();

        Assert.Equal([Basic("first-id", FirstSecret), "Bearer " + Secrets.AccessToken], first.Received.Select(r => r.Authorization));
        Assert.Equal([Basic("second-id", SecondSecret), "Bearer " + Secrets.SecondAccessToken], second.Received.Select(r => r.Authorization));
        Assert.Equal(7, options.Get("First").MaxRateLimitRetries);
        Assert.Equal(2, options.Get("Second").MaxRateLimitRetries);
    }

    [Fact]
    public async Task A_client_without_its_own_section_reads_the_shared_one()
    {
        await using var server = await ServerAsync(Secrets.AccessToken);
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CelerData:ClientId"] = Secrets.ClientId,
            ["CelerData:ClientSecret"] = Secrets.ClientSecret,
            ["CelerData:Other:ClientId"] = "other-id",
        }).Build());
        services.AddCelerDataClient(TestDescriptor.Create(server.BaseAddress));
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<ITestCloudApi>().ListClustersAsync();

        Assert.Equal("Basic " + Secrets.BasicValue, server.Received[0].Authorization);
    }
}
