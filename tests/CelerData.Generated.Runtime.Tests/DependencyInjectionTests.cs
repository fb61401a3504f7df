using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CelerData.Generated.Runtime.Tests.Infrastructure;
using CelerData.Generated.Runtime.Tests.TestApi;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace CelerData.Generated.Runtime.Tests;

/// <summary>Reads or changes the process environment, so these tests do not run beside each other.</summary>
[CollectionDefinition(nameof(EnvironmentCollection), DisableParallelization = true)]
public sealed class EnvironmentCollection;

[Collection(nameof(EnvironmentCollection))]
public sealed class DependencyInjectionTests
{
    private static ServiceProvider Build(LoopbackServer server, IDictionary<string, string?>? configuration, Action<CelerDataClientOptions>? configure = null)
    {
        var services = new ServiceCollection();
        if (configuration is not null)
        {
            services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(configuration).Build());
        }

        services.AddCelerDataClient(TestDescriptor.Create(server.BaseAddress), configure);
        return services.BuildServiceProvider();
    }

    private static async Task<LoopbackServer> Server()
    {
        var server = await LoopbackServer.StartAsync();
        server.Handle = (context, _) => context.Response.WriteAsync(
            context.Request.Path == "/api/1.0/token" ? Secrets.TokenJson() : """{"code":20000}""");
        return server;
    }

    [Fact]
    public async Task Typed_client_binds_credentials_from_the_CelerData_section_and_calls_over_the_wire()
    {
        await using var server = await Server();
        await using var provider = Build(server, new Dictionary<string, string?>
        {
            ["CelerData:ClientId"] = Secrets.ClientId,
            ["CelerData:ClientSecret"] = Secrets.ClientSecret,
        });

        var api = provider.GetRequiredService<ITestCloudApi>();
        await api.ListClustersAsync();
        await provider.GetRequiredService<ITestCloudApi>().ListClustersAsync();

        Assert.Equal(["Basic " + Secrets.BasicValue, "Bearer " + Secrets.AccessToken, "Bearer " + Secrets.AccessToken], server.Received.Select(r => r.Authorization));
        var cache = provider.GetRequiredKeyedService<CelerDataTokenCache>(TestDescriptor.Name);
        Assert.Equal(Secrets.AccessToken, (await cache.GetAccessTokenAsync()).Value);
    }

    [Fact]
    public async Task Configure_delegate_wins_over_configuration()
    {
        await using var server = await Server();
        await using var provider = Build(
            server,
            new Dictionary<string, string?> { ["CelerData:ClientId"] = "from-config", ["CelerData:ClientSecret"] = "config-secret" },
            o => o.ClientId = Secrets.ClientId);

        var options = provider.GetRequiredService<IOptionsMonitor<CelerDataClientOptions>>().Get(TestDescriptor.Name);

        Assert.Equal(Secrets.ClientId, options.ClientId);
        Assert.Equal("config-secret", options.ClientSecret);
    }

    [Fact]
    public async Task Credentials_come_from_environment_variables()
    {
        await using var server = await Server();
        Environment.SetEnvironmentVariable(CelerDataClientOptions.ClientIdEnvironmentVariable, Secrets.ClientId);
        Environment.SetEnvironmentVariable(CelerDataClientOptions.ClientSecretEnvironmentVariable, Secrets.ClientSecret);
        try
        {
            await using var provider = Build(server, configuration: null);
            await provider.GetRequiredService<ITestCloudApi>().ListClustersAsync();
            Assert.Equal("Basic " + Secrets.BasicValue, server.Received[0].Authorization);
        }
        finally
        {
            Environment.SetEnvironmentVariable(CelerDataClientOptions.ClientIdEnvironmentVariable, null);
            Environment.SetEnvironmentVariable(CelerDataClientOptions.ClientSecretEnvironmentVariable, null);
        }
    }

    [Fact]
    public async Task Missing_credentials_fail_validation_at_start_without_a_request()
    {
        await using var server = await Server();
        var services = new ServiceCollection();
        services.AddCelerDataClient(TestDescriptor.Create(server.BaseAddress));
        await using var provider = services.BuildServiceProvider();

        var startup = provider.GetRequiredService<IStartupValidator>();
        var error = Assert.Throws<OptionsValidationException>(startup.Validate);

        Assert.Contains("client ID is missing", error.Message, StringComparison.Ordinal);
        Assert.Contains("client secret is missing", error.Message, StringComparison.Ordinal);
        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task Rfc6749_encoding_is_selected_from_configuration()
    {
        await using var server = await Server();
        await using var provider = Build(server, new Dictionary<string, string?>
        {
            ["CelerData:ClientId"] = "id with space",
            ["CelerData:ClientSecret"] = "a+b",
            ["CelerData:CredentialEncoding"] = "FormUrlEncoded",
        });

        await provider.GetRequiredService<ITestCloudApi>().CreateAccessTokenAsync();

        var expected = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("id+with+space:a%2Bb"));
        Assert.Equal("Basic " + expected, server.Received[0].Authorization);
    }
}
