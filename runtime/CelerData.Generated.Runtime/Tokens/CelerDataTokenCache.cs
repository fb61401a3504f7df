using System;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace CelerData.Generated.Runtime;

/// <summary>
/// Holds the access token of one client until its refresh time. Concurrent callers share one in-flight
/// fetch; a failed fetch is not cached; one caller's cancellation never cancels the fetch the others wait for.
/// From the refresh time on, one fetch starts in the background while callers keep getting the current token,
/// which is still valid; only in the last <see cref="ExpiryGuard"/> before expiry do callers wait for the new one.
/// </summary>
public sealed class CelerDataTokenCache : IDisposable
{
    private readonly string _clientName;
    private readonly Func<CancellationToken, Task<TokenEndpointResponse>> _fetch;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan? _refreshMargin;
    private readonly ILogger _logger;
    private readonly Action<CelerDataAccessToken>? _invalidated;
    private readonly CancellationTokenSource _disposed = new();
    private readonly object _gate = new();
    private CelerDataAccessToken? _current;
    private Task<CelerDataAccessToken>? _inFlight;

    /// <summary>How close to its expiry a token is no longer handed out while a refresh runs.</summary>
    internal static readonly TimeSpan ExpiryGuard = TimeSpan.FromSeconds(5);

    internal CelerDataTokenCache(
        string clientName,
        Func<CancellationToken, Task<TokenEndpointResponse>> fetch,
        TimeProvider timeProvider,
        TimeSpan? refreshMargin,
        ILogger logger,
        Action<CelerDataAccessToken>? invalidated = null)
    {
        _invalidated = invalidated;
        _clientName = clientName;
        _fetch = fetch;
        _timeProvider = timeProvider;
        _refreshMargin = refreshMargin;
        _logger = logger;
    }

    /// <summary>Returns the cached token, or fetches a new one when there is none or it is due for refresh.</summary>
    /// <param name="cancellationToken">Stops this caller's wait; a fetch that others share goes on.</param>
    /// <returns>A token that is valid until at least its <see cref="CelerDataAccessToken.RefreshAt"/>.</returns>
    /// <exception cref="CelerDataException">The token could not be fetched; see the derived types.</exception>
    public ValueTask<CelerDataAccessToken> GetAccessTokenAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed.IsCancellationRequested, this);
        var current = Volatile.Read(ref _current);
        if (current is not null && _timeProvider.GetUtcNow() < current.RefreshAt)
        {
            return new ValueTask<CelerDataAccessToken>(current);
        }

        Task<CelerDataAccessToken> fetch;
        lock (_gate)
        {
            current = _current;
            var now = _timeProvider.GetUtcNow();
            if (current is not null && now < current.RefreshAt)
            {
                return new ValueTask<CelerDataAccessToken>(current);
            }

            fetch = _inFlight ??= StartFetch();
            if (current is not null && now < current.ExpiresAt - ExpiryGuard)
            {
                // Due for refresh but still valid: the fetch runs for everyone while callers keep the current token.
                return new ValueTask<CelerDataAccessToken>(current);
            }
        }

        return new ValueTask<CelerDataAccessToken>(fetch.WaitAsync(cancellationToken));
    }

    /// <summary>Drops <paramref name="token"/> if it is still the cached one (after the server refused it with 401).</summary>
    /// <param name="token">The token that was refused.</param>
    public void Invalidate(CelerDataAccessToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        lock (_gate)
        {
            if (ReferenceEquals(_current, token))
            {
                _current = null;
            }
        }

        _invalidated?.Invoke(token);
    }

    /// <summary>Drops the cached token, if any.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _current = null;
        }
    }

    /// <summary>Cancels a fetch in flight; the cache cannot be used afterwards.</summary>
    public void Dispose()
    {
        if (!_disposed.IsCancellationRequested)
        {
            _disposed.Cancel();
        }

        _disposed.Dispose();
    }

    /// <summary>Starts a fetch whose failure is always observed: a background refresh may have no caller waiting on it.</summary>
    private Task<CelerDataAccessToken> StartFetch()
    {
        var fetch = FetchAsync();
        _ = fetch.ContinueWith(
            static task => _ = task.Exception,
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return fetch;
    }

    private async Task<CelerDataAccessToken> FetchAsync()
    {
        // Run the fetch off the caller's stack so that _inFlight is assigned before it can complete.
        await Task.Yield();
        try
        {
            var issuedAt = _timeProvider.GetUtcNow();
            Log.TokenFetchStarted(_logger, _clientName);
            TokenEndpointResponse response;
            try
            {
                response = await _fetch(_disposed.Token).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                var mapped = TokenEndpointErrors.Map(_clientName, exception, _timeProvider);
                Log.TokenFetchFailed(_logger, _clientName, mapped.GetType().Name, (int?)(mapped as CelerDataException)?.StatusCode);
                ExceptionDispatchInfo.Throw(mapped);
                throw;
            }

            CelerDataAccessToken token;
            try
            {
                token = TokenResponseValidator.Validate(_clientName, response, issuedAt, _refreshMargin);
            }
            catch (CelerDataMalformedTokenResponseException exception)
            {
                Log.TokenFetchFailed(_logger, _clientName, exception.GetType().Name, null);
                throw;
            }

            lock (_gate)
            {
                _current = token;
            }

            Log.TokenFetched(_logger, _clientName, (long)(token.ExpiresAt - token.IssuedAt).TotalSeconds, token.RefreshAt);
            return token;
        }
        finally
        {
            lock (_gate)
            {
                _inFlight = null;
            }
        }
    }
}
