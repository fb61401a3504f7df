using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace CelerData.Emulator.Internal;

/// <summary>The clusters, warehouses and actions operations: reads and the actions that change them.</summary>
internal static class ResourceEndpoints
{
    public static Task ListClustersAsync(HttpContext context, EmulatorState state)
    {
        var clusters = state.Cloud.ClusterNames();
        return Envelopes.SuccessAsync(
            context,
            new ClusterList(clusters.Count, [.. clusters.Select(static c => new ClusterSummary(c.Id, c.Name))]),
            EmulatorJsonContext.Default.EnvelopeClusterList);
    }

    public static Task GetClusterStateAsync(HttpContext context, EmulatorState state) =>
        state.Cloud.StateOf(Envelopes.Route(context, "cluster_id")) is { } data
            ? Envelopes.SuccessAsync(context, data, EmulatorJsonContext.Default.EnvelopeClusterStateData)
            : Envelopes.NotFoundAsync(context, "cluster");

    public static Task SuspendClusterAsync(HttpContext context, EmulatorState state) =>
        Envelopes.ActionAsync(context, state.Cloud.SuspendCluster(Envelopes.Route(context, "cluster_id")));

    public static Task ResumeClusterAsync(HttpContext context, EmulatorState state) =>
        Envelopes.ActionAsync(context, state.Cloud.ResumeCluster(Envelopes.Route(context, "cluster_id")));

    public static async Task DeclareDeploymentScriptsAsync(HttpContext context, EmulatorState state)
    {
        if (!state.Cloud.ClusterExists(Envelopes.Route(context, "cluster_id")))
        {
            await Envelopes.NotFoundAsync(context, "cluster");
            return;
        }

        var body = await Envelopes.ReadBodyAsync(context, EmulatorJsonContext.Default.DeploymentScriptsBody);
        if (body?.Scripts is not { Count: > 0 } scripts || scripts.Any(static s => string.IsNullOrWhiteSpace(s?.ScriptPath)))
        {
            await Envelopes.BadRequestAsync(context, "The body must be a JSON object with a non-empty \"scripts\" list, each with a \"script_path\".");
            return;
        }

        if (body.Timeout is <= 0)
        {
            await Envelopes.BadRequestAsync(context, "\"timeout\" must be positive.");
            return;
        }

        await Envelopes.EmptySuccessAsync(context);
    }

    public static Task ListWarehousesAsync(HttpContext context, EmulatorState state) =>
        state.Cloud.WarehousesOf(Envelopes.Route(context, "cluster_id")) is { } data
            ? Envelopes.SuccessAsync(context, data, EmulatorJsonContext.Default.EnvelopeWarehouseList)
            : Envelopes.NotFoundAsync(context, "cluster");

    public static Task GetInfraActionStateAsync(HttpContext context, EmulatorState state)
    {
        var clusterId = Envelopes.Route(context, "cluster_id");
        var orderId = context.Request.Query["order_id"].ToString();
        if (orderId.Length == 0)
        {
            return Envelopes.BadRequestAsync(context, "order_id is required.");
        }

        if (!state.Cloud.ClusterExists(clusterId))
        {
            return Envelopes.NotFoundAsync(context, "cluster");
        }

        return state.Cloud.ActionState(clusterId, orderId) is { } data
            ? Envelopes.SuccessAsync(context, data, EmulatorJsonContext.Default.EnvelopeInfraActionStateData)
            : Envelopes.NotFoundAsync(context, "action");
    }

    public static Task GetWarehouseAsync(HttpContext context, EmulatorState state) =>
        state.Cloud.WarehouseById(Envelopes.Route(context, "warehouse_id")) is { } data
            ? Envelopes.SuccessAsync(context, data, EmulatorJsonContext.Default.EnvelopeWarehouseData)
            : Envelopes.NotFoundAsync(context, "warehouse");

    public static Task SuspendWarehouseAsync(HttpContext context, EmulatorState state) =>
        Envelopes.ActionAsync(context, state.Cloud.SuspendWarehouse(Envelopes.Route(context, "warehouse_id")));

    public static Task ResumeWarehouseAsync(HttpContext context, EmulatorState state) =>
        Envelopes.ActionAsync(context, state.Cloud.ResumeWarehouse(Envelopes.Route(context, "warehouse_id")));

    public static async Task ScaleWarehouseSizeAsync(HttpContext context, EmulatorState state)
    {
        var warehouseId = Envelopes.Route(context, "warehouse_id");
        var body = await Envelopes.ReadBodyAsync(context, EmulatorJsonContext.Default.ScaleSizeBody);
        if (string.IsNullOrWhiteSpace(body?.VmCate))
        {
            await Envelopes.BadRequestAsync(context, "The body must be a JSON object with a non-empty \"vm_cate\".");
            return;
        }

        await Envelopes.ActionAsync(context, state.Cloud.ScaleWarehouseSize(warehouseId));
    }

    public static async Task ScaleWarehouseNumAsync(HttpContext context, EmulatorState state)
    {
        var warehouseId = Envelopes.Route(context, "warehouse_id");
        var body = await Envelopes.ReadBodyAsync(context, EmulatorJsonContext.Default.ScaleNumBody);
        if (body?.VmNum is not (>= 1 and var nodeCount))
        {
            await Envelopes.BadRequestAsync(context, "The body must be a JSON object with \"vm_num\" of at least 1.");
            return;
        }

        await Envelopes.ActionAsync(context, state.Cloud.ScaleWarehouseNum(warehouseId, nodeCount));
    }
}
