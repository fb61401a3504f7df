using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace CelerData.Emulator.Tests;

public sealed class ClusterEndpointTests
{
    [Fact]
    public async Task Clusters_lists_the_demo_clusters_in_the_envelope_for_an_issued_token()
    {
        await using var session = await EmulatorSession.StartAsync();
        var (accessToken, _, _) = await session.GetTokenAsync();

        using var response = await session.GetWithBearerAsync("api/1.0/clusters", accessToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            $$$"""{"code":20000,"message":"success","data":{"total":2,"list":[{"cluster_id":"{{{EmulatorOptions.DefaultClusterId}}}","cluster_name":"demo"},{"cluster_id":"{{{EmulatorOptions.DefaultSuspendedClusterId}}}","cluster_name":"archive"}]}}""",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Cluster_id_and_name_follow_the_configuration()
    {
        await using var session = await EmulatorSession.StartAsync(new EmulatorOptions { ClusterId = "cluster-7", ClusterName = "analytics" });
        var (accessToken, _, _) = await session.GetTokenAsync();

        using var response = await session.GetWithBearerAsync("api/1.0/clusters", accessToken);

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var cluster = json.RootElement.GetProperty("data").GetProperty("list").EnumerateArray().First();
        Assert.Equal("cluster-7", cluster.GetProperty("cluster_id").GetString());
        Assert.Equal("analytics", cluster.GetProperty("cluster_name").GetString());
        Assert.Equal("cluster-7", session.Emulator.ClusterId);
    }

    [Fact]
    public async Task Cluster_state_of_the_known_cluster_is_Running_with_a_null_abnormal_reason()
    {
        await using var session = await EmulatorSession.StartAsync();
        var (accessToken, _, _) = await session.GetTokenAsync();

        using var response = await session.GetWithBearerAsync($"api/1.0/clusters/{session.Emulator.ClusterId}/state", accessToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            """{"code":20000,"message":"success","data":{"cluster_state":"Running","abnormal_reason":null}}""",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Cluster_state_of_an_unknown_cluster_is_HTTP_200_with_code_40004()
    {
        await using var session = await EmulatorSession.StartAsync();
        var (accessToken, _, _) = await session.GetTokenAsync();

        using var response = await session.GetWithBearerAsync("api/1.0/clusters/no-such-cluster/state", accessToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(40004, json.RootElement.GetProperty("code").GetInt32());
        Assert.False(json.RootElement.TryGetProperty("data", out _));
    }

    [Theory]
    [InlineData("api/1.0/clusters")]
    [InlineData("api/1.0/clusters/" + EmulatorOptions.DefaultClusterId + "/state")]
    public async Task Missing_and_unknown_tokens_are_401_with_a_Bearer_challenge(string path)
    {
        await using var session = await EmulatorSession.StartAsync();
        var (_, refreshToken, _) = await session.GetTokenAsync();

        foreach (var token in new[] { null, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGHIJKL", refreshToken })
        {
            using var response = await session.GetWithBearerAsync(path, token);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            var challenge = Assert.Single(response.Headers.WwwAuthenticate).ToString();
            Assert.Equal(token is null ? "Bearer realm=\"CelerData\"" : "Bearer realm=\"CelerData\", error=\"invalid_token\"", challenge);
        }
    }

    [Fact]
    public async Task Basic_credentials_do_not_open_the_bearer_endpoints()
    {
        await using var session = await EmulatorSession.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/1.0/clusters");
        request.Headers.Authorization = EmulatorSession.Basic(EmulatorClient.Demo);

        using var response = await session.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_token_stops_working_when_expires_in_runs_out()
    {
        var time = new FakeTimeProvider();
        await using var session = await EmulatorSession.StartAsync(new EmulatorOptions { ExpiresInSeconds = 120, TimeProvider = time });
        var (accessToken, _, _) = await session.GetTokenAsync();

        time.Advance(TimeSpan.FromSeconds(119));
        using var beforeExpiry = await session.GetWithBearerAsync("api/1.0/clusters", accessToken);
        time.Advance(TimeSpan.FromSeconds(1));
        using var atExpiry = await session.GetWithBearerAsync("api/1.0/clusters", accessToken);

        Assert.Equal(HttpStatusCode.OK, beforeExpiry.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, atExpiry.StatusCode);
    }
}
