namespace CelerData.Emulator;

/// <summary>A warehouse of an <see cref="EmulatorCluster"/>.</summary>
public sealed class EmulatorWarehouse
{
    /// <summary>The warehouse's ID, unique across the emulator.</summary>
    public string WarehouseId { get; set; } = string.Empty;

    /// <summary>The warehouse's name.</summary>
    public string WarehouseName { get; set; } = string.Empty;

    /// <summary>The number of compute nodes. Defaults to 2.</summary>
    public int NodeCount { get; set; } = 2;

    /// <summary>
    /// The warehouse's state as the API reports it: <c>RUNNING</c> (the default) or <c>SUSPENDED</c>
    /// for a warehouse that actions can change; any other value is reported as is.
    /// </summary>
    public string State { get; set; } = "RUNNING";

    /// <summary>Whether this is the cluster's default warehouse, which cannot be suspended or resumed.</summary>
    public bool IsDefault { get; set; }
}
