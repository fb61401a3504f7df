using CelerData.Generated.Runtime;

namespace CelerData.Cloud;

/// <summary>An action (suspend, resume, scale) ended <c>FAILED</c> or <c>CANCELED</c>.</summary>
public sealed class CelerDataActionFailedException : CelerDataException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="clusterId">The cluster the action ran on.</param>
    /// <param name="actionId">The action.</param>
    /// <param name="state">How it ended.</param>
    /// <param name="reason">The service's explanation (<c>err_msg</c>), if any.</param>
    public CelerDataActionFailedException(string clusterId, string actionId, InfraActionState state, string? reason)
        : base($"Action {actionId} on cluster {clusterId} ended {state}" + (string.IsNullOrEmpty(reason) ? "." : $": {reason}"))
    {
        ClusterId = clusterId;
        ActionId = actionId;
        State = state;
        Reason = reason;
    }

    /// <summary>The cluster the action ran on.</summary>
    public string ClusterId { get; }

    /// <summary>The action.</summary>
    public string ActionId { get; }

    /// <summary><see cref="InfraActionState.Failed"/> or <see cref="InfraActionState.Canceled"/>.</summary>
    public InfraActionState State { get; }

    /// <summary>The service's explanation (<c>err_msg</c>), if any.</summary>
    public string? Reason { get; }
}
