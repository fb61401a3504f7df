using System;

namespace CelerData.Generated.Runtime;

/// <summary>Settings of the shared token cache that <c>AddCelerDataDistributedTokenCache</c> adds to a client.</summary>
public sealed class CelerDataDistributedTokenCacheOptions
{
    /// <summary>Prefix of the cache and lock keys. <c>celerdata:token:</c> by default.</summary>
    public string KeyPrefix { get; set; } = "celerdata:token:";

    /// <summary>
    /// How long the fleet-wide lock lasts without renewal. The process that fetches renews it while its fetch runs
    /// (which <see cref="CelerDataClientOptions.TokenFetchTimeout"/> bounds), so this bounds only how long a process that
    /// died while fetching keeps the others waiting. 10 seconds by default.
    /// </summary>
    public TimeSpan LockExpiry { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often a waiting process looks for the token another process is fetching. 50 ms by default.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>The longest a single call to the shared cache or the lock may take before the process falls back to its own fetch. 2 seconds by default.</summary>
    public TimeSpan StoreTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>After the shared cache failed, how long the process fetches its own tokens before it tries the cache again. 30 seconds by default.</summary>
    public TimeSpan RetryStoreAfter { get; set; } = TimeSpan.FromSeconds(30);

    internal void Validate()
    {
        if (string.IsNullOrEmpty(KeyPrefix))
        {
            throw new ArgumentException("KeyPrefix must be set.", nameof(KeyPrefix));
        }

        foreach (var (value, name) in new[] { (LockExpiry, nameof(LockExpiry)), (PollInterval, nameof(PollInterval)), (StoreTimeout, nameof(StoreTimeout)) })
        {
            if (value <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(name, value, name + " must be positive.");
            }
        }

        if (RetryStoreAfter < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(RetryStoreAfter), RetryStoreAfter, "RetryStoreAfter must not be negative.");
        }
    }

    internal CelerDataDistributedTokenCacheOptions Clone() => (CelerDataDistributedTokenCacheOptions)MemberwiseClone();
}
