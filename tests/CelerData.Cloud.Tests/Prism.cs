using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using Xunit;

namespace CelerData.Cloud.Tests;

/// <summary>
/// Prism (npm @stoplight/prism-cli) serving spec/ on a free loopback port in errors mode: as a mock, it validates
/// requests and answers the spec's examples; as a proxy in front of a server, it validates requests and that server's answers.
/// </summary>
internal sealed class Prism : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output;

    private Prism(Process process, Uri baseAddress, ConcurrentQueue<string> output)
    {
        _process = process;
        BaseAddress = baseAddress;
        _output = output;
    }

    public static string Root { get; } = FindRoot();

    public static string Spec => Path.Combine(Root, "spec", "celerdata-cloud.openapi.yaml");

    public Uri BaseAddress { get; }

    public static Task<Prism> MockAsync() => StartAsync(["mock", "--errors", Spec]);

    public static Task<Prism> ProxyAsync(Uri upstream) => StartAsync(["proxy", "--errors", Spec, upstream.ToString().TrimEnd('/')]);

    /// <summary>Prism writes its log a moment after answering: waits until <paramref name="count"/> lines hold <paramref name="text"/>.</summary>
    public async Task<IReadOnlyList<string>> WaitForLinesAsync(string text, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (_output.Count(line => line.Contains(text, StringComparison.Ordinal)) < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        await Task.Delay(300);
        return [.. _output];
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

    private static async Task<Prism> StartAsync(string[] arguments)
    {
        var prism = Path.Combine(Root, "tools", "npm", "node_modules", ".bin", "prism");
        Assert.True(File.Exists(prism), "Prism is not installed: run `npm ci` in tools/npm (the test project's build does it).");
        var port = FreePort();
        var info = new ProcessStartInfo(prism) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments.Concat(["-h", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture)]))
        {
            info.ArgumentList.Add(argument);
        }

        var output = new ConcurrentQueue<string>();
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { output.Enqueue(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { output.Enqueue(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var started = new Prism(process, new Uri("http://127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture) + "/"), output);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!output.Any(line => line.Contains("Prism is listening", StringComparison.Ordinal)))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                await started.DisposeAsync();
                throw new InvalidOperationException("Prism did not start:\n" + string.Join('\n', output));
            }

            await Task.Delay(100);
        }

        return started;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CelerData.Generated.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (CelerData.Generated.sln) was not found above " + AppContext.BaseDirectory);
    }
}
