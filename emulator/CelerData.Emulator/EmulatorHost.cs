using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CelerData.Emulator.Internal;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace CelerData.Emulator;

/// <summary>
/// The standalone emulator: reads configuration from the command line (<c>--urls</c>,
/// <c>--Emulator:...</c>), environment variables and <c>appsettings.json</c>, prints the
/// addresses and the demo credentials, and runs until stopped.
/// </summary>
public static class EmulatorHost
{
    /// <summary>The exit code when the configuration is not valid.</summary>
    public const int InvalidConfigurationExitCode = 2;

    /// <summary>Runs the emulator until Ctrl+C, SIGTERM or <paramref name="cancellationToken"/>.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="output">Where to print the banner; standard output by default.</param>
    /// <param name="error">Where to print configuration errors; standard error by default.</param>
    /// <param name="cancellationToken">Stops the emulator.</param>
    /// <returns>0 after a normal stop; <see cref="InvalidConfigurationExitCode"/> when the configuration is not valid.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null, CancellationToken cancellationToken = default)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        var builder = WebApplication.CreateSlimBuilder(args);

        EmulatorOptions options;
        try
        {
            options = EmulatorOptions.FromConfiguration(builder.Configuration, EmulatorOptions.DefaultHostUrls);
        }
        catch (FormatException ex)
        {
            await error.WriteLineAsync("CelerData emulator: configuration error: " + ex.Message).ConfigureAwait(false);
            return InvalidConfigurationExitCode;
        }

        var errors = options.Validate().ToList();
        if (builder.Configuration.GetSection("Kestrel:Endpoints").Exists())
        {
            errors.Add("Kestrel:Endpoints is not supported; set the addresses with --urls.");
        }

        if (errors.Count > 0)
        {
            foreach (var message in errors)
            {
                await error.WriteLineAsync("CelerData emulator: " + message).ConfigureAwait(false);
            }

            return InvalidConfigurationExitCode;
        }

        var (app, state) = EmulatorApplication.Build(builder, options);
        await using (app.ConfigureAwait(false))
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            await WriteBannerAsync(output, app, state).ConfigureAwait(false);
            await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        }

        return 0;
    }

    private static async Task WriteBannerAsync(TextWriter output, WebApplication app, EmulatorState state)
    {
        var baseAddress = app.Urls.First().TrimEnd('/');
        await output.WriteLineAsync("CelerData emulator listening on " + string.Join(", ", app.Urls)).ConfigureAwait(false);
        await output.WriteLineAsync("  Token endpoint: " + baseAddress + TokenEndpoint.Path).ConfigureAwait(false);
        var demo = state.Clients.FirstOrDefault(static c => c.ClientId == EmulatorClient.DemoClientId && c.ClientSecret == EmulatorClient.DemoClientSecret);
        if (demo is not null)
        {
            // A well-known demo credential: printing it is the point.
            await output.WriteLineAsync("  Demo client ID:     " + demo.ClientId).ConfigureAwait(false);
            await output.WriteLineAsync("  Demo client secret: " + demo.ClientSecret).ConfigureAwait(false);
            await output.WriteLineAsync($"  Try: curl -u '{demo.ClientId}:{demo.ClientSecret}' -X POST '{baseAddress}{TokenEndpoint.Path}?grant_type=client_credentials'").ConfigureAwait(false);
        }

        foreach (var client in state.Clients.Where(c => !ReferenceEquals(c, demo)))
        {
            await output.WriteLineAsync("  Configured client ID: " + client.ClientId + " (secret as configured)").ConfigureAwait(false);
        }

        await output.WriteLineAsync("  Diagnostics: " + baseAddress + DiagnosticsEndpoints.StatsPath + ", POST " + DiagnosticsEndpoints.ResetPath + ", GET/PUT/DELETE " + DiagnosticsEndpoints.FaultsPath).ConfigureAwait(false);
        await output.WriteLineAsync("Press Ctrl+C to stop.").ConfigureAwait(false);
    }
}
