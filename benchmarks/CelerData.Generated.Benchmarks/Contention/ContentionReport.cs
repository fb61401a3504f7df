using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading.Tasks;

namespace CelerData.Generated.Benchmarks.Contention;

/// <summary>
/// The figures BenchmarkDotNet cannot give: token fetches per round and each caller's latency (p50, p90, p99,
/// max) over many rounds, as a Markdown table.
/// </summary>
public static class ContentionReport
{
    public static async Task<string> RunAsync(int rounds)
    {
        var table = new StringBuilder();
        table.AppendLine("| Endpoint latency | Cache state | Callers | Variant | Fetches per round | p50 (µs) | p90 (µs) | p99 (µs) | max (µs) |");
        table.AppendLine("|---:|---|---:|---|---:|---:|---:|---:|---:|");
        foreach (var latency in new[] { TimeSpan.Zero, TimeSpan.FromMilliseconds(5) })
        {
            // A slow endpoint makes each round take milliseconds: fewer rounds give as many samples per caller count.
            await RunAsync(table, latency, latency == TimeSpan.Zero ? rounds : Math.Max(1, rounds / 4)).ConfigureAwait(false);
        }

        return table.ToString();
    }

    private static async Task RunAsync(StringBuilder table, TimeSpan latency, int rounds)
    {
        foreach (var state in new[] { CacheState.Cold, CacheState.Expiring })
        {
            foreach (var callers in new[] { 1, 8, 64, 1024 })
            {
                using var rig = new ContentionRig(state, latency);
                for (var warm = 0; warm < 3; warm++)
                {
                    await rig.CacheRoundAsync(callers).ConfigureAwait(false);
                    await rig.DirectRoundAsync(callers).ConfigureAwait(false);
                }

                rig.ResetCounts();
                var direct = new long[rounds * callers];
                var cached = new long[rounds * callers];
                var round = new long[callers];
                for (var r = 0; r < rounds; r++)
                {
                    await rig.DirectRoundAsync(callers, round).ConfigureAwait(false);
                    Array.Copy(round, 0, direct, r * callers, callers);
                    await rig.CacheRoundAsync(callers, round).ConfigureAwait(false);
                    Array.Copy(round, 0, cached, r * callers, callers);
                }

                Row(table, latency, state, callers, "No cache: every caller fetches", rig.DirectFetches / (double)rounds, direct);
                Row(table, latency, state, callers, "Runtime token cache", rig.CacheFetches / (double)rounds, cached);
            }
        }
    }

    private static void Row(StringBuilder table, TimeSpan latency, CacheState state, int callers, string variant, double fetches, long[] ticks)
    {
        Array.Sort(ticks);
        table.Append(CultureInfo.InvariantCulture, $"| {latency.TotalMilliseconds:0} ms | {state} | {callers} | {variant} | {fetches:0.##} | {Micros(ticks, 0.50)} | {Micros(ticks, 0.90)} | {Micros(ticks, 0.99)} | {Micros(ticks, 1.0)} |").AppendLine();
    }

    private static string Micros(long[] sorted, double percentile)
    {
        var index = Math.Min(sorted.Length - 1, (int)Math.Ceiling(percentile * sorted.Length) - 1);
        var micros = sorted[Math.Max(0, index)] * 1_000_000.0 / Stopwatch.Frequency;
        return micros.ToString("0.0", CultureInfo.InvariantCulture);
    }
}
