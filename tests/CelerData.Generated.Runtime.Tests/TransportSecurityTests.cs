using System;
using System.Net.Http;
using System.Threading.Tasks;
using CelerData.Generated.Runtime.Tests.Infrastructure;
using Xunit;

namespace CelerData.Generated.Runtime.Tests;

public sealed class TransportSecurityTests
{
    [Theory]
    [InlineData("https://cloud-api.celerdata.com/", true)]
    [InlineData("http://127.0.0.1:5000/", true)]
    [InlineData("http://localhost:5000/", true)]
    [InlineData("http://[::1]:5000/", true)]
    [InlineData("http://cloud-api.celerdata.com/", false)]
    [InlineData("http://10.0.0.1/", false)]
    [InlineData("ftp://cloud-api.celerdata.com/", false)]
    public void Credentials_travel_only_over_https_or_to_loopback(string address, bool secure)
    {
        Assert.Equal(secure, TransportSecurity.IsSecure(new Uri(address)));
    }

    [Theory]
    [InlineData(SecurityRequirement.Basic)]
    [InlineData(SecurityRequirement.Bearer)]
    public async Task Credentialed_request_to_plain_http_host_fails_before_it_leaves(string requirement)
    {
        using var runtime = SecurityRequirementTests.Runtime();
        var stub = new StubHandler();
        using var client = new HttpClient(HandlerPipeline.Build(HandlerPipeline.Api, runtime, stub));
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://cloud-api.celerdata.com/api/1.0/token?grant_type=client_credentials");
        request.Options.Set(SecurityRequirement.Key, requirement);

        var error = await Assert.ThrowsAsync<CelerDataInsecureTransportException>(() => client.SendAsync(request));

        Assert.Contains("cloud-api.celerdata.com", error.Message, StringComparison.Ordinal);
        Assert.Contains("HTTPS", error.Message, StringComparison.Ordinal);
        Assert.Empty(stub.Sent);
    }

    [Fact]
    public async Task Request_without_credentials_may_use_plain_http()
    {
        using var runtime = SecurityRequirementTests.Runtime();
        var stub = new StubHandler();
        using var client = new HttpClient(HandlerPipeline.Build(HandlerPipeline.Api, runtime, stub));
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://cloud-api.celerdata.com/api/1.0/public");
        request.Options.Set(SecurityRequirement.Key, SecurityRequirement.None);

        using var response = await client.SendAsync(request);

        Assert.Single(stub.Sent);
    }

    [Fact]
    public void Plain_http_base_address_is_refused_at_start()
    {
        var stub = new StubHandler();
        var options = Secrets.Options(new Uri("http://cloud-api.celerdata.com"));
        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(
            () => CelerDataClientFactory.Create(TestApi.TestDescriptor.Create(), options, stub));
        Assert.Contains("not HTTPS", error.Message, StringComparison.Ordinal);
        Assert.Empty(stub.Sent);
    }
}
