using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Running;
using CelerData.Generated.Benchmarks.Contention;
using CelerData.Generated.Benchmarks.Generator;
using CelerData.Generated.Benchmarks.Json;

namespace CelerData.Generated.Benchmarks;

/// <summary>
/// BenchmarkDotNet's switcher, plus the measurements it cannot make (see benchmarks/README.md):
/// <c>make-specs</c>, <c>generate</c>, <c>measure-generate</c>, <c>measure-compile</c>, <c>measure-analyzers</c>, <c>measure-json</c>, <c>contention-report</c>, <c>hyperfine-table</c> and <c>write-doc</c>.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "make-specs":
                SyntheticSpec.WriteAll(args.ElementAtOrDefault(1) ?? RepositoryPaths.SpecsDirectory, Sizes(args.ElementAtOrDefault(2) ?? "10,100,1000,5000"));
                return 0;
            case "generate":
                return SpecToSource.Run(args[1], args[2]);
            case "measure-generate":
                return BigSpecMeasure.Generate(args[1], args[2], int.Parse(args.ElementAtOrDefault(3) ?? "3", CultureInfo.InvariantCulture), Metadata(args.Skip(4)));
            case "measure-compile":
                return BigSpecMeasure.Compile(args[1]);
            case "measure-analyzers":
                return AnalyzerMeasure.Run(args[1], args[2..]);
            case "measure-json":
                return JsonProcessorTime.Run(int.Parse(args.ElementAtOrDefault(1) ?? "41", CultureInfo.InvariantCulture));
            case "contention-report":
                var rounds = int.Parse(args.ElementAtOrDefault(2) ?? "200", CultureInfo.InvariantCulture);
                await File.WriteAllTextAsync(args[1], await ContentionReport.RunAsync(rounds).ConfigureAwait(false)).ConfigureAwait(false);
                return 0;
            case "hyperfine-table":
                HyperfineTable.Write(args[1], args[2]);
                return 0;
            case "write-doc":
                DocWriter.Fill(args[1], args[2]);
                return 0;
            default:
                BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
                return 0;
        }
    }

    /// <summary>Item metadata as <c>Name=Value</c> arguments.</summary>
    private static Dictionary<string, string> Metadata(IEnumerable<string> pairs)
        => pairs.Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);

    private static int[] Sizes(string list) => list.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
}
