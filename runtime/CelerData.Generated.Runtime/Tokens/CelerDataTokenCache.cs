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
/// When the token endpoint refuses the credentials (HTTP 400, 401 or 403), no new fetch starts for a while (1 s,
/// doubling up to a minute while the failures go on): callers get the same typed exception at once meanwhile.
/// Fetches run on the thread pool, so a caller that blocks on the result under a single-threaded
/// synchronization context does not deadlock the fetch.
/// </summary>
public sealed class CelerDataTokenCache : IDisposable
{
    /// <summary>How close to its expiry a token is no longer handed out while a refresh runs.</summary>
    internal static readonly TimeSpan ExpiryGuard = TimeSpan.FromSeconds(5);

    /// <summary>The first wait after the credentials were refused; it doubles with each further refusal.</summary>
    internal static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait after the credentials were refused.</summary>
    internal static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(1);

    private readonly string _clientName;
    private readonly Func<CancellationToken, Task<TokenEndpointResponse>> _fetch;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan? _refreshMargin;
    private readonly TimeSpan? _fetchTimeout;
    private readonly ILogger _logger;
    private readonly RefusedTokens _refused;
    private readonly Func<CelerDataAccessToken, Task>? _invalidated;
    private readonly CancellationTokenSource _disposed = new();
    private readonly object _gate = new();
    private CelerDataAccessToken? _current;
    private Task<CelerDataAccessToken>? _inFlight;
    private CredentialFailure? _failure;

    internal CelerDataTokenCache(
        string clientName,
        Func<CancellationToken, Task<TokenEndpointResponse>> fetch,
        TimeProvider timeProvider,
        TimeSpan? refreshMargin,
        ILogger logger,
        TimeSpan? fetchTimeout = null,
        RefusedTokens? refused = null,
        Func<CelerDataAccessToken, Task>? invalidated = null)
    {
        _clientName = clientName;
        _fetch = fetch;
        _timeProvider = timeProvider;
        _refreshMargin = refreshMargin;
        _fetchTimeout = fetchTimeout;
        _logger = logger;
        _refused = refused ?? new RefusedTokens(timeProvider);
        _invalidated = invalidated;
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
            Telemetry.TokenCacheHits.Add(1, Telemetry.Client(_clientName));
            return new ValueTask<CelerDataAccessToken>(current);
        }

        Task<CelerDataAccessToken> fetch;
        lock (_gate)
        {
            current = _current;
            var now = _timeProvider.GetUtcNow();
            if (current is not null && now < current.RefreshAt)
            {
                Telemetry.TokenCacheHits.Add(1, Telemetry.Client(_clientName));
                return new ValueTask<CelerDataAccessToken>(current);
            }

            var backingOff = _failure is { } failure && now < failure.Until;
            if (current is not null && now < current.ExpiresAt - ExpiryGuard)
            {
                // Due for refresh but still valid: the fetch runs for everyone while callers keep the current token.
                if (_inFlight is null && !backingOff)
                {
                    _inFlight = StartFetch();
                    Telemetry.RefreshAhead.Add(1, Telemetry.Client(_clientName));
                }

                Telemetry.TokenCacheHits.Add(1, Telemetry.Client(_clientName));
                return new ValueTask<CelerDataAccessToken>(current);
            }

            Telemetry.TokenCacheMisses.Add(1, Telemetry.Client(_clientName));
            if (backingOff && _inFlight is null)
            {
                Telemetry.TokenFetched(_clientName, "backoff");
                return ValueTask.FromException<CelerDataAccessToken>(_failure!.Create());
            }

            fetch = _inFlight ??= StartFetch();
        }

        return new ValueTask<CelerDataAccessToken>(fetch.WaitAsync(cancellationToken));
    }

    /// <summary>
    /// Drops <paramref name="token"/> if it is still the cached one, after the server refused it with 401, and waits
    /// until the shared cache (when one is used) has dropped it too. The token is never handed out again.
    /// </summary>
    /// <param name="token">The token that was refused.</param>
    /// <returns>A task that completes once the token is gone from every cache level.</returns>
    public async Task InvalidateAsync(CelerDataAccessToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        _refused.Add(token.Value, token.ExpiresAt);
        lock (_gate)
        {
            if (ReferenceEquals(_current, token))
            {
                _current = null;
            }
        }

        if (_invalidated is not null)
        {
            await _invalidated(token).ConfigureAwait(false);
        }
    }

    /// <summary>Drops the cached token, if any, and forgets a remembered refusal of the credentials.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _current = null;
            _failure = null;
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

    /// <summary>
    /// Starts a fetch on the thread pool, whose failure is always observed: a background refresh may have no caller
    /// waiting on it. Called under the gate, so <see cref="_inFlight"/> is assigned before the fetch can clear it.
    /// </summary>
    private Task<CelerDataAccessToken> StartFetch()
    {
        var fetch = Task.Run(FetchAsync);
        _ = fetch.ContinueWith(
            static task => _ = task.Exception,
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return fetch;
    }

    private async Task<CelerDataAccessToken> FetchAsync()
    {
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var token = await FetchOnceAsync().ConfigureAwait(false);
                if (token.Shared && attempt == 1 && _refused.Contains(token.Token.Value))
                {
                    // The shared cache answered a token refused since the read began; the next read skips it.
                    continue;
                }

                lock (_gate)
                {
                    _current = token.Token;
                    _failure = null;
                }

                Telemetry.TokenFetched(_clientName, token.Shared ? "shared" : "success");
                Log.TokenFetched(_logger, _clientName, (long)(token.Token.ExpiresAt - token.Token.IssuedAt).TotalSeconds, token.Token.RefreshAt);
                return token.Token;
            }
        }
        finally
        {
            lock (_gate)
            {
                _inFlight = null;
            }
        }
    }

    private async Task<(CelerDataAccessToken Token, bool Shared)> FetchOnceAsync()
    {
        var issuedAt = _timeProvider.GetUtcNow();
        Log.TokenFetchStarted(_logger, _clientName);
        using var timeout = _fetchTimeout is { } limit ? new CancellationTokenSource(limit, _timeProvider) : null;
        using var linked = timeout is null ? null : CancellationTokenSource.CreateLinkedTokenSource(_disposed.Token, timeout.Token);
        TokenEndpointResponse response;
        try
        {
            response = await _fetch(linked?.Token ?? _disposed.Token).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            var mapped = timeout is { IsCancellationRequested: true } && !_disposed.IsCancellationRequested
                ? new CelerDataTokenTimeoutException(_clientName, _fetchTimeout)
                : TokenEndpointErrors.Map(_clientName, exception, _timeProvider);
            Failed(mapped);
            ExceptionDispatchInfo.Throw(mapped);
            throw;
        }

        try
        {
            return (TokenResponseValidator.Validate(_clientName, response, issuedAt, _refreshMargin), response.Shared);
        }
        catch (CelerDataMalformedTokenResponseException exception)
        {
            Failed(exception);
            throw;
        }
    }

    private void Failed(Exception exception)
    {
        Telemetry.TokenFetched(_clientName, Telemetry.OutcomeOf(exception));
        Log.TokenFetchFailed(_logger, _clientName, exception.GetType().Name, (int?)(exception as CelerDataException)?.StatusCode);
        Func<Exception>? again = exception switch
        {
            CelerDataInvalidCredentialsException { StatusCode: { } status } => () => new CelerDataInvalidCredentialsException(_clientName, status),
            CelerDataBadRequestException { StatusCode: { } status } => () => new CelerDataBadRequestException(_clientName, status),
            _ => null,
        };
        if (again is null)
        {
            return;
        }

        lock (_gate)
        {
            var now = _timeProvider.GetUtcNow();
            var backoff = _failure is { } previous && now - previous.Until < MaxBackoff
                ? TimeSpan.FromTicks(Math.Min(previous.Backoff.Ticks * 2, MaxBackoff.Ticks))
                : FirstBackoff;
            _failure = new CredentialFailure(again, now + backoff, backoff);
            Log.CredentialsBackingOff(_logger, _clientName, (long)backoff.TotalMilliseconds);
        }
    }

    /// <summary>The token endpoint refused the credentials; no fetch starts before <see cref="Until"/>.</summary>
    private sealed record CredentialFailure(Func<Exception> Create, DateTimeOffset Until, TimeSpan Backoff);
}
