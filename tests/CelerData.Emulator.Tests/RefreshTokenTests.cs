using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace CelerData.Emulator.Tests;

public sealed class RefreshTokenTests
{
    [Fact]
    public async Task A_refresh_token_it_issued_gets_new_tokens_that_work()
    {
        await using var session = await EmulatorSession.StartAsync();
        var first = await session.GetTokenAsync();

        using var response = await session.Http.SendAsync(Refresh(EmulatorSession.Basic(EmulatorClient.Demo), first.RefreshToken));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var second = await EmulatorSession.ReadTokenAsync(response);
        Assert.NotEqual(first.AccessToken, second.AccessToken);
        Assert.NotEqual(first.RefreshToken, second.RefreshToken);
        Assert.Equal(3600, second.ExpiresIn);
        using var clusters = await session.GetWithBearerAsync("api/1.0/clusters", second.AccessToken);
        Assert.Equal(HttpStatusCode.OK, clusters.StatusCode);
    }

    [Fact]
    public async Task A_refresh_token_works_without_Basic_credentials()
    {
        await using var session = await EmulatorSession.StartAsync();
        var first = await session.GetTokenAsync();

        using var response = await session.Http.SendAsync(Refresh(authorization: null, first.RefreshToken));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var demoStats = session.Emulator.Stats.ForClient(EmulatorClient.DemoClientId);
        Assert.Equal(2, demoStats.TokenRequests);
        Assert.Equal(2, demoStats.Successes);
    }

    [Fact]
    public async Task A_refresh_token_is_good_for_one_refresh()
    {
        await using var session = await EmulatorSession.StartAsync();
        var first = await session.GetTokenAsync();
        using var once = await session.Http.SendAsync(Refresh(null, first.RefreshToken));

        using var twice = await session.Http.SendAsync(Refresh(null, first.RefreshToken));

        Assert.Equal(HttpStatusCode.OK, once.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Equal("invalid_grant", await ErrorOf(twice));
    }

    [Fact]
    public async Task Unknown_and_other_clients_refresh_tokens_are_400_invalid_grant()
    {
        var other = new EmulatorClient("other", "other-secret");
        var options = new EmulatorOptions();
        options.Clients.Add(EmulatorClient.Demo);
        options.Clients.Add(other);
        await using var session = await EmulatorSession.StartAsync(options);
        var demoToken = await session.GetTokenAsync();

        using var unknown = await session.Http.SendAsync(Refresh(null, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGHIJKL"));
        using var stolen = await session.Http.SendAsync(Refresh(EmulatorSession.Basic(other), demoToken.RefreshToken));
        using var accessTokenAsRefresh = await session.Http.SendAsync(Refresh(null, demoToken.AccessToken));

        Assert.Equal("invalid_grant", await ErrorOf(unknown));
        Assert.Equal("invalid_grant", await ErrorOf(stolen));
        Assert.Equal("invalid_grant", await ErrorOf(accessTokenAsRefresh));
        Assert.Equal(HttpStatusCode.BadRequest, stolen.StatusCode);
    }

    [Fact]
    public async Task Refresh_with_bad_Basic_credentials_is_401_and_without_a_token_is_400()
    {
        await using var session = await EmulatorSession.StartAsync();
        var token = await session.GetTokenAsync();

        using var badCredentials = await session.Http.SendAsync(Refresh(EmulatorSession.Basic(EmulatorClient.DemoClientId, "nope"), token.RefreshToken));
        using var noToken = await session.Http.SendAsync(EmulatorSession.TokenRequest(
            EmulatorSession.Basic(EmulatorClient.Demo), queryGrant: null, form: [new("grant_type", "refresh_token")]));

        Assert.Equal(HttpStatusCode.Unauthorized, badCredentials.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Equal("invalid_request", await ErrorOf(noToken));
    }

    private static HttpRequestMessage Refresh(AuthenticationHeaderValue? authorization, string refreshToken) =>
        EmulatorSession.TokenRequest(
            authorization,
            queryGrant: null,
            form: new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken });

    private static async Task<string?> ErrorOf(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("error").GetString();
    }
}
