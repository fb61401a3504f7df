using System.Collections.Generic;

namespace CelerData.Emulator;

/// <summary>A snapshot of the requests an emulator has seen since it started or was last reset.</summary>
public sealed class EmulatorStats
{
    /// <summary>The client key for API requests that carry no credentials at all.</summary>
    public const string AnonymousClient = "(anonymous)";

    /// <summary>The client key for API requests whose Basic client ID or bearer token the emulator does not know.</summary>
    public const string UnknownClient = "(unknown)";

    /// <summary>Requests to the token endpoint, every verb and outcome.</summary>
    public long TokenRequests { get; init; }

    /// <summary>Requests to the bearer-secured endpoints, every outcome.</summary>
    public long ApiRequests { get; init; }

    /// <summary>
    /// The counts per client, keyed by client ID, or by <see cref="AnonymousClient"/> or
    /// <see cref="UnknownClient"/>.
    /// </summary>
    public IReadOnlyDictionary<string, EmulatorClientStats> Clients { get; init; } = new Dictionary<string, EmulatorClientStats>();

    /// <summary>The counts of one client; all zero when it has made no request.</summary>
    /// <param name="clientId">The client ID, <see cref="AnonymousClient"/> or <see cref="UnknownClient"/>.</param>
    /// <returns>The client's counts.</returns>
    public EmulatorClientStats ForClient(string clientId) =>
        Clients.TryGetValue(clientId, out var stats) ? stats : new EmulatorClientStats();
}
