using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using CelerData.Generated.Benchmarks.Cloud;
using CelerData.Generated.Benchmarks.Shared;

namespace CelerData.Generated.Benchmarks.Json;

/// <summary>
/// <c>measure-json</c>: the JSON suites' ratios on a shared machine. BenchmarkDotNet measures wall time, which on a
/// machine whose load is many times its cores measures the scheduler's queue (RatioSD 0.2-0.3). This measures the
/// processor time of the measuring thread itself (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>), in short batches that
/// alternate between the System.Text.Json generator and ours, and reports each one's median nanoseconds per call and
/// the ratio of the medians. It complements the BenchmarkDotNet suites (same values, same calls); it does not replace
/// them on a quiet machine.
/// </summary>
internal static class JsonProcessorTime
{
    private const int ThreadCpuTimeClock = 3;

    public static int Run(int rounds)
    {
        if (!OperatingSystem.IsLinux())
        {
            Console.Error.WriteLine("measure-json reads the thread's processor time through clock_gettime, on Linux only.");
            return 2;
        }

        var serialize = new JsonSerializeBenchmarks();
        var deserialize = new JsonDeserializeBenchmarks();
        var pairs = new (string Name, Func<object> Baseline, Func<object> Ours, Func<object> Hand)[]
        {
            ("Serialize", serialize.StjGenerator, serialize.Ours, serialize.HandWritten),
            ("Deserialize", deserialize.StjGenerator, deserialize.Ours, deserialize.HandWritten),
        };

        Console.WriteLine("| Suite | STJ generator (ns, median) | CelerData.Generated (ns) | Ratio | Hand-written (ns) | Ratio | Batches |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var (name, baseline, ours, hand) in pairs)
        {
            const int batch = 20_000;

            // Warm up for at least 5 batches and 3 seconds: tiered compilation promotes a method to optimized code only
            // after a delay with no new methods being jitted, and 5 batches alone (about 0.1 s) measured the serializer's
            // unoptimized code (2.4x instead of 0.9x in runs of 11 batches on 2026-11-29).
            var warm = System.Diagnostics.Stopwatch.StartNew();
            for (var i = 0; i < 5 || warm.Elapsed < TimeSpan.FromSeconds(3); i++)
            {
                Time(baseline, batch);
                Time(ours, batch);
                Time(hand, batch);
            }

            var b = new List<double>();
            var o = new List<double>();
            var h = new List<double>();
            for (var round = 0; round < rounds; round++)
            {
                b.Add(Time(baseline, batch));
                o.Add(Time(ours, batch));
                h.Add(Time(hand, batch));
            }

            var (mb, mo, mh) = (Median(b), Median(o), Median(h));
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {name} | {mb:F1} | {mo:F1} | {mo / mb:F2} | {mh:F1} | {mh / mb:F2} | {rounds} x {batch:N0} |"));
        }

        return 0;
    }

    /// <summary>Nanoseconds of the thread's processor time per call, over one batch.</summary>
    private static double Time(Func<object> call, int count)
    {
        var start = ThreadNanoseconds();
        for (var i = 0; i < count; i++)
        {
            GC.KeepAlive(call());
        }

        return (ThreadNanoseconds() - start) / (double)count;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values.Count % 2 == 1 ? values[values.Count / 2] : (values[(values.Count / 2) - 1] + values[values.Count / 2]) / 2;
    }

    private static long ThreadNanoseconds()
    {
        if (ClockGetTime(ThreadCpuTimeClock, out var time) != 0)
        {
            throw new InvalidOperationException("clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed: " + Marshal.GetLastPInvokeError().ToString(CultureInfo.InvariantCulture));
        }

        return (time.Seconds * 1_000_000_000L) + time.Nanoseconds;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int ClockGetTime(int clock, out TimeSpec time);
}
