using System;
using System.Collections.Generic;
using System.Globalization;

namespace CelerData.Emulator;

/// <summary>
/// The faults the emulator injects. <see cref="Latency"/> delays every request in
/// <see cref="Scope"/>; <see cref="Kind"/> replaces responses, limited by <see cref="Count"/> and
/// <see cref="Rate"/>.
/// </summary>
public sealed class EmulatorFaultOptions
{
    /// <summary>Delay before each request in <see cref="Scope"/> is handled, measured on the emulator's <see cref="TimeProvider"/>.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>The failure to inject; <see cref="EmulatorFaultKind.None"/> to answer normally.</summary>
    public EmulatorFaultKind Kind { get; set; }

    /// <summary>
    /// How many of the next requests in <see cref="Scope"/> get <see cref="Kind"/>; <see langword="null"/> for all of them.
    /// When read back from a running emulator, the number still to come.
    /// </summary>
    public int? Count { get; set; }

    /// <summary>The fraction (0 to 1) of requests in <see cref="Scope"/> that get <see cref="Kind"/>. Defaults to 1.</summary>
    public double Rate { get; set; } = 1.0;

    /// <summary>The <c>Retry-After</c> value, in seconds, sent with <see cref="EmulatorFaultKind.TooManyRequests"/>. Defaults to 1.</summary>
    public int RetryAfterSeconds { get; set; } = 1;

    /// <summary>The requests the faults apply to. Defaults to every API request.</summary>
    public EmulatorFaultScope Scope { get; set; }

    /// <summary>
    /// The one operation the faults and latency apply to, by its <c>operationId</c> in the spec (for
    /// example <c>suspendWarehouse</c>); <see langword="null"/> (the default) for every operation in <see cref="Scope"/>.
    /// </summary>
    public string? Operation { get; set; }

    /// <summary>Returns a copy of these options.</summary>
    /// <returns>An independent copy.</returns>
    public EmulatorFaultOptions Clone() => new()
    {
        Latency = Latency,
        Kind = Kind,
        Count = Count,
        Rate = Rate,
        RetryAfterSeconds = RetryAfterSeconds,
        Scope = Scope,
        Operation = Operation,
    };

    /// <summary>Lists what is wrong with these options.</summary>
    /// <returns>One message per problem; empty when the options are valid.</returns>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Latency < TimeSpan.Zero)
        {
            errors.Add("Faults:Latency must not be negative.");
        }

        if (!Enum.IsDefined(Kind))
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"Faults:Kind {(int)Kind} is not a known fault kind."));
        }

        if (!Enum.IsDefined(Scope))
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"Faults:Scope {(int)Scope} is not a known scope."));
        }

        if (Count < 0)
        {
            errors.Add("Faults:Count must not be negative.");
        }

        if (double.IsNaN(Rate) || Rate < 0 || Rate > 1)
        {
            errors.Add("Faults:Rate must be between 0 and 1.");
        }

        if (Operation is not null && !Internal.Operations.All.Contains(Operation))
        {
            errors.Add($"Faults:Operation '{Operation}' is not an operationId of the CelerData Cloud API.");
        }

        if (RetryAfterSeconds < 0)
        {
            errors.Add("Faults:RetryAfterSeconds must not be negative.");
        }

        return errors;
    }
}
