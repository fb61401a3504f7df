using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;

namespace CelerData.Generated.Reliability.Tests.Infrastructure;

/// <summary>What one fleet member process did.</summary>
internal sealed record FleetResult(int ExitCode, string Output, string Errors);

/// <summary>Starts tools/CelerData.FleetClient as a separate process, with the credentials in its environment.</summary>
internal static class FleetProcess
{
    public static string ClientPath()
    {
        var baseDirectory = AppContext.BaseDirectory;
        var configuration = baseDirectory.Contains(Path.DirectorySeparatorChar + "Release" + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? "Release" : "Debug";
        var root = new DirectoryInfo(baseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "CelerData.Generated.sln")))
        {
            root = root.Parent;
        }

        var path = Path.Combine(root?.FullName ?? throw new DirectoryNotFoundException("repository root"), "tools", "CelerData.FleetClient", "bin", configuration, "net10.0", "CelerData.FleetClient.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build tools/CelerData.FleetClient first (the test project references it).", path);
    }

    public static async Task<IReadOnlyList<FleetResult>> RunAsync(int count, string clientId, string clientSecret, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var path = ClientPath();
        var list = arguments.ToList();
        var runs = Enumerable.Range(0, count).Select(_ => RunOneAsync(path, clientId, clientSecret, list, timeout)).ToList();
        return await Task.WhenAll(runs);
    }

    private static async Task<FleetResult> RunOneAsync(string path, string clientId, string clientSecret, List<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(path);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["CELERDATA_CLIENT_ID"] = clientId;
        start.Environment["CELERDATA_CLIENT_SECRET"] = clientSecret;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var output = new StringBuilder();
        var errors = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (errors) { errors.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("a fleet client did not finish within " + timeout + ":\n" + errors);
        }

        process.WaitForExit();
        lock (output)
        {
            lock (errors)
            {
                return new FleetResult(process.ExitCode, output.ToString(), errors.ToString());
            }
        }
    }
}
