using System;

namespace CelerData.Cloud;

/// <summary>An action was still <c>ONGOING</c> when <see cref="ActionWaitOptions.Timeout"/> ran out.</summary>
public sealed class CelerDataActionTimeoutException : TimeoutException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="clusterId">The cluster the action runs on.</param>
    /// <param name="actionId">The action.</param>
    /// <param name="timeout">How long the wait lasted.</param>
    public CelerDataActionTimeoutException(string clusterId, string actionId, TimeSpan timeout)
        : base($"Action {actionId} on cluster {clusterId} was still ongoing after {timeout}.")
    {
        ClusterId = clusterId;
        ActionId = actionId;
        Timeout = timeout;
    }

    /// <summary>The cluster the action runs on.</summary>
    public string ClusterId { get; }

    /// <summary>The action.</summary>
    public string ActionId { get; }

    /// <summary>How long the wait lasted.</summary>
    public TimeSpan Timeout { get; }
}
