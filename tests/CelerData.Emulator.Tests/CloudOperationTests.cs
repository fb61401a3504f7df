using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace CelerData.Emulator.Tests;

/// <summary>The clusters, warehouses, actions, usage, bills and accounts operations over HTTP, with the emulator's clock in the test's hands.</summary>
public sealed class CloudOperationTests
{
    private const string ClusterPath = "api/1.0/clusters/" + EmulatorOptions.DefaultClusterId;
    private const string WarehousePath = "api/1.0/warehouses/" + EmulatorOptions.DefaultWarehouseId;

    [Fact]
    public async Task A_warehouse_suspend_is_ONGOING_until_the_action_duration_passes_then_SUCCEEDED_and_the_warehouse_SUSPENDED()
    {
        var time = new FakeTimeProvider();
        await using var session = await EmulatorSession.StartAsync(new EmulatorOptions { TimeProvider = time, ActionDuration = TimeSpan.FromSeconds(10) });
        var token = (await session.GetTokenAsync()).AccessToken;

        var actionId = (await SendAsync(session, HttpMethod.Patch, WarehousePath + "/suspend", token)).GetProperty("data").GetProperty("action_id").GetString()!;
        time.Advance(TimeSpan.FromSeconds(9));
        var during = await SendAsync(session, HttpMethod.Get, ClusterPath + "/infra-action/state?order_id=" + actionId, token);
        var warehouseDuring = await SendAsync(session, HttpMethod.Get, WarehousePath, token);
        time.Advance(TimeSpan.FromSeconds(1));
        var after = await SendAsync(session, HttpMethod.Get, ClusterPath + "/infra-action/state?order_id=" + actionId, token);
        var warehouseAfter = await SendAsync(session, HttpMethod.Get, WarehousePath, token);

        Assert.Equal("ONGOING", during.GetProperty("data").GetProperty("infra_action_state").GetString());
        Assert.Equal("RUNNING", warehouseDuring.GetProperty("data").GetProperty("state").GetString());
        Assert.Equal("SUCCEEDED", after.GetProperty("data").GetProperty("infra_action_state").GetString());
        Assert.False(after.GetProperty("data").TryGetProperty("err_msg", out _));
        Assert.Equal("SUSPENDED", warehouseAfter.GetProperty("data").GetProperty("state").GetString());
        Assert.Equal("SUSPENDED", session.Emulator.Clusters[0].Warehouses.Single(w => w.WarehouseId == EmulatorOptions.DefaultWarehouseId).State);
    }

    [Fact]
    public async Task A_cluster_goes_Suspending_then_Suspended_and_back_through_Resuming_to_Running()
    {
        var time = new FakeTimeProvider();
        await using var session = await EmulatorSession.StartAsync(new EmulatorOptions { TimeProvider = time, ActionDuration = TimeSpan.FromSeconds(5) });
        var token = (await session.GetTokenAsync()).AccessToken;

        var states = new System.Collections.Generic.List<string?>();
        async Task RecordAsync() => states.Add((await SendAsync(session, HttpMethod.Get, ClusterPath + "/state", token)).GetProperty("data").GetProperty("cluster_state").GetString());
        await SendAsync(session, HttpMethod.Patch, ClusterPath + "/suspend", token);
        await RecordAsync();
        time.Advance(TimeSpan.FromSeconds(5));
        await RecordAsync();
        await SendAsync(session, HttpMethod.Patch, ClusterPath + "/resume", token);
        await RecordAsync();
        time.Advance(TimeSpan.FromSeconds(5));
        await RecordAsync();

        Assert.Equal(["Suspending", "Suspended", "Resuming", "Running"], states);
    }

    [Theory]
    [InlineData(EmulatorActionOutcome.Fail, "FAILED", 3)]
    [InlineData(EmulatorActionOutcome.Cancel, "CANCELED", 3)]
    [InlineData(EmulatorActionOutcome.Succeed, "SUCCEEDED", 5)]
    public async Task The_action_outcome_decides_how_a_scale_ends_and_whether_it_takes_effect(EmulatorActionOutcome outcome, string expected, int nodesAfter)
    {
        var time = new FakeTimeProvider();
        await using var session = await EmulatorSession.StartAsync(new EmulatorOptions { TimeProvider = time });
        session.Emulator.SetActionOutcome(outcome);
        var token = (await session.GetTokenAsync()).AccessToken;

        var started = await SendAsync(session, HttpMethod.Post, WarehousePath + "/scale-num", token, """{"vm_num":5}""");
        time.Advance(TimeSpan.FromSeconds(3));
        var state = await SendAsync(session, HttpMethod.Get, ClusterPath + "/infra-action/state?order_id=" + started.GetProperty("data").GetProperty("action_id").GetString(), token);
        var warehouse = await SendAsync(session, HttpMethod.Get, WarehousePath, token);

        Assert.Equal(expected, state.GetProperty("data").GetProperty("infra_action_state").GetString());
        Assert.Equal(outcome == EmulatorActionOutcome.Fail, state.GetProperty("data").TryGetProperty("err_msg", out _));
        Assert.Equal(nodesAfter, warehouse.GetProperty("data").GetProperty("node_count").GetInt32());
    }

    [Theory]
    [InlineData("GET", "api/1.0/clusters/nope/state", null)]
    [InlineData("PATCH", "api/1.0/clusters/nope/suspend", null)]
    [InlineData("PATCH", "api/1.0/clusters/nope/resume", null)]
    [InlineData("POST", "api/1.0/clusters/nope/deployment-scripts", """{"scripts":[{"script_path":"s3://b/a.sh"}]}""")]
    [InlineData("GET", "api/1.0/clusters/nope/warehouses", null)]
    [InlineData("GET", "api/1.0/clusters/nope/infra-action/state?order_id=x", null)]
    [InlineData("GET", ClusterPath + "/infra-action/state?order_id=no-such-action", null)]
    [InlineData("GET", "api/1.0/warehouses/nope", null)]
    [InlineData("PATCH", "api/1.0/warehouses/nope/suspend", null)]
    [InlineData("PATCH", "api/1.0/warehouses/nope/resume", null)]
    [InlineData("POST", "api/1.0/warehouses/nope/scale-size", """{"vm_cate":"m6i.4xlarge"}""")]
    [InlineData("POST", "api/1.0/warehouses/nope/scale-num", """{"vm_num":2}""")]
    [InlineData("GET", "api/1.0/usages/nope?start_date=20250601&end_date=20250602&show_detail=true", null)]
    public async Task Unknown_ids_are_HTTP_200_with_code_40004_and_no_data(string method, string path, string? body)
    {
        await using var session = await EmulatorSession.StartAsync();
        var token = (await session.GetTokenAsync()).AccessToken;

        var envelope = await SendAsync(session, new HttpMethod(method), path, token, body);

        Assert.Equal(40004, envelope.GetProperty("code").GetInt32());
        Assert.Contains("does not exist", envelope.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(envelope.TryGetProperty("data", out _));
    }

    [Theory]
    [InlineData("PATCH", "api/1.0/warehouses/0a7e5b6c-0000-4000-8000-000000000001/suspend", null, 40000)]
    [InlineData("PATCH", WarehousePath + "/resume", null, 40900)]
    [InlineData("PATCH", ClusterPath + "/resume", null, 40900)]
    [InlineData("PATCH", "api/1.0/clusters/" + EmulatorOptions.DefaultSuspendedClusterId + "/suspend", null, 40900)]
    [InlineData("POST", WarehousePath + "/scale-num", """{"vm_num":0}""", 40000)]
    [InlineData("POST", WarehousePath + "/scale-num", "not json", 40000)]
    [InlineData("POST", WarehousePath + "/scale-size", "{}", 40000)]
    [InlineData("POST", ClusterPath + "/deployment-scripts", """{"scripts":[]}""", 40000)]
    [InlineData("GET", ClusterPath + "/infra-action/state", null, 40000)]
    [InlineData("GET", "api/1.0/usages?start_date=20250601&end_date=20250801", null, 40000)]
    [InlineData("GET", "api/1.0/usages?start_date=2025-06-01&end_date=20250602", null, 40000)]
    [InlineData("GET", "api/1.0/usages/" + EmulatorOptions.DefaultClusterId + "?start_date=20250601&end_date=20250602", null, 40000)]
    [InlineData("GET", "api/1.0/usages?start_date=20250601&end_date=20250602&show_detail=True", null, 40000)]
    [InlineData("GET", "api/1.0/usages/" + EmulatorOptions.DefaultClusterId + "?start_date=20250601&end_date=20250602&show_detail=False", null, 40000)]
    [InlineData("GET", "api/1.0/usages/" + EmulatorOptions.DefaultClusterId + "?start_date=20250601&end_date=20250602&show_detail=%20true", null, 40000)]
    [InlineData("GET", "api/1.0/usages/" + EmulatorOptions.DefaultClusterId + "?start_date=20250601&end_date=20250602&show_detail=1", null, 40000)]
    [InlineData("GET", "api/1.0/bills?start_month=202401&end_month=202702", null, 40000)]
    [InlineData("POST", "api/1.0/org/cluster/usage", """{"start_date":"20250601"}""", 40000)]
    public async Task Requests_the_state_or_the_parameters_do_not_allow_are_HTTP_200_with_a_failure_code(string method, string path, string? body, int code)
    {
        await using var session = await EmulatorSession.StartAsync();
        var token = (await session.GetTokenAsync()).AccessToken;

        var envelope = await SendAsync(session, new HttpMethod(method), path, token, body);

        Assert.Equal(code, envelope.GetProperty("code").GetInt32());
        Assert.False(string.IsNullOrEmpty(envelope.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task A_second_action_on_a_warehouse_is_refused_while_the_first_is_ONGOING()
    {
        var time = new FakeTimeProvider();
        await using var session = await EmulatorSession.StartAsync(new EmulatorOptions { TimeProvider = time });
        var token = (await session.GetTokenAsync()).AccessToken;

        var first = await SendAsync(session, HttpMethod.Post, WarehousePath + "/scale-num", token, """{"vm_num":4}""");
        var second = await SendAsync(session, HttpMethod.Patch, WarehousePath + "/suspend", token);
        time.Advance(TimeSpan.FromSeconds(3));
        var third = await SendAsync(session, HttpMethod.Patch, WarehousePath + "/suspend", token);

        Assert.Equal(20000, first.GetProperty("code").GetInt32());
        Assert.Equal(40900, second.GetProperty("code").GetInt32());
        Assert.Equal(20000, third.GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Usage_and_bills_add_up_from_12_5_CCU_a_day_per_cluster_rank()
    {
        await using var session = await EmulatorSession.StartAsync();
        var token = (await session.GetTokenAsync()).AccessToken;

        var account = (await SendAsync(session, HttpMethod.Get, "api/1.0/usages?start_date=20250601&end_date=20250610&show_detail=true", token)).GetProperty("data");
        var withoutDetail = (await SendAsync(session, HttpMethod.Get, "api/1.0/usages?start_date=20250601&end_date=20250610", token)).GetProperty("data");
        var second = (await SendAsync(session, HttpMethod.Get, "api/1.0/usages/" + EmulatorOptions.DefaultSuspendedClusterId + "?start_date=20250601&end_date=20250601&show_detail=false", token)).GetProperty("data");
        var bills = (await SendAsync(session, HttpMethod.Get, "api/1.0/bills?start_month=202502&end_month=202503", token)).GetProperty("data");
        var organisation = (await SendAsync(session, HttpMethod.Post, "api/1.0/org/cluster/usage", token, """{"start_date":"20250601","end_date":"20250602","show_daily_detail":true}""")).GetProperty("data");
        var otherAccounts = (await SendAsync(session, HttpMethod.Post, "api/1.0/org/cluster/usage", token, """{"account_ids":["someone-else"],"start_date":"20250601","end_date":"20250602"}""")).GetProperty("data");
        var accounts = (await SendAsync(session, HttpMethod.Get, "api/1.0/accounts", token)).GetProperty("data");

        Assert.Equal("375.000000", account.GetProperty("total_usage").GetString()); // (12.5 + 25) x 10 days
        Assert.Equal(10, account.GetProperty("details").GetArrayLength());
        Assert.Equal(20250610, account.GetProperty("details")[9].GetProperty("date").GetInt32());
        Assert.False(withoutDetail.TryGetProperty("details", out _));
        Assert.Equal("archive", second.GetProperty("cluster_name").GetString());
        Assert.Equal("25.000000", second.GetProperty("total_usage").GetString());
        Assert.Equal(["202502", "202503"], bills.GetProperty("bill_list").EnumerateArray().Select(b => b.GetProperty("period").GetString()));
        Assert.Equal("1050.000000", bills.GetProperty("bill_list")[0].GetProperty("charge_usage").GetString()); // 37.5 x 28 days
        Assert.Equal("525.00", bills.GetProperty("bill_list")[0].GetProperty("charge_price").GetString());
        Assert.Equal(202502, bills.GetProperty("begin_month").GetInt32());
        Assert.Equal("75.000000", organisation.GetProperty("total_usage").GetString());
        var daily = organisation.GetProperty("accounts")[0].GetProperty("clusters")[0].GetProperty("daily_usages");
        Assert.Equal(new DateTimeOffset(2025, 6, 2, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds(), daily[1].GetProperty("time_stamp").GetInt64());
        Assert.Equal(0, otherAccounts.GetProperty("accounts").GetArrayLength());
        Assert.Equal("emulated01", Assert.Single(accounts.EnumerateArray()).GetProperty("account_id").GetString());
    }

    [Fact]
    public async Task Faults_can_target_one_operation()
    {
        await using var session = await EmulatorSession.StartAsync();
        var token = (await session.GetTokenAsync()).AccessToken;
        session.Emulator.SetFaults(new EmulatorFaultOptions { Kind = EmulatorFaultKind.ServerError, Operation = "getWarehouse" });

        using var listed = await session.GetWithBearerAsync(ClusterPath + "/warehouses", token);
        using var faulted = await session.GetWithBearerAsync(WarehousePath, token);

        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, faulted.StatusCode);
        Assert.Throws<ArgumentException>(() => session.Emulator.SetFaults(new EmulatorFaultOptions { Kind = EmulatorFaultKind.ServerError, Operation = "noSuchOperation" }));
    }

    [Fact]
    public async Task The_limit_counts_each_operation_separately()
    {
        await using var session = await EmulatorSession.StartAsync(new EmulatorOptions { RateLimitPerMinute = 2, TimeProvider = new FakeTimeProvider() });
        var token = (await session.GetTokenAsync()).AccessToken;
        for (var i = 0; i < 2; i++)
        {
            (await session.GetWithBearerAsync("api/1.0/clusters", token)).Dispose();
        }

        using var limited = await session.GetWithBearerAsync("api/1.0/clusters", token);
        using var other = await session.GetWithBearerAsync("api/1.0/accounts", token);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Theory]
    [InlineData("PATCH", WarehousePath + "/suspend")]
    [InlineData("GET", "api/1.0/accounts")]
    [InlineData("POST", "api/1.0/org/cluster/usage")]
    public async Task Every_operation_wants_a_bearer_token(string method, string path)
    {
        await using var session = await EmulatorSession.StartAsync();

        using var response = await session.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("RUNNING", session.Emulator.Clusters[0].Warehouses[1].State);
    }

    [Fact]
    public async Task Clusters_and_warehouses_follow_the_configuration()
    {
        var options = new EmulatorOptions();
        var cluster = new EmulatorCluster { ClusterId = "k1", ClusterName = "one", State = "Running" };
        cluster.Warehouses.Add(new EmulatorWarehouse { WarehouseId = "w1", WarehouseName = "first", NodeCount = 7, State = "SUSPENDED" });
        options.Clusters.Add(cluster);
        await using var session = await EmulatorSession.StartAsync(options);
        var token = (await session.GetTokenAsync()).AccessToken;

        var list = (await SendAsync(session, HttpMethod.Get, "api/1.0/clusters", token)).GetProperty("data");
        var warehouses = (await SendAsync(session, HttpMethod.Get, "api/1.0/clusters/k1/warehouses", token)).GetProperty("data");

        Assert.Equal(1, list.GetProperty("total").GetInt32());
        Assert.Equal("k1", session.Emulator.ClusterId);
        var warehouse = Assert.Single(warehouses.GetProperty("list").EnumerateArray());
        Assert.Equal(7, warehouse.GetProperty("node_count").GetInt32());
        Assert.Equal("SUSPENDED", warehouse.GetProperty("state").GetString());
        Assert.Contains(new EmulatorOptions { Clusters = { new EmulatorCluster { ClusterId = "k1" }, new EmulatorCluster { ClusterId = "k1" } } }.Validate(), e => e.Contains("Clusters:1:ClusterId", StringComparison.Ordinal));
    }

    private static async Task<JsonElement> SendAsync(EmulatorSession session, HttpMethod method, string path, string token, string? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await session.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.Clone();
    }
}
