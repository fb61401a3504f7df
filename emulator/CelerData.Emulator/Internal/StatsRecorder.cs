using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace CelerData.Emulator.Internal;

/// <summary>Thread-safe request counters per client.</summary>
internal sealed class StatsRecorder
{
    private ConcurrentDictionary<string, ClientCounters> _clients = new(StringComparer.Ordinal);

    public void Record(string clientId, EmulatorFaultScope endpoint, int status, bool faulted)
    {
        var counters = _clients.GetOrAdd(clientId, static _ => new ClientCounters());
        if (endpoint == EmulatorFaultScope.Token)
        {
            Interlocked.Increment(ref counters.TokenRequests);
        }
        else
        {
            Interlocked.Increment(ref counters.ApiRequests);
        }

        if (faulted)
        {
            Interlocked.Increment(ref counters.FaultsInjected);
        }

        if (!faulted && status is >= 200 and < 300)
        {
            Interlocked.Increment(ref counters.Successes);
        }
        else
        {
            Interlocked.Increment(ref counters.Failures);
            counters.FailuresByStatus.AddOrUpdate(status, 1, static (_, count) => count + 1);
        }
    }

    public EmulatorStats Snapshot()
    {
        var clients = new SortedDictionary<string, EmulatorClientStats>(StringComparer.Ordinal);
        foreach (var (clientId, counters) in _clients)
        {
            clients[clientId] = new EmulatorClientStats
            {
                TokenRequests = Interlocked.Read(ref counters.TokenRequests),
                ApiRequests = Interlocked.Read(ref counters.ApiRequests),
                Successes = Interlocked.Read(ref counters.Successes),
                Failures = Interlocked.Read(ref counters.Failures),
                FaultsInjected = Interlocked.Read(ref counters.FaultsInjected),
                FailuresByStatus = new SortedDictionary<int, long>(counters.FailuresByStatus),
            };
        }

        return new EmulatorStats
        {
            TokenRequests = clients.Values.Sum(static c => c.TokenRequests),
            ApiRequests = clients.Values.Sum(static c => c.ApiRequests),
            Clients = clients,
        };
    }

    public void Reset() => Interlocked.Exchange(ref _clients, new(StringComparer.Ordinal));

    // Fields rather than properties, so that Interlocked can update them.
    private sealed class ClientCounters
    {
        public long TokenRequests;
        public long ApiRequests;
        public long Successes;
        public long Failures;
        public long FaultsInjected;
        public ConcurrentDictionary<int, long> FailuresByStatus { get; } = new();
    }
}
