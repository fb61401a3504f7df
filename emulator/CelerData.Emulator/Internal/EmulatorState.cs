using System;
using System.Collections.Generic;
using Microsoft.Extensions.Logging;

namespace CelerData.Emulator.Internal;

/// <summary>Everything one emulator instance knows; shared by its endpoints and its in-process handle.</summary>
internal sealed class EmulatorState
{
    public EmulatorState(EmulatorOptions options, ILogger logger)
    {
        TimeProvider = options.TimeProvider;
        Clients = options.EffectiveClients();
        ExpiresInSeconds = options.ExpiresInSeconds;
        RateLimitPerMinute = options.RateLimitPerMinute;
        AccountId = options.AccountId;
        AccountName = options.AccountName;
        Logger = logger;
        Tokens = new TokenStore(TimeProvider, TimeSpan.FromSeconds(options.ExpiresInSeconds));
        RateLimiter = new ClientRateLimiter(TimeProvider, options.RateLimitPerMinute);
        Faults = new FaultState(options.Faults);
        Cloud = new CloudState(options.EffectiveClusters(), TimeProvider, options.ActionDuration, options.ActionOutcome);
    }

    public TimeProvider TimeProvider { get; }

    public IReadOnlyList<EmulatorClient> Clients { get; }

    public int ExpiresInSeconds { get; }

    public int RateLimitPerMinute { get; }

    public string AccountId { get; }

    public string AccountName { get; }

    public CloudState Cloud { get; }

    public ILogger Logger { get; }

    public TokenStore Tokens { get; }

    public ClientRateLimiter RateLimiter { get; }

    public FaultState Faults { get; }

    public StatsRecorder Stats { get; } = new();

    public void SetFaults(EmulatorFaultOptions faults)
    {
        Faults.Set(faults);
        Log.FaultsChanged(Logger, faults.Kind, faults.Count, faults.Rate, faults.Latency, faults.Scope);
    }

    public void Reset()
    {
        Stats.Reset();
        RateLimiter.Reset();
        Faults.Clear();
        Log.StateReset(Logger);
    }

    public bool IsKnownClient(string clientId)
    {
        foreach (var client in Clients)
        {
            if (string.Equals(client.ClientId, clientId, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
