using System;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using CelerData.Emulator;
using CelerData.Generated.Runtime;
using Refit;
using Xunit;

namespace CelerData.Cloud.Tests;

/// <summary>
/// Every generated method, through the CelerData.Cloud client: against the emulator behind a Prism proxy (Prism validates the
/// client's requests and the emulator's answers against spec/), and against a Prism mock (the requests, and the spec's examples).
/// The boolean query parameter <c>show_detail</c> is sent both ways (<c>true</c> and <c>false</c>, as the spec spells them).
/// </summary>
public sealed class EveryOperationTests
{
    private const string Warehouse = EmulatorOptions.DefaultWarehouseId;

    [Fact]
    public async Task Every_operation_works_against_the_emulator_and_Prism_finds_no_violation_either_way()
    {
        await using var emulator = await CelerDataEmulator.StartAsync(new EmulatorOptions { ActionDuration = TimeSpan.Zero });
        await using var prism = await Prism.ProxyAsync(emulator.BaseAddress);
        using var client = CelerDataCloudClient.Create(new CelerDataClientOptions
        {
            ClientId = emulator.Client.ClientId,
            ClientSecret = emulator.Client.ClientSecret,
            BaseAddress = prism.BaseAddress,
        });
        var api = client.Api;
        var cluster = emulator.ClusterId;

        var token = await api.CreateAccessTokenAsync();
        var clusters = await api.ListClustersAsync();
        var state = await api.GetClusterStateAsync(cluster);
        var missing = await Assert.ThrowsAsync<CelerDataNotFoundException>(() => api.GetClusterStateAsync("no-such-cluster"));
        var warehouses = await api.ListWarehousesAsync(cluster);
        var warehouse = await api.GetWarehouseAsync(Warehouse);
        var scaleNum = await api.ScaleWarehouseNumAsync(Warehouse, new ScaleWarehouseNumRequest { VmNum = 4 });
        var scaleNumState = await api.GetInfraActionStateAsync(cluster, scaleNum.ActionId);
        var scaled = await api.GetWarehouseAsync(Warehouse);
        var scaleSize = await api.ScaleWarehouseSizeAsync(Warehouse, new ScaleWarehouseSizeRequest { VmCate = "m6i.4xlarge", Iops = 5000, Throughput = 400, VmVolSize = 100, VmVolNum = 2 });
        await api.GetInfraActionStateAsync(cluster, scaleSize.ActionId);
        var suspendWarehouse = await api.SuspendWarehouseAsync(Warehouse);
        await api.GetInfraActionStateAsync(cluster, suspendWarehouse.ActionId);
        var resumeWarehouse = await api.ResumeWarehouseAsync(Warehouse);
        await api.GetInfraActionStateAsync(cluster, resumeWarehouse.ActionId);
        await api.DeclareDeploymentScriptsAsync(cluster, new DeploymentScriptsRequest
        {
            Scripts = [new DeploymentScript { ScriptPath = "s3://bucket/setup.sh", LogsDir = "s3://bucket/logs/" }],
            Parallel = true,
            Timeout = 3600,
        });
        var accountUsage = await api.GetAccountUsageAsync("20250601", "20250602", null);
        var accountDetail = await api.GetAccountUsageAsync("20250601", "20250602", true);
        var clusterUsage = await api.GetClusterUsageAsync(cluster, "20250601", "20250602", false);
        var clusterDetail = await api.GetClusterUsageAsync(cluster, "20250601", "20250602", true);
        var organisation = await api.GetOrganizationClusterUsageAsync(new OrganizationUsageRequest
        {
            AccountIds = ["emulated01"],
            StartDate = "20250601",
            EndDate = "20250602",
            ShowDailyDetail = true,
        });
        var bills = await api.ListBillsAsync("202501", "202502");
        var accounts = await api.ListAccountsAsync();
        var suspendCluster = await api.SuspendClusterAsync(cluster);
        await api.GetInfraActionStateAsync(cluster, suspendCluster.ActionId);
        var suspended = await api.GetClusterStateAsync(cluster);
        var resumeCluster = await api.ResumeClusterAsync(cluster);
        await api.GetInfraActionStateAsync(cluster, resumeCluster.ActionId);

        Assert.Equal("Bearer", token.TokenType);
        Assert.Equal(2, clusters.Total);
        Assert.Equal(ClusterState.Running, state.ClusterState);
        Assert.Equal(40004, missing.Code);
        Assert.Equal("getClusterState", missing.OperationId);
        Assert.Equal(["default_warehouse", "etl"], warehouses.List.Select(w => w.WarehouseName));
        Assert.Equal(WarehouseState.Running, warehouse.State);
        Assert.Equal(InfraActionState.Succeeded, scaleNumState.InfraActionState);
        Assert.Equal(4, scaled.NodeCount);
        Assert.Equal("75.000000", accountUsage.TotalUsage);
        Assert.Null(accountUsage.Details);
        Assert.Equal([20250601, 20250602], accountDetail.Details!.Select(d => d.Date));
        Assert.Equal("25.000000", clusterUsage.TotalUsage);
        Assert.Null(clusterUsage.Details);
        Assert.Equal([20250601, 20250602], clusterDetail.Details!.Select(d => d.Date));
        Assert.Equal("75.000000", organisation.TotalUsage);
        Assert.Equal(["202501", "202502"], bills.BillList!.Select(b => b.Period));
        Assert.Equal(AccountState.InUse, Assert.Single(accounts).State);
        Assert.Equal(ClusterState.Suspended, suspended.ClusterState);
        Assert.Equal("Running", emulator.Clusters[0].State);

        // 29 requests, the two tokens (the explicit call and the cache's) included; Prism logs each forwarded answer and any violation of the spec, request or response.
        var log = await prism.WaitForLinesAsync("Received forward response", 29);
        Assert.Equal(29, log.Count(line => line.Contains("Received forward response", StringComparison.Ordinal)));
        Assert.DoesNotContain(log, line => line.Contains("Violation", StringComparison.Ordinal) || line.Contains("did not pass", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_request_the_client_sends_passes_Prism_s_validation_and_the_examples_read_back()
    {
        await using var prism = await Prism.MockAsync();
        using var http = new HttpClient { BaseAddress = prism.BaseAddress };
        var api = RestService.ForGenerated<ICelerDataCloudApi>(http, CelerDataCloudJsonContext.Default);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("client:secret")));
        var token = await api.CreateAccessTokenAsync();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);

        // Each method returns the envelope's data only when its code is 20000, and throws otherwise.
        var calls = new Func<Task>[]
        {
            () => api.ListClustersAsync(),
            () => api.GetClusterStateAsync("c-1"),
            () => api.SuspendClusterAsync("c-1"),
            () => api.ResumeClusterAsync("c-1"),
            () => api.DeclareDeploymentScriptsAsync("c-1", new DeploymentScriptsRequest { Scripts = [new DeploymentScript { ScriptPath = "s3://b/a.sh", LogsDir = "s3://b/l/" }], Parallel = false, Timeout = 60 }),
            () => api.ListWarehousesAsync("c-1"),
            () => api.GetInfraActionStateAsync("c-1", "a-1"),
            () => api.GetWarehouseAsync("w-1"),
            () => api.SuspendWarehouseAsync("w-1"),
            () => api.ResumeWarehouseAsync("w-1"),
            () => api.ScaleWarehouseSizeAsync("w-1", new ScaleWarehouseSizeRequest { VmCate = "m6i.4xlarge", Iops = 3000, Throughput = 125, VmVolSize = 100, VmVolNum = 1 }),
            () => api.ScaleWarehouseNumAsync("w-1", new ScaleWarehouseNumRequest { VmNum = 2 }),
            () => api.GetAccountUsageAsync("20250601", "20250630", null),
            () => api.GetAccountUsageAsync("20250601", "20250630", true),
            () => api.GetClusterUsageAsync("c-1", "20250601", "20250630", false),
            () => api.GetClusterUsageAsync("c-1", "20250601", "20250630", true),
            () => api.GetOrganizationClusterUsageAsync(new OrganizationUsageRequest { AccountIds = ["a"], StartDate = "20250601", EndDate = "20250630", ShowDailyDetail = false }),
            () => api.ListBillsAsync("202501", "202506"),
            () => api.ListAccountsAsync(),
        };
        foreach (var call in calls)
        {
            await call();
        }

        Assert.Equal("M2M3YZLLNMETNWJLZC0ZZMI1LWIYY2UTMZQ3YJG3MTA5MDA5", token.AccessToken);
        Assert.Equal(19, calls.Length);
        var log = await prism.WaitForLinesAsync("passed the validation rules", 20);
        Assert.Equal(20, log.Count(line => line.Contains("Request received", StringComparison.Ordinal)));
        Assert.DoesNotContain(log, line => line.Contains("did not pass the validation rules", StringComparison.Ordinal));
    }
}
