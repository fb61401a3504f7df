using System;
using System.Globalization;
using System.IO;
using System.Linq;
using CelerData.Generated.Fuzz.Tests.Fuzzing;
using Xunit;
using Xunit.Abstractions;

namespace CelerData.Generated.Fuzz.Tests;

/// <summary>
/// Mutated and synthetic specs through the generator: it must never throw, hang or report CS8785/AD0001/CDG0099,
/// and must either produce code that compiles cleanly or say where in the spec the problem is. FUZZ_CASES (default
/// 3000), FUZZ_SEED (default 20261125) and FUZZ_TIMEOUT_SECONDS (default 10) set the run; FUZZ_REPORT names the
/// file the figures are written to (default artifacts/fuzz/report-seed{seed}.txt under the repository).
/// Findings are minimized into Regressions/ (FUZZ_WRITE_REGRESSIONS=0 turns that off).
/// </summary>
public sealed class GeneratorFuzzTests
{
    private readonly ITestOutputHelper _output;

    public GeneratorFuzzTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public void Mutated_specs_never_crash_hang_or_yield_uncompilable_code_without_a_located_diagnostic()
    {
        var cases = Setting("FUZZ_CASES", 3000);
        var seed = Setting("FUZZ_SEED", 20261125);
        var timeout = TimeSpan.FromSeconds(Setting("FUZZ_TIMEOUT_SECONDS", 10));
        var root = Corpus.RepositoryRoot();
        var seeds = Corpus.Load(syntheticCount: 40, seed);
        var regressions = Environment.GetEnvironmentVariable("FUZZ_WRITE_REGRESSIONS") == "0"
            ? null
            : Path.Combine(root, "tests", "CelerData.Generated.Fuzz.Tests", "Regressions");

        var report = new FuzzRunner(timeout).Run(seeds, cases, seed, regressions);

        var text = seeds.Count.ToString(CultureInfo.InvariantCulture) + " seeds\n" + report;
        _output.WriteLine(text);
        var reportPath = Environment.GetEnvironmentVariable("FUZZ_REPORT") ?? Path.Combine(root, "artifacts", "fuzz", "report-seed" + seed.ToString(CultureInfo.InvariantCulture) + ".txt");
        Directory.CreateDirectory(Path.GetDirectoryName(reportPath)!);
        File.WriteAllText(reportPath, text);

        Assert.True(report.CompiledOutputs > 0, "No fuzz case produced code, so nothing was compiled.\n" + text);
        Assert.True(report.CasesWithErrors > 0, "No fuzz case was rejected, so the mutator does not mutate.\n" + text);
        Assert.True(report.Findings.Count == 0, "The generator misbehaved:\n" + text + "\nFirst finding in full:\n" + report.Findings.FirstOrDefault()?.Detail);
    }

    /// <summary>Every spec in Regressions/ (minimized by earlier runs) now behaves; its generated code, if any, is written to artifacts/fuzz/regressions/.</summary>
    [Fact]
    public void Recorded_regressions_now_pass()
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "Regressions");
        var files = Directory.Exists(directory)
            ? Directory.GetFiles(directory).Where(f => !f.EndsWith(".txt", StringComparison.Ordinal) && !f.EndsWith(".md", StringComparison.Ordinal)).OrderBy(f => f, StringComparer.Ordinal).ToList()
            : [];
        var runner = new FuzzRunner(TimeSpan.FromSeconds(10));
        var failures = files
            .Select((file, i) =>
            {
                var fuzzCase = new FuzzCase(i, Path.GetFileName(file), "/regressions/" + Path.GetFileName(file), File.ReadAllText(file), ["recorded"]);
                var outcome = GeneratorRun.Run(fuzzCase.FileName, fuzzCase.Text, GeneratorRun.NamespaceOf(i), TimeSpan.FromSeconds(10));
                var dump = Path.Combine(Corpus.RepositoryRoot(), "artifacts", "fuzz", "regressions", Path.GetFileNameWithoutExtension(file));
                foreach (var tree in outcome.Trees)
                {
                    Directory.CreateDirectory(dump);
                    File.WriteAllText(Path.Combine(dump, Path.GetFileName(tree.FilePath)), tree.GetText().ToString());
                }

                var finding = runner.Check(fuzzCase, outcome) ?? runner.CompileCheck(fuzzCase, outcome);
                return finding is null ? null : Path.GetFileName(file) + ": " + finding.Kind + "\n" + finding.Detail;
            })
            .Where(f => f is not null)
            .ToList();
        _output.WriteLine(files.Count.ToString(CultureInfo.InvariantCulture) + " recorded regressions, " + failures.Count.ToString(CultureInfo.InvariantCulture) + " failing");

        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
}
