namespace CelerData.Generated.Runtime;

/// <summary>
/// Names to subscribe to the runtime's telemetry with OpenTelemetry (<c>AddSource</c> and <c>AddMeter</c>) or any
/// <see cref="System.Diagnostics.ActivityListener"/> and <see cref="System.Diagnostics.Metrics.MeterListener"/>.
/// </summary>
public static class CelerDataTelemetry
{
    /// <summary>The name of both the <see cref="System.Diagnostics.ActivitySource"/> and the <see cref="System.Diagnostics.Metrics.Meter"/>.</summary>
    public const string SourceName = "CelerData.Generated.Runtime";
}
