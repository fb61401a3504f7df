namespace CelerData.Emulator;

/// <summary>Which API requests a fault applies to. Diagnostics endpoints are never faulted.</summary>
public enum EmulatorFaultScope
{
    /// <summary>Every request under <c>/api/1.0/</c>.</summary>
    AllApi = 0,

    /// <summary>Requests to the token endpoint only.</summary>
    Token,

    /// <summary>Requests to the bearer-secured endpoints only.</summary>
    Resources,
}
