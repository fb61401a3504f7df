using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using CelerData.Generated.Tests.Infrastructure;

namespace CelerData.Generated.Tests.Wire;

/// <summary>
/// <c>prism mock --errors</c> (npm @stoplight/prism-cli) serving one description on a free loopback port: it
/// answers a request the description rejects with a 4xx and its reasons, and a valid one with a response the
/// description allows (its example, or one generated from the schema with <c>Prefer: dynamic=true</c>).
/// </summary>
internal sealed class PrismServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output;

    private PrismServer(Process process, Uri baseAddress, ConcurrentQueue<string> output)
    {
        _process = process;
        BaseAddress = baseAddress;
        _output = output;
    }

    public Uri BaseAddress { get; }

    /// <summary>Whether Prism has stopped (it crashes on some requests: absent array headers, for one).</summary>
    public bool HasExited => _process.HasExited;

    public IReadOnlyList<string> Output => _output.ToList();

    /// <summary>Starts Prism; null with its output when it cannot serve the description.</summary>
    public static async Task<(PrismServer? Server, string Output)> StartAsync(string spec, TimeSpan timeout)
    {
        var prism = Path.Combine(RepositoryPaths.Root, "tools", "npm", "node_modules", ".bin", "prism");
        if (!File.Exists(prism))
        {
            throw new InvalidOperationException("Prism is not installed: run `npm ci` in tools/npm (the test project's build does it).");
        }

        var port = FreePort();
        var info = new ProcessStartInfo(prism)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "mock", "--errors", "-h", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), spec })
        {
            info.ArgumentList.Add(argument);
        }

        var output = new ConcurrentQueue<string>();
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { output.Enqueue(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { output.Enqueue(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new PrismServer(process, new Uri("http://127.0.0.1:" + port + "/"), output);
        var deadline = DateTime.UtcNow + timeout;
        while (!output.Any(line => line.Contains("Prism is listening", StringComparison.Ordinal)))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                await server.DisposeAsync();
                return (null, string.Join('\n', output.TakeLast(20)));
            }

            await Task.Delay(100);
        }

        return (server, string.Empty);
    }

    /// <summary>Waits up to <paramref name="timeout"/> for Prism to stop (after a crash it closes connections first).</summary>
    public async Task WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            // Still running: it only closed that connection.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
