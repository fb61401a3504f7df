using System.Collections.Generic;

namespace CelerData.Emulator;

/// <summary>
/// A cluster the emulator starts with (<see cref="EmulatorOptions.Clusters"/>), or a snapshot of one
/// (<see cref="CelerDataEmulator.Clusters"/>).
/// </summary>
public sealed class EmulatorCluster
{
    /// <summary>The cluster's ID.</summary>
    public string ClusterId { get; set; } = string.Empty;

    /// <summary>The cluster's name.</summary>
    public string ClusterName { get; set; } = string.Empty;

    /// <summary>
    /// The cluster's state as the API reports it: <c>Running</c> (the default) or <c>Suspended</c>
    /// for a cluster that actions can change; any other value is reported as is.
    /// </summary>
    public string State { get; set; } = "Running";

    /// <summary>The cluster's warehouses.</summary>
    public IList<EmulatorWarehouse> Warehouses { get; } = new List<EmulatorWarehouse>();
}
