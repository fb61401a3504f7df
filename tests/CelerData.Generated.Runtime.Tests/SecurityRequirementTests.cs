using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using CelerData.Generated.Runtime.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace CelerData.Generated.Runtime.Tests;

public sealed class SecurityRequirementTests
{
    [Fact]
    public async Task None_operation_is_sent_without_credentials_and_fetches_no_token()
    {
        using var test = new TestClient();
        await test.Api.PublicAsync();
        var request = Assert.Single(test.Stub.Sent);
        Assert.Null(request.Authorization);
        Assert.Equal(0, test.Stub.TokenCalls);
    }

    [Fact]
    public async Task Request_with_no_recorded_requirement_is_sent_without_credentials_and_logged()
    {
        using var test = new TestClient();
        await test.Api.UnmarkedAsync();
        var request = Assert.Single(test.Stub.Sent);
        Assert.Null(request.Authorization);
        Assert.Equal(0, test.Stub.TokenCalls);
        Assert.True(test.Logs.HasEvent("NoSecurityRequirement"));
    }

    [Fact]
    public async Task The_descriptor_records_requirements_by_method_name_and_a_request_option_wins()
    {
        var stub = new StubHandler();
        var requirements = new Dictionary<string, string>
        {
            ["UnmarkedAsync"] = SecurityRequirement.Bearer,
            ["ListClustersAsync"] = SecurityRequirement.None,
        };
        using var client = CelerDataClientFactory.Create(TestApi.TestDescriptor.Create(securityRequirements: requirements), Secrets.Options(), stub);

        await client.Api.UnmarkedAsync();
        await client.Api.ListClustersAsync();

        var sent = stub.Sent.Where(r => !r.PathAndQuery.StartsWith("/api/1.0/token", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, sent.Count);
        Assert.All(sent, r => Assert.Equal("Bearer " + Secrets.AccessToken, r.Authorization));
        Assert.Equal(1, stub.TokenCalls);
    }

    [Fact]
    public async Task Basic_operation_called_on_the_api_client_gets_basic_credentials()
    {
        using var test = new TestClient();
        await test.Api.CreateAccessTokenAsync();
        Assert.Equal("Basic " + Secrets.BasicValue, Assert.Single(test.Stub.Sent).Authorization);
    }

    [Fact]
    public async Task Bearer_request_in_the_token_pipeline_is_refused_not_sent_bare()
    {
        using var runtime = Runtime();
        var stub = new StubHandler();
        using var client = new HttpClient(HandlerPipeline.Build(HandlerPipeline.Token, runtime, stub));
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://cloud-api.test.invalid/api/1.0/clusters");
        request.Options.Set(SecurityRequirement.Key, SecurityRequirement.Bearer);

        await Assert.ThrowsAsync<CelerDataAuthenticationException>(() => client.SendAsync(request));
        Assert.Empty(stub.Sent);
    }

    [Fact]
    public async Task Bearer_operation_without_a_token_operation_fails_typed()
    {
        var descriptor = TestApi.TestDescriptor.Create();
        var stub = new StubHandler();
        using var client = CelerDataClientFactory.Create(
            new CelerDataClientDescriptor<TestApi.ITestCloudApi>
            {
                Name = descriptor.Name,
                DefaultBaseAddress = descriptor.DefaultBaseAddress,
                JsonContext = descriptor.JsonContext,
            },
            Secrets.Options(),
            stub);

        Assert.Null(client.TokenCache);
        await Errors.Find<CelerDataAuthenticationException>(() => client.Api.ListClustersAsync());
        Assert.Empty(stub.Sent);
    }

    internal static CelerDataClientRuntime Runtime() => new(
        "Test",
        new Uri("https://cloud-api.test.invalid"),
        600,
        Secrets.Options(),
        new FakeTimeProvider(),
        NullLoggerFactory.Instance,
        _ => Task.FromResult(new TokenEndpointResponse(Secrets.AccessToken, 3600, null, "Bearer")),
        securityRequirements: null);
}
