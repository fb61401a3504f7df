using System.Collections.Generic;

namespace CelerData.Emulator;

/// <summary>The requests of one client, as counted by the emulator.</summary>
public sealed class EmulatorClientStats
{
    /// <summary>Requests to the token endpoint.</summary>
    public long TokenRequests { get; init; }

    /// <summary>Requests to the bearer-secured endpoints.</summary>
    public long ApiRequests { get; init; }

    /// <summary>Requests answered with a 2xx status and no injected fault.</summary>
    public long Successes { get; init; }

    /// <summary>Requests answered with another status, or with an injected fault.</summary>
    public long Failures { get; init; }

    /// <summary>Requests that got an injected fault (also counted in <see cref="Failures"/>).</summary>
    public long FaultsInjected { get; init; }

    /// <summary>
    /// <see cref="Failures"/> by HTTP status; injected faults that send no status line
    /// (a connection reset) count under 0.
    /// </summary>
    public IReadOnlyDictionary<int, long> FailuresByStatus { get; init; } = new Dictionary<int, long>();
}
