namespace CelerData.Cloud;

/// <summary>A warehouse with the cluster it belongs to (the warehouse alone does not name it, and actions are followed per cluster).</summary>
/// <param name="Cluster">The cluster.</param>
/// <param name="Warehouse">The warehouse.</param>
public sealed record ClusterWarehouse(ClusterSummary Cluster, Warehouse Warehouse);
