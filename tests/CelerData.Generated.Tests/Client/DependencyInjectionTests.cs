using System.Collections.Generic;
using CelerData.Emulator;
using CelerData.Generated.Tests.Cloud;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CelerData.Generated.Tests.Client;

/// <summary>A consumer registers the generated client from configuration and calls the token and a bearer operation.</summary>
public sealed class DependencyInjectionTests
{
    [Fact]
    public async Task TheGeneratedRegistrationBindsConfigurationAndAuthenticatesEveryCall()
    {
        await using var emulator = await CelerDataEmulator.StartAsync();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["CelerData:ClientId"] = emulator.Client.ClientId,
                ["CelerData:ClientSecret"] = emulator.Client.ClientSecret,
                ["CelerData:BaseAddress"] = emulator.BaseAddress.ToString(),
            })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddCelerDataCloudClient();
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var api = provider.GetRequiredService<ICelerDataCloudApi>();
        var token = await api.CreateAccessTokenAsync();
        var clusters = await api.ListClustersAsync();
        var again = await api.ListClustersAsync();

        Assert.Equal("Bearer", token.TokenType);
        Assert.NotEmpty(clusters.List);
        Assert.Equal(clusters.Total, again.Total);
        // One token from the explicit call, one fetched by the cache for the bearer calls: never one per call.
        Assert.Equal(2, emulator.Stats.TokenRequests);
        Assert.Equal(2, emulator.Stats.ApiRequests);
    }

    [Fact]
    public async Task MissingCredentialsFailAtStartNotOnTheWire()
    {
        await using var emulator = await CelerDataEmulator.StartAsync();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddCelerDataCloudClient(options => options.BaseAddress = emulator.BaseAddress);
        await using var provider = services.BuildServiceProvider();

        var error = Record.Exception(() => provider.GetRequiredService<ICelerDataCloudApi>());

        Assert.NotNull(error);
        Assert.Contains("ClientId", error!.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, emulator.Stats.TokenRequests);
    }
}
