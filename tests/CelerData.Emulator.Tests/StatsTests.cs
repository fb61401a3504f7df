using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace CelerData.Emulator.Tests;

public sealed class StatsTests
{
    [Fact]
    public async Task Requests_are_counted_per_client_with_failures_by_status()
    {
        await using var session = await EmulatorSession.StartAsync();
        var (accessToken, _, _) = await session.GetTokenAsync();
        await session.GetTokenAsync();
        (await session.Http.SendAsync(EmulatorSession.TokenRequest(EmulatorSession.Basic(EmulatorClient.DemoClientId, "wrong")))).Dispose();
        (await session.Http.SendAsync(EmulatorSession.TokenRequest(EmulatorSession.Basic(EmulatorClient.Demo), queryGrant: null))).Dispose();
        (await session.Http.SendAsync(EmulatorSession.TokenRequest(authorization: null))).Dispose();
        (await session.Http.SendAsync(EmulatorSession.TokenRequest(EmulatorSession.Basic("stranger", "secret")))).Dispose();
        (await session.GetWithBearerAsync("api/1.0/clusters", accessToken)).Dispose();
        (await session.GetWithBearerAsync("api/1.0/clusters", "NOT-A-TOKEN")).Dispose();

        var stats = session.Emulator.Stats;

        Assert.Equal(6, stats.TokenRequests);
        Assert.Equal(2, stats.ApiRequests);
        var demo = stats.ForClient(EmulatorClient.DemoClientId);
        Assert.Equal(4, demo.TokenRequests);
        Assert.Equal(1, demo.ApiRequests);
        Assert.Equal(3, demo.Successes);
        Assert.Equal(2, demo.Failures);
        Assert.Equal(1, demo.FailuresByStatus[401]);
        Assert.Equal(1, demo.FailuresByStatus[400]);
        Assert.Equal(1, stats.ForClient(EmulatorStats.AnonymousClient).FailuresByStatus[401]);
        var unknown = stats.ForClient(EmulatorStats.UnknownClient);
        Assert.Equal(1, unknown.TokenRequests);
        Assert.Equal(1, unknown.ApiRequests);
        Assert.Equal(2, unknown.FailuresByStatus[401]);
        Assert.False(stats.Clients.ContainsKey("stranger"));
    }

    [Fact]
    public async Task Injected_faults_count_as_failures_and_a_reset_as_status_0()
    {
        await using var session = await EmulatorSession.StartAsync();
        session.Emulator.SetFaults(new EmulatorFaultOptions { Kind = EmulatorFaultKind.ServerError, Count = 1 });
        (await session.RequestTokenAsync()).Dispose();
        session.Emulator.SetFaults(new EmulatorFaultOptions { Kind = EmulatorFaultKind.HtmlErrorPage, Count = 1 });
        (await session.RequestTokenAsync()).Dispose();
        session.Emulator.SetFaults(new EmulatorFaultOptions { Kind = EmulatorFaultKind.ConnectionReset, Count = 1 });
        await Assert.ThrowsAsync<HttpRequestException>(() => session.RequestTokenAsync());

        var demo = session.Emulator.Stats.ForClient(EmulatorClient.DemoClientId);

        Assert.Equal(3, demo.TokenRequests);
        Assert.Equal(3, demo.FaultsInjected);
        Assert.Equal(0, demo.Successes);
        Assert.Equal(3, demo.Failures);
        Assert.Equal(1, demo.FailuresByStatus[500]);
        Assert.Equal(1, demo.FailuresByStatus[200]);
        Assert.Equal(1, demo.FailuresByStatus[0]);
    }

    [Fact]
    public async Task The_stats_endpoint_shows_the_same_counts()
    {
        await using var session = await EmulatorSession.StartAsync();
        await session.GetTokenAsync();
        (await session.Http.SendAsync(EmulatorSession.TokenRequest(EmulatorSession.Basic(EmulatorClient.DemoClientId, "wrong")))).Dispose();

        using var json = JsonDocument.Parse(await session.Http.GetStringAsync("_emulator/stats"));

        var root = json.RootElement;
        Assert.Equal(2, root.GetProperty("token_requests").GetInt64());
        var demo = root.GetProperty("clients").GetProperty(EmulatorClient.DemoClientId);
        Assert.Equal(2, demo.GetProperty("token_requests").GetInt64());
        Assert.Equal(1, demo.GetProperty("successes").GetInt64());
        Assert.Equal(1, demo.GetProperty("failures_by_status").GetProperty("401").GetInt64());
    }

    [Fact]
    public async Task Diagnostics_requests_are_not_counted()
    {
        await using var session = await EmulatorSession.StartAsync();

        (await session.Http.GetAsync("_emulator/stats")).Dispose();
        (await session.Http.GetAsync("_emulator/faults")).Dispose();

        Assert.Empty(session.Emulator.Stats.Clients);
    }

    [Fact]
    public async Task Reset_endpoint_clears_counts_and_faults_but_keeps_tokens()
    {
        await using var session = await EmulatorSession.StartAsync();
        var (accessToken, _, _) = await session.GetTokenAsync();
        session.Emulator.SetFaults(new EmulatorFaultOptions { Kind = EmulatorFaultKind.ServerError, Scope = EmulatorFaultScope.Token });

        using var reset = await session.Http.PostAsync("_emulator/reset", content: null);

        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(0, session.Emulator.Stats.TokenRequests);
        Assert.Equal(EmulatorFaultKind.None, session.Emulator.Faults.Kind);
        using var clusters = await session.GetWithBearerAsync("api/1.0/clusters", accessToken);
        Assert.Equal(HttpStatusCode.OK, clusters.StatusCode);
    }

    [Fact]
    public async Task Reset_method_clears_counts_and_faults()
    {
        await using var session = await EmulatorSession.StartAsync();
        await session.GetTokenAsync();
        session.Emulator.SetFaults(new EmulatorFaultOptions { Kind = EmulatorFaultKind.ServerError });

        session.Emulator.Reset();

        Assert.Empty(session.Emulator.Stats.Clients);
        using var response = await session.RequestTokenAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
