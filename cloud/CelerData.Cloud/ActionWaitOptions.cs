using System;

namespace CelerData.Cloud;

/// <summary>How <see cref="CelerDataCloudApiExtensions.WaitForActionAsync"/> polls an action's state.</summary>
public sealed class ActionWaitOptions
{
    /// <summary>The wait before the second poll (the first is immediate). Defaults to 1 second.</summary>
    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between polls; each wait doubles up to it. Defaults to 15 seconds.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long to wait for the action to end before giving up. Defaults to 30 minutes.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The clock for the waits and the timeout. Defaults to the system clock.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Told the state after every poll (for a progress line, say).</summary>
    public IProgress<ActionProgress>? Progress { get; set; }

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(TimeProvider);
        if (InitialDelay <= TimeSpan.Zero || MaxDelay < InitialDelay)
        {
            throw new ArgumentException("InitialDelay must be positive and MaxDelay at least InitialDelay.", nameof(InitialDelay));
        }

        if (Timeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("Timeout must be positive.", nameof(Timeout));
        }
    }
}
