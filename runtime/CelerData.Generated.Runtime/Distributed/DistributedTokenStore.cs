using System;
using System.Globalization;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Caching.Distributed;

namespace CelerData.Generated.Runtime;

/// <summary>
/// Shares one client's tokens with every process that uses the same base address and credentials, through a
/// <see cref="IDistributedCache"/> (the client's <see cref="CelerDataTokenCache"/> is the in-memory level in front of
/// it, with its own single-flight fetch; HybridCache is not used because it is not trim- or AOT-safe,
/// dotnet/extensions#5624). A process that finds no fresh token takes the fleet-wide lock (when an
/// <see cref="ICelerDataTokenLock"/> is given), looks again, and only then fetches and publishes; the others wait for
/// what the holder publishes, for as long as the caller's fetch timeout allows: the token, or the record that the
/// token endpoint refused the credentials, which they answer with the same typed exception. Whenever the cache or the
/// lock fails or is slow, the process logs a warning and fetches its own token: sharing saves requests, it is never
/// needed to get a token.
/// </summary>
internal sealed class DistributedTokenStore
{
    private static readonly TimeSpan MinimumRemaining = TimeSpan.FromSeconds(2);
    private readonly IDistributedCache _cache;
    private readonly ICelerDataTokenLock? _lock;
    private readonly CelerDataDistributedTokenCacheOptions _options;
    private long _storeFailedAtTicks = long.MinValue;

    public DistributedTokenStore(IDistributedCache cache, ICelerDataTokenLock? tokenLock, CelerDataDistributedTokenCacheOptions options)
    {
        _cache = cache;
        _lock = tokenLock;
        _options = options;
    }

    /// <summary>Wraps <paramref name="fetch"/> so that the fleet shares what it fetches; tokens in <paramref name="refused"/> are never read back.</summary>
    public Func<CancellationToken, Task<TokenEndpointResponse>> Share(CelerDataClientRuntime runtime, RefusedTokens refused, Func<CancellationToken, Task<TokenEndpointResponse>> fetch)
    {
        if (!TokenProtector.IsSupported)
        {
            Log.TokenSharingUnavailable(runtime.Logger, runtime.Name, "AES-GCM is not supported on this platform");
            return fetch;
        }

        var protector = Protector(runtime);
        return cancellationToken => GetOrFetchAsync(runtime, protector, refused, fetch, cancellationToken);
    }

    /// <summary>
    /// Removes the shared token if it is <paramref name="rejected"/> (the server answered 401 to it); the 401 path waits
    /// for this before it fetches again, so that the refetch cannot read the refused token back.
    /// </summary>
    public async Task InvalidateAsync(CelerDataClientRuntime runtime, CelerDataAccessToken rejected)
    {
        if (!TokenProtector.IsSupported || StoreIsResting(runtime.TimeProvider))
        {
            return;
        }

        var protector = Protector(runtime);
        try
        {
            var shared = protector.Open(await Bounded(_cache.GetAsync(protector.CacheKey), CancellationToken.None).ConfigureAwait(false));
            if (shared is not null && string.Equals(shared.AccessToken, rejected.Value, StringComparison.Ordinal))
            {
                await Bounded(_cache.RemoveAsync(protector.CacheKey), CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (SharedStoreException exception)
        {
            StoreFailed(runtime, exception.InnerException!);
        }
    }

    private TokenProtector Protector(CelerDataClientRuntime runtime) =>
        new(
            _options.KeyPrefix,
            runtime.BaseAddress,
            runtime.Credentials?.ClientId ?? throw new CelerDataAuthenticationException($"{runtime.Name}: a token is needed, but no client ID and secret are configured."),
            runtime.Options.ClientSecret!);

    private async Task<TokenEndpointResponse> GetOrFetchAsync(
        CelerDataClientRuntime runtime,
        TokenProtector protector,
        RefusedTokens refused,
        Func<CancellationToken, Task<TokenEndpointResponse>> fetch,
        CancellationToken cancellationToken)
    {
        if (StoreIsResting(runtime.TimeProvider))
        {
            return await fetch(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            if (await ReadAsync(runtime, protector, refused, cancellationToken).ConfigureAwait(false) is { } found)
            {
                return found;
            }

            await ThrowIfRefusedAsync(runtime, protector, cancellationToken).ConfigureAwait(false);
            if (_lock is null)
            {
                return await FetchAndPublishAsync(runtime, protector, fetch, cancellationToken).ConfigureAwait(false);
            }

            // Waits as long as another process holds the lock (it renews it while its fetch runs); the caller's fetch
            // timeout bounds the wait.
            while (true)
            {
                var handle = await Bounded(_lock.TryAcquireAsync(protector.LockKey, _options.LockExpiry, cancellationToken).AsTask(), cancellationToken).ConfigureAwait(false);
                if (handle is not null)
                {
                    try
                    {
                        // Another process may have published between our read and taking the lock.
                        if (await ReadAsync(runtime, protector, refused, cancellationToken).ConfigureAwait(false) is { } published)
                        {
                            return published;
                        }

                        await ThrowIfRefusedAsync(runtime, protector, cancellationToken).ConfigureAwait(false);
                        return await FetchAndPublishAsync(runtime, protector, fetch, cancellationToken).ConfigureAwait(false);
                    }
                    finally
                    {
                        await ReleaseAsync(runtime, handle).ConfigureAwait(false);
                    }
                }

                await Task.Delay(_options.PollInterval, runtime.TimeProvider, cancellationToken).ConfigureAwait(false);
                if (await ReadAsync(runtime, protector, refused, cancellationToken).ConfigureAwait(false) is { } fetched)
                {
                    return fetched;
                }

                await ThrowIfRefusedAsync(runtime, protector, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (SharedStoreException exception)
        {
            StoreFailed(runtime, exception.InnerException!);
            return await fetch(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The shared token, unless there is none, it is due for refresh, or a server refused it.</summary>
    private async Task<TokenEndpointResponse?> ReadAsync(CelerDataClientRuntime runtime, TokenProtector protector, RefusedTokens refused, CancellationToken cancellationToken)
    {
        var entry = await Bounded(_cache.GetAsync(protector.CacheKey, cancellationToken), cancellationToken).ConfigureAwait(false);
        var token = protector.Open(entry);
        var now = runtime.TimeProvider.GetUtcNow();
        if (token is null || now >= token.RefreshAt || token.ExpiresAt - now < MinimumRemaining || refused.Contains(token.AccessToken))
        {
            return null;
        }

        var remaining = (long)Math.Floor((token.ExpiresAt - now).TotalSeconds);
        return new TokenEndpointResponse(token.AccessToken, remaining, null, token.TokenType) { Shared = true };
    }

    /// <summary>Throws what the token endpoint answered another process of the fleet, while that refusal lasts.</summary>
    private async Task ThrowIfRefusedAsync(CelerDataClientRuntime runtime, TokenProtector protector, CancellationToken cancellationToken)
    {
        var entry = await Bounded(_cache.GetAsync(protector.RefusalKey, cancellationToken), cancellationToken).ConfigureAwait(false);
        if (protector.OpenRefusal(entry) is { } refusal && runtime.TimeProvider.GetUtcNow() < refusal.Until)
        {
            var status = (HttpStatusCode)refusal.StatusCode;
            throw status == HttpStatusCode.BadRequest
                ? new CelerDataBadRequestException(runtime.Name, status)
                : new CelerDataInvalidCredentialsException(runtime.Name, status);
        }
    }

    private async Task<TokenEndpointResponse> FetchAndPublishAsync(
        CelerDataClientRuntime runtime,
        TokenProtector protector,
        Func<CancellationToken, Task<TokenEndpointResponse>> fetch,
        CancellationToken cancellationToken)
    {
        var issuedAt = runtime.TimeProvider.GetUtcNow();
        TokenEndpointResponse response;
        try
        {
            response = await fetch(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            if (TokenEndpointErrors.Map(runtime.Name, exception, runtime.TimeProvider) is CelerDataException { StatusCode: { } status }
                and (CelerDataInvalidCredentialsException or CelerDataBadRequestException))
            {
                await PublishRefusalAsync(runtime, protector, status, cancellationToken).ConfigureAwait(false);
            }

            throw;
        }

        CelerDataAccessToken validated;
        try
        {
            validated = TokenResponseValidator.Validate(runtime.Name, response, issuedAt, runtime.Options.TokenRefreshMargin);
        }
        catch (CelerDataMalformedTokenResponseException)
        {
            // Not ours to share; the token cache reports it as it would without sharing.
            return response;
        }

        var lifetime = validated.RefreshAt - runtime.TimeProvider.GetUtcNow();
        if (lifetime <= TimeSpan.Zero)
        {
            return response;
        }

        var entry = protector.Seal(new SharedToken(validated.Value, response.TokenType!, validated.ExpiresAt, validated.RefreshAt));
        try
        {
            await Bounded(_cache.SetAsync(protector.CacheKey, entry, new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = lifetime }, cancellationToken), cancellationToken).ConfigureAwait(false);
            await Bounded(_cache.RemoveAsync(protector.RefusalKey, cancellationToken), cancellationToken).ConfigureAwait(false);
            Log.TokenShared(runtime.Logger, runtime.Name, (long)lifetime.TotalSeconds);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            StoreFailed(runtime, exception is SharedStoreException { InnerException: { } inner } ? inner : exception);
        }

        return response;
    }

    /// <summary>
    /// Records for the fleet that the token endpoint refused the credentials: no process fetches for 1 s, doubling with
    /// each refusal that follows within a minute of the last one's end, up to a minute.
    /// </summary>
    private async Task PublishRefusalAsync(CelerDataClientRuntime runtime, TokenProtector protector, HttpStatusCode status, CancellationToken cancellationToken)
    {
        try
        {
            var now = runtime.TimeProvider.GetUtcNow();
            var previous = protector.OpenRefusal(await Bounded(_cache.GetAsync(protector.RefusalKey, cancellationToken), cancellationToken).ConfigureAwait(false));
            var backoff = previous is not null && now - previous.Until < CelerDataTokenCache.MaxBackoff
                ? TimeSpan.FromTicks(Math.Min(previous.Backoff.Ticks * 2, CelerDataTokenCache.MaxBackoff.Ticks))
                : CelerDataTokenCache.FirstBackoff;
            var entry = protector.SealRefusal(new SharedRefusal((int)status, now + backoff, backoff));
            await Bounded(
                _cache.SetAsync(protector.RefusalKey, entry, new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = backoff + CelerDataTokenCache.MaxBackoff }, cancellationToken),
                cancellationToken).ConfigureAwait(false);
        }
        catch (SharedStoreException exception)
        {
            StoreFailed(runtime, exception.InnerException!);
        }
    }

    /// <summary>Releases the lock; a failure only means it expires by itself.</summary>
    private async Task ReleaseAsync(CelerDataClientRuntime runtime, IAsyncDisposable handle)
    {
        try
        {
            await Bounded(handle.DisposeAsync().AsTask(), CancellationToken.None).ConfigureAwait(false);
        }
        catch (SharedStoreException exception)
        {
            StoreFailed(runtime, exception.InnerException!);
        }
    }

    /// <summary>Bounds a call to the shared store by <see cref="CelerDataDistributedTokenCacheOptions.StoreTimeout"/>; store failures become <see cref="SharedStoreException"/>.</summary>
    private async Task<T> Bounded<T>(Task<T> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call.WaitAsync(_options.StoreTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SharedStoreException(exception);
        }
    }

    private async Task Bounded(Task call, CancellationToken cancellationToken)
    {
        try
        {
            await call.WaitAsync(_options.StoreTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SharedStoreException(exception);
        }
    }

    private bool StoreIsResting(TimeProvider timeProvider)
    {
        var failedAt = Interlocked.Read(ref _storeFailedAtTicks);
        return failedAt != long.MinValue && timeProvider.GetUtcNow().UtcTicks - failedAt < _options.RetryStoreAfter.Ticks;
    }

    private void StoreFailed(CelerDataClientRuntime runtime, Exception exception)
    {
        Interlocked.Exchange(ref _storeFailedAtTicks, runtime.TimeProvider.GetUtcNow().UtcTicks);
        Log.TokenSharingFailed(runtime.Logger, runtime.Name, exception.GetType().Name, (long)_options.RetryStoreAfter.TotalSeconds);
    }

    /// <summary>The shared cache or the lock failed or timed out; never escapes this class.</summary>
    private sealed class SharedStoreException(Exception inner) : Exception(inner.GetType().Name.ToString(CultureInfo.InvariantCulture), inner);
}
