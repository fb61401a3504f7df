using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CelerData.Generated.Benchmarks.Generator;

/// <summary>
/// Measurements for big specs that BenchmarkDotNet cannot make: <c>measure-generate</c> (generator time over
/// several full runs, bytes per emitted file, the files written out) and <c>measure-compile</c> (the Roslyn
/// compilation of a folder of generated files alone, in this process: parse, bind, emit; time, allocation and
/// peak working set). Run each in its own process so that peak memory is that step's.
/// </summary>
public static class BigSpecMeasure
{
    /// <summary>Runs the generator <paramref name="runs"/> times on the spec (the first one cold) and writes the last output.</summary>
    public static int Generate(string specPath, string outputDirectory, int runs, IReadOnlyDictionary<string, string> metadata)
    {
        var spec = new GeneratorInputs.InMemoryText(Path.GetFullPath(specPath), File.ReadAllText(specPath));
        var compilation = GeneratorInputs.Compilation([GeneratorInputs.Tree("namespace Consumer { internal static class Marker { } }\n", "Marker.cs")]);
        GeneratorDriverRunResult? result = null;
        var times = new List<double>();
        var processorTimes = new List<double>();
        using var self = Process.GetCurrentProcess();
        for (var i = 0; i < runs; i++)
        {
            self.Refresh();
            var processorBefore = self.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            result = GeneratorInputs.Driver(new CelerDataGenerator().AsSourceGenerator(), [spec], metadata, trackSteps: true).RunGenerators(compilation).GetRunResult();
            times.Add(watch.Elapsed.TotalMilliseconds);
            self.Refresh();
            processorTimes.Add((self.TotalProcessorTime - processorBefore).TotalMilliseconds);
        }

        var steps = result!.Results[0].TrackedSteps
            .Select(step => step.Key + " " + step.Value.Sum(run => run.ElapsedTime.TotalMilliseconds).ToString("F0", CultureInfo.InvariantCulture) + " ms")
            .ToList();

        Directory.CreateDirectory(outputDirectory);
        long total = 0;
        Console.WriteLine("| File | Bytes |");
        Console.WriteLine("|---|---:|");
        foreach (var source in result!.Results[0].GeneratedSources)
        {
            var text = source.SourceText.ToString();
            var bytes = System.Text.Encoding.UTF8.GetByteCount(text);
            total += bytes;
            File.WriteAllText(Path.Combine(outputDirectory, source.HintName), text);
            Console.WriteLine("| " + source.HintName + " | " + bytes.ToString("N0", CultureInfo.InvariantCulture) + " |");
        }

        Console.WriteLine("| **Total** | **" + total.ToString("N0", CultureInfo.InvariantCulture) + "** |");
        Console.WriteLine();
        Console.WriteLine("Generator full runs (ms, first is cold): " + string.Join(", ", times.Select(t => t.ToString("F0", CultureInfo.InvariantCulture))));
        Console.WriteLine("Processor time of each run (ms, all threads, GC included): " + string.Join(", ", processorTimes.Select(t => t.ToString("F0", CultureInfo.InvariantCulture))));
        Console.WriteLine("Tracked steps of the last run (the rest is emitting): " + string.Join("; ", steps));
        var warnings = result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Console.WriteLine("Generator diagnostics (warning or error): " + warnings.Count);
        foreach (var group in warnings.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Console.WriteLine("  " + group.Key + ": " + group.Count());
            foreach (var diagnostic in group.Take(3))
            {
                Console.WriteLine("    " + diagnostic.GetMessage(CultureInfo.InvariantCulture) + " (" + diagnostic.Location.GetLineSpan() + ")");
            }
        }

        return result.Results[0].GeneratedSources.IsEmpty ? 1 : 0;
    }

    /// <summary>Compiles every <c>.cs</c> file of <paramref name="directory"/> to an assembly in memory, as the compiler does in a build.</summary>
    public static int Compile(string directory)
    {
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        var trees = Directory.GetFiles(directory, "*.cs").OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => CSharpSyntaxTree.ParseText(File.ReadAllText(p), GeneratorInputs.ParseOptions, p))
            .ToList();
        var parsed = watch.Elapsed;
        var compilation = GeneratorInputs.Compilation(trees).WithOptions(new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, optimizationLevel: OptimizationLevel.Release, deterministic: true));
        using var peStream = new MemoryStream();
        var emit = compilation.Emit(peStream);
        var total = watch.Elapsed;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var problems = emit.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Console.WriteLine("Parse: " + parsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) + " s; parse + compile + emit: "
            + total.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) + " s; allocated "
            + (allocated / 1048576.0).ToString("F0", CultureInfo.InvariantCulture) + " MB; peak working set "
            + (process.PeakWorkingSet64 / 1048576.0).ToString("F0", CultureInfo.InvariantCulture) + " MB; processor time "
            + process.TotalProcessorTime.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) + " s; assembly "
            + peStream.Length.ToString("N0", CultureInfo.InvariantCulture) + " bytes; warnings and errors: " + problems.Count);
        foreach (var problem in problems.Take(10))
        {
            Console.WriteLine("  " + problem);
        }

        return emit.Success ? 0 : 1;
    }
}
