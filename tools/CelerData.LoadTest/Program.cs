using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CelerData.Emulator;
using CelerData.Generated.Runtime;
using CelerData.LoadTest;
using CelerData.LoadTest.Cloud;

// Drives N concurrent callers through the generated client (ListClustersAsync, bearer) against the in-process
// emulator for T seconds, with short-lived tokens so that several token lifetimes pass. Exits 1 when a call failed
// or when more tokens were fetched than lifetimes elapsed plus one.
LoadSettings settings;
try
{
    settings = LoadSettings.Parse(args);
}
catch (Exception exception) when (exception is ArgumentException or FormatException)
{
    Console.Error.WriteLine(exception.Message);
    return 2;
}

await using var emulator = await CelerDataEmulator.StartAsync(new EmulatorOptions { ExpiresInSeconds = settings.ExpiresIn, RateLimitPerMinute = 0 });
using var client = CelerDataCloudClient.Create(new CelerDataClientOptions
{
    ClientId = emulator.Client.ClientId,
    ClientSecret = emulator.Client.ClientSecret,
    BaseAddress = emulator.BaseAddress,
    TokenRefreshMargin = TimeSpan.FromSeconds(settings.Margin),
});

var histogram = new LatencyHistogram();
long errors = 0;
var firstError = (string?)null;
var memory = new List<(double Seconds, long Bytes)>();
var afterGc = new List<(double Seconds, long Bytes)>();
var duration = TimeSpan.FromSeconds(settings.Seconds);
var stopwatch = Stopwatch.StartNew();
using var stop = new CancellationTokenSource();

async Task CallerAsync()
{
    while (!stop.IsCancellationRequested)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await client.Api.ListClustersAsync(CancellationToken.None);
            if (response.List.Count == 0)
            {
                Interlocked.Increment(ref errors);
            }
        }
        catch (Exception exception)
        {
            Interlocked.Increment(ref errors);
            Interlocked.CompareExchange(ref firstError, exception.GetType().Name + ": " + exception.Message, null);
        }

        histogram.Record(Stopwatch.GetElapsedTime(started));
    }
}

async Task SampleMemoryAsync()
{
    using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
    memory.Add((0, GC.GetTotalMemory(forceFullCollection: false)));
    while (await timer.WaitForNextTickAsync())
    {
        memory.Add((stopwatch.Elapsed.TotalSeconds, GC.GetTotalMemory(forceFullCollection: false)));
        afterGc.Add((stopwatch.Elapsed.TotalSeconds, GC.GetGCMemoryInfo(GCKind.Any).HeapSizeBytes));
        if (stopwatch.Elapsed >= duration)
        {
            return;
        }
    }
}

var sampler = SampleMemoryAsync();
var callers = Enumerable.Range(0, settings.Callers).Select(_ => Task.Run(CallerAsync)).ToList();
await sampler;
await stop.CancelAsync();
await Task.WhenAll(callers);
var elapsed = stopwatch.Elapsed;

var stats = emulator.Stats.ForClient(emulator.Client.ClientId);
var lifetimes = (int)Math.Ceiling(elapsed.TotalSeconds / settings.TokenWindow.TotalSeconds);
var slope = Slope(memory);
var slopeAfterGc = Slope(afterGc);
var report = new StringBuilder();
report.AppendLine(CultureInfo.InvariantCulture, $"| | |");
report.AppendLine("|---|---|");
report.AppendLine(CultureInfo.InvariantCulture, $"| machine | {MachineInfo.Describe()} |");
report.AppendLine(CultureInfo.InvariantCulture, $"| run | {settings.Callers} callers, {elapsed.TotalSeconds:F1} s, expires_in {settings.ExpiresIn} s, refresh margin {settings.Margin} s (a token is used for {settings.TokenWindow.TotalSeconds} s) |");
report.AppendLine(CultureInfo.InvariantCulture, $"| requests | {histogram.Count} ({histogram.Count / elapsed.TotalSeconds:F0} requests/s) |");
report.AppendLine(CultureInfo.InvariantCulture, $"| latency | p50 {Ms(histogram.Percentile(50))}, p90 {Ms(histogram.Percentile(90))}, p99 {Ms(histogram.Percentile(99))}, max {Ms(histogram.Max)} |");
report.AppendLine(CultureInfo.InvariantCulture, $"| token fetches | {stats.TokenRequests} for {lifetimes} token lifetimes elapsed |");
report.AppendLine(CultureInfo.InvariantCulture, $"| errors | {errors}{(firstError is null ? "" : " (first: " + firstError + ")")} |");
report.AppendLine(CultureInfo.InvariantCulture, $"| GC heap (each second) | first {Mb(memory[0].Bytes)}, last {Mb(memory[^1].Bytes)}, max {Mb(memory.Max(m => m.Bytes))}, slope {slope / 1024:F1} KB/s over {memory.Count} samples |");
report.AppendLine(CultureInfo.InvariantCulture, $"| heap after the last GC | first {Mb(afterGc[0].Bytes)}, last {Mb(afterGc[^1].Bytes)}, max {Mb(afterGc.Max(m => m.Bytes))}, slope {slopeAfterGc / 1024:F1} KB/s; {GC.CollectionCount(0)} gen0, {GC.CollectionCount(1)} gen1, {GC.CollectionCount(2)} gen2 collections |");
Console.WriteLine(report.ToString());
if (settings.Markdown is { } path)
{
    await File.WriteAllTextAsync(path, report.ToString());
}

var failed = errors > 0 || stats.TokenRequests > lifetimes + 1;
if (failed)
{
    Console.Error.WriteLine(errors > 0 ? "FAILED: calls failed" : "FAILED: more token fetches than token lifetimes + 1");
}

return failed ? 1 : 0;

static string Ms(TimeSpan value) => value.TotalMilliseconds.ToString("F2", CultureInfo.InvariantCulture) + " ms";

static string Mb(long bytes) => (bytes / 1048576.0).ToString("F1", CultureInfo.InvariantCulture) + " MB";

// Least-squares slope of heap size over time, in bytes a second.
static double Slope(List<(double Seconds, long Bytes)> samples)
{
    if (samples.Count < 2)
    {
        return 0;
    }

    var meanX = samples.Average(s => s.Seconds);
    var meanY = samples.Average(s => (double)s.Bytes);
    var numerator = samples.Sum(s => (s.Seconds - meanX) * (s.Bytes - meanY));
    var denominator = samples.Sum(s => (s.Seconds - meanX) * (s.Seconds - meanX));
    return denominator == 0 ? 0 : numerator / denominator;
}
