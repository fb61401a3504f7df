using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace CelerData.Emulator.Internal;

/// <summary>
/// The clusters, warehouses and actions of one emulator. Actions end when their duration has passed on
/// the emulator's clock; every read settles the actions that are due first, so no timer is needed.
/// </summary>
internal sealed class CloudState
{
    public const string Ongoing = "ONGOING";
    public const string Succeeded = "SUCCEEDED";
    public const string Failed = "FAILED";
    public const string Canceled = "CANCELED";
    public const string ClusterRunning = "Running";
    public const string ClusterSuspended = "Suspended";
    public const string ClusterSuspending = "Suspending";
    public const string ClusterResuming = "Resuming";
    public const string WarehouseRunning = "RUNNING";
    public const string WarehouseSuspended = "SUSPENDED";
    public const string FailureMessage = "The emulator was told to fail this action.";

    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly List<Cluster> _clusters;
    private readonly Dictionary<string, Action> _actions = new(StringComparer.Ordinal);
    private readonly TimeSpan _actionDuration;
    private EmulatorActionOutcome _outcome;

    public CloudState(IEnumerable<EmulatorCluster> seed, TimeProvider time, TimeSpan actionDuration, EmulatorActionOutcome outcome)
    {
        _time = time;
        _actionDuration = actionDuration;
        _outcome = outcome;
        _clusters = [.. seed.Select(static c => new Cluster(c.ClusterId, c.ClusterName, c.State, [.. c.Warehouses.Select(static w => new Warehouse(w.WarehouseId, w.WarehouseName, w.NodeCount, w.State, w.IsDefault))]))];
    }

    public void SetOutcome(EmulatorActionOutcome outcome)
    {
        lock (_gate)
        {
            _outcome = outcome;
        }
    }

    public IReadOnlyList<EmulatorCluster> Snapshot()
    {
        lock (_gate)
        {
            Settle();
            return [.. _clusters.Select(static c => c.ToPublic())];
        }
    }

    public IReadOnlyList<(string Id, string Name)> ClusterNames()
    {
        lock (_gate)
        {
            return [.. _clusters.Select(static c => (c.Id, c.Name))];
        }
    }

    public ClusterStateData? StateOf(string clusterId)
    {
        lock (_gate)
        {
            Settle();
            return Find(clusterId) is { } cluster ? new ClusterStateData(cluster.State, null) : null;
        }
    }

    public WarehouseList? WarehousesOf(string clusterId)
    {
        lock (_gate)
        {
            Settle();
            return Find(clusterId) is { } cluster
                ? new WarehouseList(cluster.Warehouses.Count, [.. cluster.Warehouses.Select(static w => w.ToWire())])
                : null;
        }
    }

    public WarehouseData? WarehouseById(string warehouseId)
    {
        lock (_gate)
        {
            Settle();
            return FindWarehouse(warehouseId) is { } found ? found.Warehouse.ToWire() : null;
        }
    }

    public InfraActionStateData? ActionState(string clusterId, string actionId)
    {
        lock (_gate)
        {
            Settle();
            return _actions.TryGetValue(actionId, out var action) && string.Equals(action.ClusterId, clusterId, StringComparison.Ordinal)
                ? new InfraActionStateData(action.State, action.State == Failed ? FailureMessage : null)
                : null;
        }
    }

    public bool ClusterExists(string clusterId)
    {
        lock (_gate)
        {
            return Find(clusterId) is not null;
        }
    }

    public ActionResult SuspendCluster(string clusterId) => ChangeCluster(clusterId, ClusterRunning, ClusterSuspending, ActionKind.SuspendCluster);

    public ActionResult ResumeCluster(string clusterId) => ChangeCluster(clusterId, ClusterSuspended, ClusterResuming, ActionKind.ResumeCluster);

    public ActionResult SuspendWarehouse(string warehouseId) => ChangeWarehouse(warehouseId, ActionKind.SuspendWarehouse, WarehouseRunning, null);

    public ActionResult ResumeWarehouse(string warehouseId) => ChangeWarehouse(warehouseId, ActionKind.ResumeWarehouse, WarehouseSuspended, null);

    public ActionResult ScaleWarehouseNum(string warehouseId, int nodeCount) =>
        ChangeWarehouse(warehouseId, ActionKind.ScaleNum, WarehouseRunning, nodeCount.ToString(CultureInfo.InvariantCulture));

    public ActionResult ScaleWarehouseSize(string warehouseId) => ChangeWarehouse(warehouseId, ActionKind.ScaleSize, WarehouseRunning, null);

    private ActionResult ChangeCluster(string clusterId, string from, string during, ActionKind kind)
    {
        lock (_gate)
        {
            Settle();
            if (Find(clusterId) is not { } cluster)
            {
                return ActionResult.NotFound("The cluster does not exist.");
            }

            if (cluster.PendingAction is not null)
            {
                return ActionResult.Conflict("An action is already running on the cluster.");
            }

            if (cluster.State != from)
            {
                return ActionResult.Conflict($"The cluster is {cluster.State}; it must be {from}.");
            }

            cluster.State = during;
            var action = Start(kind, cluster, null, null);
            cluster.PendingAction = action.Id;
            return ActionResult.Started(action.Id);
        }
    }

    private ActionResult ChangeWarehouse(string warehouseId, ActionKind kind, string requiredState, string? argument)
    {
        lock (_gate)
        {
            Settle();
            if (FindWarehouse(warehouseId) is not { } found)
            {
                return ActionResult.NotFound("The warehouse does not exist.");
            }

            var (cluster, warehouse) = found;

            if (warehouse.IsDefault && kind is ActionKind.SuspendWarehouse or ActionKind.ResumeWarehouse)
            {
                return ActionResult.BadRequest("The default warehouse cannot be suspended or resumed.");
            }

            if (cluster.State != ClusterRunning || cluster.PendingAction is not null)
            {
                return ActionResult.Conflict($"The warehouse's cluster is {cluster.State}; it must be {ClusterRunning} with no action running.");
            }

            if (warehouse.PendingAction is not null)
            {
                return ActionResult.Conflict("An action is already running on the warehouse.");
            }

            if (warehouse.State != requiredState)
            {
                return ActionResult.Conflict($"The warehouse is {warehouse.State}; it must be {requiredState}.");
            }

            var action = Start(kind, cluster, warehouse, argument);
            warehouse.PendingAction = action.Id;
            return ActionResult.Started(action.Id);
        }
    }

    private Action Start(ActionKind kind, Cluster cluster, Warehouse? warehouse, string? argument)
    {
        var action = new Action(Guid.NewGuid().ToString(), kind, cluster, warehouse, argument, _time.GetUtcNow() + _actionDuration, _outcome);
        _actions.Add(action.Id, action);
        return action;
    }

    private void Settle()
    {
        var now = _time.GetUtcNow();
        foreach (var action in _actions.Values)
        {
            if (action.State == Ongoing && now >= action.CompletesAt)
            {
                action.Complete();
            }
        }
    }

    private Cluster? Find(string clusterId) => _clusters.Find(c => string.Equals(c.Id, clusterId, StringComparison.Ordinal));

    private (Cluster Cluster, Warehouse Warehouse)? FindWarehouse(string warehouseId)
    {
        foreach (var cluster in _clusters)
        {
            foreach (var warehouse in cluster.Warehouses)
            {
                if (string.Equals(warehouse.Id, warehouseId, StringComparison.Ordinal))
                {
                    return (cluster, warehouse);
                }
            }
        }

        return null;
    }

    private enum ActionKind
    {
        SuspendCluster,
        ResumeCluster,
        SuspendWarehouse,
        ResumeWarehouse,
        ScaleNum,
        ScaleSize,
    }

    private sealed class Cluster(string id, string name, string state, List<Warehouse> warehouses)
    {
        public string Id { get; } = id;

        public string Name { get; } = name;

        public string State { get; set; } = state;

        public List<Warehouse> Warehouses { get; } = warehouses;

        public string? PendingAction { get; set; }

        public EmulatorCluster ToPublic()
        {
            var copy = new EmulatorCluster { ClusterId = Id, ClusterName = Name, State = State };
            foreach (var warehouse in Warehouses)
            {
                copy.Warehouses.Add(new EmulatorWarehouse
                {
                    WarehouseId = warehouse.Id,
                    WarehouseName = warehouse.Name,
                    NodeCount = warehouse.NodeCount,
                    State = warehouse.State,
                    IsDefault = warehouse.IsDefault,
                });
            }

            return copy;
        }
    }

    private sealed class Warehouse(string id, string name, int nodeCount, string state, bool isDefault)
    {
        public string Id { get; } = id;

        public string Name { get; } = name;

        public int NodeCount { get; set; } = nodeCount;

        public string State { get; set; } = state;

        public bool IsDefault { get; } = isDefault;

        public string? PendingAction { get; set; }

        public WarehouseData ToWire() => new(Id, Name, NodeCount, State, IsDefault);
    }

    private sealed class Action(string id, ActionKind kind, Cluster cluster, Warehouse? warehouse, string? argument, DateTimeOffset completesAt, EmulatorActionOutcome outcome)
    {
        public string Id { get; } = id;

        public string ClusterId => cluster.Id;

        public DateTimeOffset CompletesAt { get; } = completesAt;

        public string State { get; private set; } = Ongoing;

        public void Complete()
        {
            var succeeded = outcome == EmulatorActionOutcome.Succeed;
            State = outcome switch
            {
                EmulatorActionOutcome.Fail => Failed,
                EmulatorActionOutcome.Cancel => Canceled,
                _ => Succeeded,
            };
            switch (kind)
            {
                case ActionKind.SuspendCluster:
                    cluster.State = succeeded ? ClusterSuspended : ClusterRunning;
                    break;
                case ActionKind.ResumeCluster:
                    cluster.State = succeeded ? ClusterRunning : ClusterSuspended;
                    break;
                case ActionKind.SuspendWarehouse when succeeded:
                    warehouse!.State = WarehouseSuspended;
                    break;
                case ActionKind.ResumeWarehouse when succeeded:
                    warehouse!.State = WarehouseRunning;
                    break;
                case ActionKind.ScaleNum when succeeded:
                    warehouse!.NodeCount = int.Parse(argument!, CultureInfo.InvariantCulture);
                    break;
            }

            if (warehouse is null)
            {
                cluster.PendingAction = null;
            }
            else
            {
                warehouse.PendingAction = null;
            }
        }
    }
}

/// <summary>What starting an action gave: its ID, or the envelope code and message of the refusal.</summary>
internal readonly record struct ActionResult(string? ActionId, int Code, string Message)
{
    public static ActionResult Started(string actionId) => new(actionId, EnvelopeCodes.Success, EnvelopeCodes.SuccessMessage);

    public static ActionResult NotFound(string message) => new(null, EnvelopeCodes.NotFound, message);

    public static ActionResult Conflict(string message) => new(null, EnvelopeCodes.Conflict, message);

    public static ActionResult BadRequest(string message) => new(null, EnvelopeCodes.BadRequest, message);
}
