using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CelerData.Emulator.Internal;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CelerData.Emulator;

/// <summary>
/// A CelerData Cloud emulator running in this process on Kestrel: the token endpoint
/// (<c>POST /api/1.0/token</c>), every bearer-secured operation of the CelerData Cloud API over
/// stateful clusters, warehouses and actions, and diagnostics under <c>/_emulator/</c>.
/// Stops when disposed.
/// </summary>
/// <example>
/// <code>
/// await using var emulator = await CelerDataEmulator.StartAsync();
/// var tokenUrl = emulator.TokenEndpoint; // http://127.0.0.1:{port}/api/1.0/token
/// </code>
/// </example>
public sealed class CelerDataEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EmulatorState _state;
    private int _disposed;

    private CelerDataEmulator(WebApplication app, EmulatorState state, Uri baseAddress)
    {
        _app = app;
        _state = state;
        BaseAddress = baseAddress;
    }

    /// <summary>The root address the emulator listens on, ending in <c>/</c>, for example <c>http://127.0.0.1:49152/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The address of the token endpoint, <c>{BaseAddress}api/1.0/token</c>.</summary>
    public Uri TokenEndpoint => new(BaseAddress, "api/1.0/token");

    /// <summary>The first accepted client: the demo client unless clients were configured.</summary>
    public EmulatorClient Client => _state.Clients[0];

    /// <summary>Every accepted client.</summary>
    public IReadOnlyList<EmulatorClient> Clients => _state.Clients;

    /// <summary>The ID of the first cluster (with the demo data, the running one).</summary>
    public string ClusterId => _state.Cloud.ClusterNames()[0].Id;

    /// <summary>A snapshot of the clusters and warehouses as they are now (actions that are due have ended).</summary>
    public IReadOnlyList<EmulatorCluster> Clusters => _state.Cloud.Snapshot();

    /// <summary>A snapshot of the requests counted since start or the last <see cref="Reset"/>.</summary>
    public EmulatorStats Stats => _state.Stats.Snapshot();

    /// <summary>A copy of the faults in force; <see cref="EmulatorFaultOptions.Count"/> is the number still to come.</summary>
    public EmulatorFaultOptions Faults => _state.Faults.Current;

    /// <summary>Starts an emulator on Kestrel and waits until it listens.</summary>
    /// <param name="options">The settings; by default the demo client on a free loopback port.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running emulator; dispose it to stop it.</returns>
    /// <exception cref="ArgumentException">The options are not valid, for example a non-loopback address without <see cref="EmulatorOptions.AllowNonLoopback"/>.</exception>
    public static async Task<CelerDataEmulator> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new EmulatorOptions();
        ThrowIfInvalid(options);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(CelerDataEmulator).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });

        // In process, only the options count: no appsettings, environment variables or Kestrel sections of the caller.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection();
        builder.Logging.ClearProviders();
        if (options.LoggerFactory is not null)
        {
            builder.Services.AddSingleton(options.LoggerFactory);
        }

        var (app, state) = EmulatorApplication.Build(builder, options);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var address = app.Urls.First();
        return new CelerDataEmulator(app, state, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    /// <summary>Replaces the faults in force.</summary>
    /// <param name="faults">The new faults; copied, so later changes to the object have no effect.</param>
    /// <exception cref="ArgumentException">The faults are not valid.</exception>
    public void SetFaults(EmulatorFaultOptions faults)
    {
        ArgumentNullException.ThrowIfNull(faults);
        _state.SetFaults(faults);
    }

    /// <summary>Sets how the actions started from now on end.</summary>
    /// <param name="outcome">Success, failure or cancellation.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="outcome"/> is not a defined value.</exception>
    public void SetActionOutcome(EmulatorActionOutcome outcome)
    {
        if (!Enum.IsDefined(outcome))
        {
            throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Not a known outcome.");
        }

        _state.Cloud.SetOutcome(outcome);
    }

    /// <summary>Stops injecting faults and latency.</summary>
    public void ClearFaults() => _state.SetFaults(new EmulatorFaultOptions());

    /// <summary>
    /// Clears the counters, the rate-limit windows and the faults, as <c>POST /_emulator/reset</c> does.
    /// Issued tokens stay valid.
    /// </summary>
    public void Reset() => _state.Reset();

    /// <summary>Stops the emulator and releases its port.</summary>
    /// <returns>A task that completes when the emulator has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            await _app.StopAsync().ConfigureAwait(false);
        }
        finally
        {
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }

    internal static void ThrowIfInvalid(EmulatorOptions options)
    {
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("The emulator options are not valid: " + string.Join(" ", errors), nameof(options));
        }
    }
}
