using CelerData.Generated.Runtime;
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace CelerData.Cloud;

/// <summary>What users of the CelerData Cloud API need on top of its operations: waiting for actions, and whole lists.</summary>
public static class CelerDataCloudApiExtensions
{
    /// <summary>The most days one usage request may cover (the API allows the end 31 days after the start).</summary>
    public const int MaxUsageDays = 32;

    /// <summary>
    /// Waits until an action (from suspend, resume or scale) has ended: polls its state at once, then after
    /// <see cref="ActionWaitOptions.InitialDelay"/>, each wait doubling up to <see cref="ActionWaitOptions.MaxDelay"/>.
    /// </summary>
    /// <param name="api">The client.</param>
    /// <param name="clusterId">The cluster the action runs on (for a warehouse action, the warehouse's cluster).</param>
    /// <param name="actionId">The <c>action_id</c> the suspend, resume or scale call returned.</param>
    /// <param name="options">Delays, timeout, clock and progress; the defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the wait (the action itself goes on).</param>
    /// <returns>The final state, <see cref="InfraActionState.Succeeded"/>.</returns>
    /// <exception cref="CelerDataActionFailedException">The action ended <c>FAILED</c> or <c>CANCELED</c>.</exception>
    /// <exception cref="CelerDataActionTimeoutException">The action was still going when the timeout ran out.</exception>
    /// <exception cref="CelerDataApiException">The service answered a failure code (40004: no such cluster or action).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<InfraActionStateData> WaitForActionAsync(
        this ICelerDataCloudApi api,
        string clusterId,
        string actionId,
        ActionWaitOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentException.ThrowIfNullOrEmpty(clusterId);
        ArgumentException.ThrowIfNullOrEmpty(actionId);
        options ??= new ActionWaitOptions();
        options.Validate();

        var time = options.TimeProvider;
        var started = time.GetTimestamp();
        var delay = options.InitialDelay;
        for (var polls = 1; ; polls++)
        {
            var data = await api.GetInfraActionStateAsync(clusterId, actionId, cancellationToken).ConfigureAwait(false);
            var elapsed = time.GetElapsedTime(started);
            options.Progress?.Report(new ActionProgress(actionId, data.InfraActionState, polls, elapsed));
            // A state the spec does not list (one the service added later) is polled on like ONGOING.
            switch (data.InfraActionState.Known)
            {
                case InfraActionState.KnownValue.Succeeded:
                    return data;
                case InfraActionState.KnownValue.Failed:
                case InfraActionState.KnownValue.Canceled:
                    throw new CelerDataActionFailedException(clusterId, actionId, data.InfraActionState, data.ErrMsg);
            }

            var remaining = options.Timeout - elapsed;
            if (remaining <= TimeSpan.Zero)
            {
                throw new CelerDataActionTimeoutException(clusterId, actionId, options.Timeout);
            }

            await Task.Delay(delay < remaining ? delay : remaining, time, cancellationToken).ConfigureAwait(false);
            delay = delay * 2 < options.MaxDelay ? delay * 2 : options.MaxDelay;
        }
    }

    /// <summary>Every cluster of the account (the API answers them all at once).</summary>
    /// <param name="api">The client.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The clusters.</returns>
    /// <exception cref="CelerDataApiException">The service answered a failure code.</exception>
    public static async Task<IReadOnlyList<ClusterSummary>> GetClustersAsync(this ICelerDataCloudApi api, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(api);
        return (await api.ListClustersAsync(cancellationToken).ConfigureAwait(false)).List;
    }

    /// <summary>Every warehouse of a cluster.</summary>
    /// <param name="api">The client.</param>
    /// <param name="clusterId">The cluster.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The warehouses.</returns>
    /// <exception cref="CelerDataApiException">The service answered a failure code (<see cref="CelerDataNotFoundException"/> for 40004: no such cluster).</exception>
    public static async Task<IReadOnlyList<Warehouse>> GetWarehousesAsync(this ICelerDataCloudApi api, string clusterId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentException.ThrowIfNullOrEmpty(clusterId);
        return (await api.ListWarehousesAsync(clusterId, cancellationToken).ConfigureAwait(false)).List;
    }

    /// <summary>Every warehouse of every cluster, with its cluster: one request for the clusters, then one per cluster as the enumeration reaches it.</summary>
    /// <param name="api">The client.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The warehouses, cluster by cluster in the order the API lists them.</returns>
    /// <exception cref="CelerDataApiException">The service answered a failure code.</exception>
    public static async IAsyncEnumerable<ClusterWarehouse> EnumerateWarehousesAsync(this ICelerDataCloudApi api, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(api);
        foreach (var cluster in await api.GetClustersAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (var warehouse in await api.GetWarehousesAsync(cluster.ClusterId, cancellationToken).ConfigureAwait(false))
            {
                yield return new ClusterWarehouse(cluster, warehouse);
            }
        }
    }

    /// <summary>
    /// The account's CCU usage of each day from <paramref name="from"/> to <paramref name="to"/>, any number of days:
    /// one request per <see cref="MaxUsageDays"/> days, made as the enumeration reaches them.
    /// </summary>
    /// <param name="api">The client.</param>
    /// <param name="from">The first day.</param>
    /// <param name="to">The last day, not before <paramref name="from"/>.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The usage of each day the service reports, in order.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="to"/> is before <paramref name="from"/>.</exception>
    /// <exception cref="CelerDataApiException">The service answered a failure code.</exception>
    public static async IAsyncEnumerable<DailyUsage> EnumerateAccountUsageAsync(this ICelerDataCloudApi api, DateOnly from, DateOnly to, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentOutOfRangeException.ThrowIfLessThan(to, from);
        for (var start = from; start <= to; start = start.AddDays(MaxUsageDays))
        {
            var end = start.AddDays(MaxUsageDays - 1) < to ? start.AddDays(MaxUsageDays - 1) : to;
            var usage = await api.GetAccountUsageAsync(Day(start), Day(end), true, cancellationToken).ConfigureAwait(false);
            foreach (var day in usage.Details ?? [])
            {
                yield return day;
            }
        }
    }

    private static string Day(DateOnly day) => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
