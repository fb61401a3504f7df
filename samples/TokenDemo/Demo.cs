using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using CelerData.Cloud;
using CelerData.Generated.Runtime;
using Microsoft.Extensions.Options;
using Refit;

namespace TokenDemo;

/// <summary>
/// Gets a token through the CelerData.Cloud client (generated from spec/ by CelerData.Generated) and the runtime's token
/// cache, shows that the second request is answered from the cache, lists the clusters and their warehouses, then
/// suspends a warehouse, waits for the action with a progress line, and resumes it.
/// </summary>
internal static class Demo
{
    /// <summary>How long the demo may take when it only reads: far more than it needs, so a hung endpoint fails clearly.</summary>
    private static readonly TimeSpan ReadOnlyBudget = TimeSpan.FromMinutes(1);

    /// <summary>How long it may take when it suspends and resumes: a real warehouse takes minutes each way.</summary>
    private static readonly TimeSpan ChangeBudget = TimeSpan.FromMinutes(30);

    /// <summary>Runs the demo.</summary>
    /// <returns>0 on success, 1 when a call failed or disproved the demo, 2 for a usage error.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            var arguments = DemoArguments.Parse(args);
            if (arguments.Help)
            {
                await output.WriteLineAsync(DemoArguments.Usage).ConfigureAwait(false);
                return 0;
            }

            budget.CancelAfter(arguments.AllowChanges ? ChangeBudget : ReadOnlyBudget);
            await using var target = await DemoTarget.ResolveAsync(arguments.BaseUrl, CelerDataCloudClient.Descriptor.DefaultBaseAddress, budget.Token).ConfigureAwait(false);
            await output.WriteLineAsync(target.Description).ConfigureAwait(false);
            using var client = CelerDataCloudClient.Create(target.Options);
            await ShowAsync(client, target, arguments.AllowChanges || target.Emulator is not null, output, budget.Token).ConfigureAwait(false);
            return 0;
        }
        catch (DemoUsageException exception)
        {
            await error.WriteLineAsync("error: " + exception.Message).ConfigureAwait(false);
            await error.WriteLineAsync("Run with --help for the options.").ConfigureAwait(false);
            return 2;
        }
        catch (Exception exception) when (Describe(exception, budget.Token) is { } message)
        {
            // Every message here is free of secrets: the runtime's errors promise it, the others only name statuses and hosts.
            await error.WriteLineAsync("error: " + message).ConfigureAwait(false);
            return 1;
        }
    }

    private static async Task ShowAsync(CelerDataClient<ICelerDataCloudApi> client, DemoTarget target, bool changes, TextWriter output, CancellationToken cancellationToken)
    {
        var api = client.Api;
        var cache = client.TokenCache ?? throw new DemoFailureException("The generated client has no token cache: the specification lost its token operation.");

        var watch = Stopwatch.StartNew();
        var first = await cache.GetAccessTokenAsync(cancellationToken).ConfigureAwait(false);
        var fetchTime = watch.Elapsed;
        await output.WriteLineAsync(Invariant($"""
            1. Token fetched from POST /api/1.0/token in {fetchTime.TotalMilliseconds:F0} ms
               token type  Bearer (the runtime accepts no other)
               token       {Redact(first.Value)}
               expires in  {(first.ExpiresAt - first.IssuedAt).TotalSeconds:F0} s, at {first.ExpiresAt:u}; the cache replaces it from {first.RefreshAt:u}
            """)).ConfigureAwait(false);

        watch.Restart();
        var second = await cache.GetAccessTokenAsync(cancellationToken).ConfigureAwait(false);
        var cachedTime = watch.Elapsed;
        if (!ReferenceEquals(first, second))
        {
            throw new DemoFailureException("The second request fetched a new token instead of answering from the cache.");
        }

        await output.WriteLineAsync(Invariant($"2. Second token request answered from the cache in {cachedTime.TotalMilliseconds:F3} ms: the same token, no HTTP request")).ConfigureAwait(false);

        var rows = await ReadClustersAsync(api, cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync(Invariant($"3. Clusters and warehouses, with the cached bearer token ({rows.Count} cluster(s)):")).ConfigureAwait(false);
        await output.WriteLineAsync(Table(rows)).ConfigureAwait(false);

        var candidate = rows
            .Where(static row => row.State == ClusterState.Running)
            .SelectMany(static row => row.Warehouses.Select(warehouse => (row.Cluster, Warehouse: warehouse)))
            .FirstOrDefault(static pair => pair.Warehouse.IsDefault != true && pair.Warehouse.State == WarehouseState.Running);
        if (candidate.Warehouse is null)
        {
            await output.WriteLineAsync("4. No running warehouse that can be suspended (the default warehouse cannot): nothing to suspend.").ConfigureAwait(false);
        }
        else if (!changes)
        {
            await output.WriteLineAsync(Invariant($"4. Would suspend warehouse {candidate.Warehouse.WarehouseName} ({candidate.Warehouse.WarehouseId}) of {candidate.Cluster.ClusterName} and resume it; run with --allow-changes to do it (it changes your account).")).ConfigureAwait(false);
        }
        else
        {
            var warehouse = candidate.Warehouse;
            await output.WriteLineAsync(Invariant($"4. Suspending warehouse {warehouse.WarehouseName} of {candidate.Cluster.ClusterName}:")).ConfigureAwait(false);
            var suspend = await api.SuspendWarehouseAsync(warehouse.WarehouseId, cancellationToken).ConfigureAwait(false);
            await WaitAsync(api, candidate.Cluster.ClusterId, suspend.ActionId, output, cancellationToken).ConfigureAwait(false);
            var suspended = await api.GetWarehouseAsync(warehouse.WarehouseId, cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync(Invariant($"   the warehouse is now {suspended.State}")).ConfigureAwait(false);

            await output.WriteLineAsync(Invariant($"5. Resuming warehouse {warehouse.WarehouseName}:")).ConfigureAwait(false);
            var resume = await api.ResumeWarehouseAsync(warehouse.WarehouseId, cancellationToken).ConfigureAwait(false);
            await WaitAsync(api, candidate.Cluster.ClusterId, resume.ActionId, output, cancellationToken).ConfigureAwait(false);
            var resumed = await api.GetWarehouseAsync(warehouse.WarehouseId, cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync(Invariant($"   the warehouse is now {resumed.State}")).ConfigureAwait(false);
        }

        if (target.Emulator is { } emulator)
        {
            var stats = emulator.Stats.ForClient(emulator.Client.ClientId);
            await output.WriteLineAsync(Invariant($"The emulator counted {stats.TokenRequests} token request(s) and {stats.ApiRequests} API request(s) from the demo client: one token for every call")).ConfigureAwait(false);
            if (stats.TokenRequests != 1)
            {
                throw new DemoFailureException(Invariant($"Expected exactly one token request, the emulator counted {stats.TokenRequests}."));
            }
        }
    }

    /// <summary>Each cluster with its state and, for an elastic cluster, its warehouses.</summary>
    private static async Task<List<ClusterRow>> ReadClustersAsync(ICelerDataCloudApi api, CancellationToken cancellationToken)
    {
        var rows = new List<ClusterRow>();
        foreach (var cluster in await api.GetClustersAsync(cancellationToken).ConfigureAwait(false))
        {
            var state = await api.GetClusterStateAsync(cluster.ClusterId, cancellationToken).ConfigureAwait(false);
            IReadOnlyList<Warehouse> warehouses;
            try
            {
                warehouses = await api.GetWarehousesAsync(cluster.ClusterId, cancellationToken).ConfigureAwait(false);
            }
            catch (CelerDataApiException)
            {
                // Only elastic clusters have warehouses; the service refuses the list for the others.
                warehouses = [];
            }

            rows.Add(new ClusterRow(cluster, state.ClusterState, warehouses));
        }

        return rows;
    }

    private static async Task WaitAsync(ICelerDataCloudApi api, string clusterId, string actionId, TextWriter output, CancellationToken cancellationToken)
    {
        var progress = new LineProgress(output);
        var final = await api.WaitForActionAsync(clusterId, actionId, new ActionWaitOptions { Progress = progress, Timeout = TimeSpan.FromMinutes(20) }, cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync(Invariant($"   action {actionId}: {final.InfraActionState}")).ConfigureAwait(false);
    }

    private static string Table(List<ClusterRow> rows)
    {
        var lines = new List<string[]> { new[] { "CLUSTER", "STATE", "WAREHOUSE", "STATE", "NODES" } };
        foreach (var row in rows)
        {
            var clusterCells = new[] { row.Cluster.ClusterName ?? row.Cluster.ClusterId, row.State.ToString() };
            if (row.Warehouses.Count == 0)
            {
                lines.Add([clusterCells[0], clusterCells[1], "-", string.Empty, string.Empty]);
            }

            foreach (var (warehouse, index) in row.Warehouses.Select(static (w, i) => (w, i)))
            {
                lines.Add([
                    index == 0 ? clusterCells[0] : string.Empty,
                    index == 0 ? clusterCells[1] : string.Empty,
                    (warehouse.WarehouseName ?? warehouse.WarehouseId) + (warehouse.IsDefault == true ? " (default)" : string.Empty),
                    warehouse.State?.ToString() ?? "?",
                    warehouse.NodeCount?.ToString(CultureInfo.InvariantCulture) ?? "?",
                ]);
            }
        }

        var widths = Enumerable.Range(0, 5).Select(column => lines.Max(line => line[column].Length)).ToArray();
        return string.Join(Environment.NewLine, lines.Select(line => "   " + string.Join("  ", line.Select((cell, column) => cell.PadRight(widths[column]))).TrimEnd()));
    }

    /// <summary>Shows the first four characters of a token and its length, never the rest.</summary>
    internal static string Redact(string token) =>
        token.Length <= 8
            ? Invariant($"… ({token.Length} characters)")
            : Invariant($"{token[..4]}… ({token.Length} characters)");

    private static string? Describe(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        OperationCanceledException when cancellationToken.IsCancellationRequested => "Cancelled: no answer in time, or Ctrl+C.",
        DemoFailureException or CelerDataException => exception.Message,
        OptionsValidationException validation => "The client options are not valid: " + string.Join(" ", validation.Failures),
        ApiException api => Invariant($"{api.HttpMethod} {api.Uri?.AbsolutePath} answered HTTP {(int)api.StatusCode} {api.ReasonPhrase}."),
        CelerDataActionTimeoutException timeout => timeout.Message,
        _ when Find<HttpRequestException>(exception) is { } http => "The request failed: " + http.Message,
        _ => null,
    };

    /// <summary>
    /// Finds a transport failure of an API call however it is wrapped: Refit 16 reports one as an
    /// <c>ApiRequestException</c> around the <see cref="HttpRequestException"/>. (The token cache reports its own as
    /// <see cref="CelerDataUnreachableException"/>.)
    /// </summary>
    private static T? Find<T>(Exception? exception)
        where T : Exception
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is T found)
            {
                return found;
            }
        }

        return null;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record ClusterRow(ClusterSummary Cluster, ClusterState State, IReadOnlyList<Warehouse> Warehouses);

    /// <summary>Writes one progress line per poll, as it happens (not through a synchronization context).</summary>
    private sealed class LineProgress(TextWriter output) : IProgress<ActionProgress>
    {
        public void Report(ActionProgress value) =>
            output.WriteLine(Invariant($"   … {value.State} after {value.Elapsed.TotalSeconds:F1} s (poll {value.Polls})"));
    }
}
