using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using Xunit;

namespace CelerData.Generated.Tests.Infrastructure;

/// <summary>A Prism mock server (npm @stoplight/prism-cli) on a free loopback port, in errors mode.</summary>
internal sealed class PrismMock : IAsyncDisposable
{
    private readonly Process _process;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output;

    private PrismMock(Process process, Uri baseAddress, System.Collections.Concurrent.ConcurrentQueue<string> output)
    {
        _process = process;
        BaseAddress = baseAddress;
        _output = output;
    }

    public Uri BaseAddress { get; }

    public IReadOnlyList<string> Output => _output.ToList();

    /// <summary>Prism writes its request log a moment after answering; wait until it is there.</summary>
    public async Task<IReadOnlyList<string>> WaitForLinesAsync(string text, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (_output.Count(line => line.Contains(text, StringComparison.Ordinal)) < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        await Task.Delay(200);
        return Output;
    }

    public static async Task<PrismMock> StartAsync(string spec)
    {
        var prism = Path.Combine(RepositoryPaths.Root, "tools", "npm", "node_modules", ".bin", "prism");
        Assert.True(File.Exists(prism), "Prism is not installed: run `npm ci` in tools/npm (the test project's build does it).");
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

        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { output.Enqueue(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { output.Enqueue(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var mock = new PrismMock(process, new Uri("http://127.0.0.1:" + port + "/"), output);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!output.Any(line => line.Contains("Prism is listening", StringComparison.Ordinal)))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                await mock.DisposeAsync();
                throw new InvalidOperationException("Prism did not start:\n" + string.Join('\n', output));
            }

            await Task.Delay(100);
        }

        return mock;
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
