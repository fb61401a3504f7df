namespace CelerData.Emulator;

/// <summary>How the actions the emulator starts (suspend, resume, scale) end once their duration has passed.</summary>
public enum EmulatorActionOutcome
{
    /// <summary><c>SUCCEEDED</c>, and the change takes effect.</summary>
    Succeed = 0,

    /// <summary><c>FAILED</c> with an <c>err_msg</c>; nothing changes.</summary>
    Fail,

    /// <summary><c>CANCELED</c>; nothing changes.</summary>
    Cancel,
}
