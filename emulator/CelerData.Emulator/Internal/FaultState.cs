using System;

namespace CelerData.Emulator.Internal;

/// <summary>The faults in force, changeable at run time; hands out one fault per request.</summary>
internal sealed class FaultState
{
    private readonly object _gate = new();
    private EmulatorFaultOptions _faults;

    public FaultState(EmulatorFaultOptions initial) => _faults = initial.Clone();

    public EmulatorFaultOptions Current
    {
        get
        {
            lock (_gate)
            {
                return _faults.Clone();
            }
        }
    }

    public void Set(EmulatorFaultOptions faults)
    {
        var errors = faults.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(faults));
        }

        lock (_gate)
        {
            _faults = faults.Clone();
        }
    }

    public void Clear() => Set(new EmulatorFaultOptions());

    public TimeSpan LatencyFor(EmulatorFaultScope target, string? operation)
    {
        lock (_gate)
        {
            return Applies(target, operation) ? _faults.Latency : TimeSpan.Zero;
        }
    }

    /// <summary>Decides whether this request gets a fault, and consumes one of <see cref="EmulatorFaultOptions.Count"/> if so.</summary>
    public (EmulatorFaultKind Kind, int RetryAfterSeconds) Take(EmulatorFaultScope target, string? operation)
    {
        lock (_gate)
        {
            if (_faults.Kind == EmulatorFaultKind.None
                || !Applies(target, operation)
                || _faults.Count <= 0
                || (_faults.Rate < 1.0 && Random.Shared.NextDouble() >= _faults.Rate))
            {
                return (EmulatorFaultKind.None, 0);
            }

            if (_faults.Count is { } remaining)
            {
                _faults.Count = remaining - 1;
            }

            return (_faults.Kind, _faults.RetryAfterSeconds);
        }
    }

    private bool Applies(EmulatorFaultScope target, string? operation) =>
        (_faults.Scope == EmulatorFaultScope.AllApi || _faults.Scope == target)
        && (_faults.Operation is null || string.Equals(_faults.Operation, operation, StringComparison.Ordinal));
}
