using System;
using System.Collections.Generic;

namespace CelerData.Emulator.Internal;

/// <summary>The operations the emulator serves, named by their <c>operationId</c> in spec/celerdata-cloud.openapi.yaml.</summary>
internal static class Operations
{
    public const string CreateAccessToken = "createAccessToken";
    public const string ListClusters = "listClusters";
    public const string GetClusterState = "getClusterState";
    public const string SuspendCluster = "suspendCluster";
    public const string ResumeCluster = "resumeCluster";
    public const string DeclareDeploymentScripts = "declareDeploymentScripts";
    public const string ListWarehouses = "listWarehouses";
    public const string GetInfraActionState = "getInfraActionState";
    public const string GetWarehouse = "getWarehouse";
    public const string SuspendWarehouse = "suspendWarehouse";
    public const string ResumeWarehouse = "resumeWarehouse";
    public const string ScaleWarehouseSize = "scaleWarehouseSize";
    public const string ScaleWarehouseNum = "scaleWarehouseNum";
    public const string GetAccountUsage = "getAccountUsage";
    public const string GetClusterUsage = "getClusterUsage";
    public const string GetOrganizationClusterUsage = "getOrganizationClusterUsage";
    public const string ListBills = "listBills";
    public const string ListAccounts = "listAccounts";

    /// <summary>Every operation ID, for validating <see cref="EmulatorFaultOptions.Operation"/>.</summary>
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        CreateAccessToken, ListClusters, GetClusterState, SuspendCluster, ResumeCluster, DeclareDeploymentScripts,
        ListWarehouses, GetInfraActionState, GetWarehouse, SuspendWarehouse, ResumeWarehouse, ScaleWarehouseSize,
        ScaleWarehouseNum, GetAccountUsage, GetClusterUsage, GetOrganizationClusterUsage, ListBills, ListAccounts,
    };
}
