using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CelerData.Emulator;
using CelerData.Generated.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace CelerData.Cloud.Tests;

/// <summary>WaitForActionAsync and the listing helpers against the emulator on loopback, with the clock of both in the test's hands.</summary>
public sealed class HelperTests
{
    private const string Warehouse = EmulatorOptions.DefaultWarehouseId;

    [Fact]
    public async Task WaitForAction_polls_with_doubling_waits_until_SUCCEEDED()
    {
        var time = new FakeTimeProvider();
        await using var session = await Session.StartAsync(time, TimeSpan.FromSeconds(20));
        var actionId = (await session.Api.SuspendWarehouseAsync(Warehouse)).ActionId;
        var progress = new Recorder();

        var result = await Drive(time, session.Api.WaitForActionAsync(session.ClusterId, actionId, new ActionWaitOptions { TimeProvider = time, Progress = progress }));

        Assert.Equal(InfraActionState.Succeeded, result.InfraActionState);
        var reports = progress.Reports;
        Assert.All(reports.SkipLast(1), p => Assert.Equal(InfraActionState.Ongoing, p.State));
        Assert.Equal(InfraActionState.Succeeded, reports[^1].State);
        Assert.Equal(Enumerable.Range(1, reports.Count), reports.Select(p => p.Polls));
        // Nominally polls at 0, 1, 3, 7, 15 and 30 s (waits of 1, 2, 4, 8, then at most 15): six, where a poll a second would
        // make 21. The clock also moves while a poll is on the wire, which can only lengthen a gap or save a poll.
        Assert.InRange(reports.Count, 5, 6);
        Assert.True(reports[^1].Elapsed >= TimeSpan.FromSeconds(20), $"ended after {reports[^1].Elapsed}");
        var gaps = reports.Zip(reports.Skip(1), (a, b) => b.Elapsed - a.Elapsed).ToList();
        Assert.All(gaps.Take(4).Select((gap, i) => (gap, nominal: TimeSpan.FromSeconds(1 << i))), g => Assert.True(g.gap >= g.nominal, $"waited {g.gap}, less than {g.nominal}"));
        Assert.Equal(WarehouseState.Suspended, (await session.Api.GetWarehouseAsync(Warehouse)).State);
    }

    [Theory]
    [InlineData(EmulatorActionOutcome.Fail, InfraActionState.KnownValue.Failed)]
    [InlineData(EmulatorActionOutcome.Cancel, InfraActionState.KnownValue.Canceled)]
    public async Task WaitForAction_throws_typed_when_the_action_fails_or_is_canceled(EmulatorActionOutcome outcome, InfraActionState.KnownValue expected)
    {
        var time = new FakeTimeProvider();
        await using var session = await Session.StartAsync(time, TimeSpan.FromSeconds(3));
        session.Emulator.SetActionOutcome(outcome);
        var actionId = (await session.Api.ResumeClusterAsync(EmulatorOptions.DefaultSuspendedClusterId)).ActionId;

        var error = await Assert.ThrowsAsync<CelerDataActionFailedException>(() => Drive(time, session.Api.WaitForActionAsync(EmulatorOptions.DefaultSuspendedClusterId, actionId, new ActionWaitOptions { TimeProvider = time })));

        Assert.Equal(expected, error.State.Known);
        Assert.Equal(actionId, error.ActionId);
        Assert.Equal(EmulatorOptions.DefaultSuspendedClusterId, error.ClusterId);
        Assert.Equal(outcome == EmulatorActionOutcome.Fail, error.Reason is not null);
        Assert.Equal(ClusterState.Suspended, (await session.Api.GetClusterStateAsync(EmulatorOptions.DefaultSuspendedClusterId)).ClusterState);
    }

    [Fact]
    public async Task WaitForAction_gives_up_after_the_timeout_on_its_clock()
    {
        var time = new FakeTimeProvider();
        await using var session = await Session.StartAsync(time, TimeSpan.FromHours(1));
        var actionId = (await session.Api.ScaleWarehouseNumAsync(Warehouse, new ScaleWarehouseNumRequest { VmNum = 5 })).ActionId;
        var progress = new Recorder();

        var error = await Assert.ThrowsAsync<CelerDataActionTimeoutException>(() => Drive(time, session.Api.WaitForActionAsync(session.ClusterId, actionId, new ActionWaitOptions { TimeProvider = time, Timeout = TimeSpan.FromMinutes(1), Progress = progress })));

        Assert.Equal(TimeSpan.FromMinutes(1), error.Timeout);
        Assert.Equal(actionId, error.ActionId);
        Assert.InRange(progress.Reports[^1].Elapsed, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1.5));
        Assert.All(progress.Reports, p => Assert.Equal(InfraActionState.Ongoing, p.State));
    }

    [Fact]
    public async Task WaitForAction_stops_when_cancelled()
    {
        var time = new FakeTimeProvider();
        await using var session = await Session.StartAsync(time, TimeSpan.FromHours(1));
        var actionId = (await session.Api.SuspendWarehouseAsync(Warehouse)).ActionId;
        using var cancellation = new CancellationTokenSource();
        var progress = new Recorder(onReport: _ => cancellation.Cancel());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => session.Api.WaitForActionAsync(session.ClusterId, actionId, new ActionWaitOptions { TimeProvider = time, Progress = progress }, cancellation.Token));

        Assert.Single(progress.Reports);
    }

    [Fact]
    public async Task WaitForAction_reports_an_unknown_action_as_not_found()
    {
        var time = new FakeTimeProvider();
        await using var session = await Session.StartAsync(time, TimeSpan.FromSeconds(1));

        var error = await Assert.ThrowsAsync<CelerDataNotFoundException>(() => session.Api.WaitForActionAsync(session.ClusterId, "no-such-action", new ActionWaitOptions { TimeProvider = time }));

        Assert.True(error.IsNotFound);
        Assert.Equal(40004, error.Code);
        Assert.Equal("getInfraActionState", error.OperationId);
        Assert.Contains("does not exist", error.ServerMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_listing_helpers_return_the_lists_and_every_warehouse_with_its_cluster()
    {
        await using var session = await Session.StartAsync(new FakeTimeProvider(), TimeSpan.Zero);

        var clusters = await session.Api.GetClustersAsync();
        var warehouses = await session.Api.GetWarehousesAsync(session.ClusterId);
        var all = new List<ClusterWarehouse>();
        await foreach (var item in session.Api.EnumerateWarehousesAsync())
        {
            all.Add(item);
        }

        Assert.Equal(["demo", "archive"], clusters.Select(c => c.ClusterName));
        Assert.Equal(2, warehouses.Count);
        Assert.Equal(
            [("demo", "default_warehouse"), ("demo", "etl"), ("archive", "default_warehouse")],
            all.Select(w => (w.Cluster.ClusterName!, w.Warehouse.WarehouseName!)));
        var error = await Assert.ThrowsAsync<CelerDataNotFoundException>(() => session.Api.GetWarehousesAsync("no-such-cluster"));
        Assert.True(error.IsNotFound);
    }

    [Fact]
    public async Task Account_usage_over_any_range_is_read_in_windows_of_32_days()
    {
        await using var session = await Session.StartAsync(new FakeTimeProvider(), TimeSpan.Zero);
        var before = session.Emulator.Stats.ApiRequests;

        var days = new List<DailyUsage>();
        await foreach (var day in session.Api.EnumerateAccountUsageAsync(new DateOnly(2025, 1, 1), new DateOnly(2025, 3, 31)))
        {
            days.Add(day);
        }

        Assert.Equal(90, days.Count);
        Assert.Equal(20250101, days[0].Date);
        Assert.Equal(20250331, days[^1].Date);
        Assert.Equal(days.Select(d => d.Date).Distinct().Count(), days.Count);
        Assert.Equal(3, session.Emulator.Stats.ApiRequests - before); // 32 + 32 + 26 days
    }

    [Fact]
    public async Task Cluster_usage_reports_the_cluster_and_its_days()
    {
        await using var session = await Session.StartAsync(new FakeTimeProvider(), TimeSpan.Zero);

        var usage = await session.Api.GetClusterUsageAsync(EmulatorOptions.DefaultSuspendedClusterId, "20250601", "20250603", true);
        var missing = await Assert.ThrowsAsync<CelerDataNotFoundException>(() => session.Api.GetClusterUsageAsync("no-such-cluster", "20250601", "20250603", false));

        Assert.Equal("archive", usage.ClusterName);
        Assert.Equal("75.000000", usage.TotalUsage); // 25 CCU a day for the second cluster
        Assert.Equal([20250601, 20250602, 20250603], usage.Details!.Select(d => d.Date));
        Assert.Equal(40004, missing.Code);
    }

    [Fact]
    public async Task AddCelerDataCloud_registers_the_client_from_configuration()
    {
        await using var emulator = await CelerDataEmulator.StartAsync();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CelerData:ClientId"] = emulator.Client.ClientId,
            ["CelerData:ClientSecret"] = emulator.Client.ClientSecret,
        }).Build());
        services.AddCelerDataCloud(options => options.BaseAddress = emulator.BaseAddress);
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var clusters = await provider.GetRequiredService<ICelerDataCloudApi>().GetClustersAsync();

        Assert.Equal(2, clusters.Count);
        Assert.Equal(1, emulator.Stats.TokenRequests);
    }

    /// <summary>Moves the shared fake clock 50 ms at a time until the task ends, leaving the HTTP calls real time to answer.</summary>
    private static async Task<T> Drive<T>(FakeTimeProvider time, Task<T> task)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!task.IsCompleted && DateTime.UtcNow < deadline)
        {
            await Task.Delay(5);
            time.Advance(TimeSpan.FromMilliseconds(50));
        }

        return await task;
    }

    private sealed class Recorder(Action<ActionProgress>? onReport = null) : IProgress<ActionProgress>
    {
        private readonly List<ActionProgress> _reports = [];

        public IReadOnlyList<ActionProgress> Reports
        {
            get
            {
                lock (_reports)
                {
                    return [.. _reports];
                }
            }
        }

        public void Report(ActionProgress value)
        {
            lock (_reports)
            {
                _reports.Add(value);
            }

            onReport?.Invoke(value);
        }
    }

    private sealed class Session : IAsyncDisposable
    {
        private readonly CelerDataClient<ICelerDataCloudApi> _client;

        private Session(CelerDataEmulator emulator, CelerDataClient<ICelerDataCloudApi> client)
        {
            Emulator = emulator;
            _client = client;
        }

        public CelerDataEmulator Emulator { get; }

        public ICelerDataCloudApi Api => _client.Api;

        public string ClusterId => Emulator.ClusterId;

        public static async Task<Session> StartAsync(FakeTimeProvider time, TimeSpan actionDuration)
        {
            // The emulator's clock moves actions on; tokens last longer than any test moves it.
            var emulator = await CelerDataEmulator.StartAsync(new EmulatorOptions { TimeProvider = time, ActionDuration = actionDuration, ExpiresInSeconds = 86400 });
            var client = CelerDataCloudClient.Create(new CelerDataClientOptions
            {
                ClientId = emulator.Client.ClientId,
                ClientSecret = emulator.Client.ClientSecret,
                BaseAddress = emulator.BaseAddress,
            });
            return new Session(emulator, client);
        }

        public async ValueTask DisposeAsync()
        {
            _client.Dispose();
            await Emulator.DisposeAsync();
        }
    }
}
