using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace CelerData.Generated.Fuzz.Tests.Fuzzing;

/// <summary>A generator failure the fuzzer found: its kind (what a minimized case must still show) and details.</summary>
internal sealed record Finding(FuzzCase Case, string Kind, string Detail);

/// <summary>The figures of one fuzz run.</summary>
internal sealed class FuzzReport
{
    public int Seed { get; init; }

    public int Cases { get; set; }

    public int CasesWithErrors { get; set; }

    public int CasesWithOutput { get; set; }

    public int DiagnosticsReported { get; set; }

    public ConcurrentDictionary<string, int> DiagnosticsById { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, int> MutationKinds { get; } = new(StringComparer.Ordinal);

    public int UniqueOutputs { get; set; }

    public int CompiledOutputs { get; set; }

    public int Compilations { get; set; }

    public List<Finding> Findings { get; } = [];

    public List<string> Regressions { get; } = [];

    public TimeSpan Elapsed { get; set; }

    public int SpansEndingPastTheEnd { get; set; }

    public override string ToString()
    {
        var builder = new StringBuilder();
        builder.AppendLine(CultureInfo.InvariantCulture, $"seed {Seed}: {Cases} cases in {Elapsed.TotalSeconds:F1} s");
        builder.AppendLine(CultureInfo.InvariantCulture, $"  rejected with located diagnostics: {CasesWithErrors}");
        builder.AppendLine(CultureInfo.InvariantCulture, $"  produced code: {CasesWithOutput} ({UniqueOutputs} distinct outputs, {CompiledOutputs} compiled in {Compilations} compilations)");
        builder.AppendLine(CultureInfo.InvariantCulture, $"  diagnostics reported: {DiagnosticsReported} ({string.Join(", ", DiagnosticsById.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value.ToString(CultureInfo.InvariantCulture)))})");
        builder.AppendLine(CultureInfo.InvariantCulture, $"  mutations applied: {string.Join(", ", MutationKinds.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value.ToString(CultureInfo.InvariantCulture)))}");
        builder.AppendLine(CultureInfo.InvariantCulture, $"  diagnostics whose span ends past the last line (not counted as findings): {SpansEndingPastTheEnd}");
        builder.AppendLine(CultureInfo.InvariantCulture, $"  findings: {Findings.Count}");
        foreach (var group in Findings.GroupBy(f => f.Kind, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var first = group.First();
            builder.AppendLine(CultureInfo.InvariantCulture, $"    {group.Key} x{group.Count()}: case {first.Case.Id} from {first.Case.SeedName} [{string.Join("; ", first.Case.Mutations)}]: {first.Detail}");
        }

        foreach (var regression in Regressions)
        {
            builder.AppendLine("  regression written: " + regression);
        }

        return builder.ToString();
    }
}

/// <summary>
/// Runs fuzz cases through the generator in parallel and checks each: no exception, no hang, no CS8785/AD0001/CDG0099;
/// either a CDG diagnostic located in the spec file or output that compiles without errors or warnings. Outputs are
/// compiled once per distinct text, many specs (each in its own namespace) to a compilation.
/// </summary>
internal sealed class FuzzRunner
{
    public const int CompileBatchSize = 16;
    private static readonly string[] CrashIds = ["CS8785", "AD0001", "CDG0099"];
    private readonly TimeSpan _timeout;
    private int _spansEndingPastTheEnd;

    public FuzzRunner(TimeSpan timeout)
    {
        _timeout = timeout;
    }

    public FuzzReport Run(IReadOnlyList<Seed> seeds, int cases, int seed, string? regressionDirectory)
    {
        var stopwatch = Stopwatch.StartNew();
        var report = new FuzzReport { Seed = seed, Cases = cases };
        var hashes = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        var toCompile = new ConcurrentQueue<(FuzzCase Case, GeneratorOutcome Outcome)>();
        var findings = new ConcurrentBag<Finding>();
        int withErrors = 0, withOutput = 0, diagnostics = 0;

        // Cases run one per core; each blocks its own worker while the generator runs on a dedicated thread.
        Parallel.For(0, cases, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, id =>
        {
            var fuzzCase = Mutator.Create(id, seeds[id % seeds.Count], seed);
            foreach (var mutation in fuzzCase.Mutations)
            {
                report.MutationKinds.AddOrUpdate(MutationKind(mutation), 1, (_, n) => n + 1);
            }

            var outcome = GeneratorRun.Run(fuzzCase.FileName, fuzzCase.Text, GeneratorRun.NamespaceOf(id), _timeout);
            Interlocked.Add(ref diagnostics, outcome.Diagnostics.Length);
            foreach (var diagnostic in outcome.Diagnostics)
            {
                report.DiagnosticsById.AddOrUpdate(diagnostic.Id, 1, (_, n) => n + 1);
            }

            var finding = Check(fuzzCase, outcome);
            if (finding is not null)
            {
                findings.Add(finding);
                return;
            }

            if (outcome.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
            {
                Interlocked.Increment(ref withErrors);
            }

            if (outcome.Trees.Length > 0)
            {
                Interlocked.Increment(ref withOutput);
                if (hashes.TryAdd(Hash(outcome, id), 0))
                {
                    toCompile.Enqueue((fuzzCase, outcome));
                }
            }
        });

        report.CasesWithErrors = withErrors;
        report.CasesWithOutput = withOutput;
        report.DiagnosticsReported = diagnostics;
        report.UniqueOutputs = toCompile.Count;
        var batches = toCompile.OrderBy(c => c.Case.Id).Chunk(CompileBatchSize).ToList();
        var compiled = 0;
        var compilations = 0;
        Parallel.ForEach(batches, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, batch =>
        {
            foreach (var finding in Compile(batch, ref compilations))
            {
                findings.Add(finding);
            }

            Interlocked.Add(ref compiled, batch.Length);
        });

        report.CompiledOutputs = compiled;
        report.Compilations = compilations;
        report.Findings.AddRange(findings.OrderBy(f => f.Case.Id));
        if (regressionDirectory is not null)
        {
            foreach (var group in report.Findings.GroupBy(f => f.Kind, StringComparer.Ordinal).Take(8))
            {
                report.Regressions.Add(WriteRegression(group.OrderBy(f => f.Case.Text.Length).First(), regressionDirectory));
            }
        }

        report.SpansEndingPastTheEnd = _spansEndingPastTheEnd;
        report.Elapsed = stopwatch.Elapsed;
        return report;
    }

    /// <summary>Checks what the generator did with one case; <see langword="null"/> when it behaved.</summary>
    public Finding? Check(FuzzCase fuzzCase, GeneratorOutcome outcome)
    {
        if (outcome.TimedOut)
        {
            return new Finding(fuzzCase, "hang", "the generator did not finish within " + _timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " s");
        }

        if (outcome.Exception is { } exception)
        {
            return new Finding(fuzzCase, "exception " + exception.GetType().Name, exception.ToString());
        }

        if (outcome.Diagnostics.FirstOrDefault(d => CrashIds.Contains(d.Id, StringComparer.Ordinal)) is { } crash)
        {
            var message = crash.GetMessage(CultureInfo.InvariantCulture);
            return new Finding(fuzzCase, crash.Id + " " + ExceptionName(message), message);
        }

        // Lines as the compiler counts them (\r, \n, \r\n, U+0085, U+2028, U+2029), as YAML does too.
        var lineCount = Microsoft.CodeAnalysis.Text.SourceText.From(fuzzCase.Text).Lines.Count;
        foreach (var diagnostic in outcome.Diagnostics.Where(d => d.Id.StartsWith("CDG", StringComparison.Ordinal)))
        {
            var span = diagnostic.Location.GetLineSpan();
            if (span.Path != fuzzCase.FileName || span.StartLinePosition.Line < 0 || span.StartLinePosition.Line >= lineCount)
            {
                return new Finding(fuzzCase, "unlocated " + diagnostic.Id + (span.Path == fuzzCase.FileName ? " (line past the end)" : " (other file)"), diagnostic.Id + " at '" + span.Path + "' line " + span.StartLinePosition.Line.ToString(CultureInfo.InvariantCulture) + " of " + lineCount.ToString(CultureInfo.InvariantCulture) + ": " + diagnostic.GetMessage(CultureInfo.InvariantCulture));
            }

            if (span.EndLinePosition.Line >= lineCount)
            {
                // Reported, not failed: the span starts in the file but its end lies past the last line.
                Interlocked.Increment(ref _spansEndingPastTheEnd);
            }
        }

        var errors = outcome.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0 && !errors.Any(d => d.Id.StartsWith("CDG", StringComparison.Ordinal)))
        {
            return new Finding(fuzzCase, "foreign error " + errors[0].Id, errors[0].ToString());
        }

        if (errors.Count == 0 && outcome.Trees.Length == 0)
        {
            return new Finding(fuzzCase, "silent", "no output and no error diagnostic");
        }

        return null;
    }

    /// <summary>Compiles one case's output on its own; <see langword="null"/> when it compiles cleanly.</summary>
    public Finding? CompileCheck(FuzzCase fuzzCase, GeneratorOutcome outcome)
    {
        var ignored = 0;
        return outcome.Trees.Length == 0 ? null : Compile([(fuzzCase, outcome)], ref ignored).FirstOrDefault();
    }

    /// <summary>Compiles a batch of outputs together; a batch with problems is split to name the case that has them.</summary>
    private static List<Finding> Compile((FuzzCase Case, GeneratorOutcome Outcome)[] batch, ref int compilations)
    {
        var byTree = new Dictionary<SyntaxTree, FuzzCase>();
        // Every run writes the compilation's shared JSON helpers file (the same text: one assembly name); a project
        // holds one copy, so the batch keeps the first.
        var paths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (fuzzCase, outcome) in batch)
        {
            foreach (var tree in outcome.Trees.Where(t => paths.Add(t.FilePath)))
            {
                byTree[tree] = fuzzCase;
            }
        }

        var compilation = GeneratorRun.Consumer.AddSyntaxTrees(byTree.Keys);
        Interlocked.Increment(ref compilations);
        var problems = compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        var findings = new List<Finding>();
        if (problems.Count == 0)
        {
            return findings;
        }

        var unattributed = problems.Where(d => d.Location.SourceTree is null || !byTree.ContainsKey(d.Location.SourceTree)).ToList();
        if (unattributed.Count > 0 && batch.Length > 1)
        {
            foreach (var single in batch)
            {
                findings.AddRange(Compile([single], ref compilations));
            }

            return findings;
        }

        foreach (var group in problems.GroupBy(d => d.Location.SourceTree is { } tree && byTree.TryGetValue(tree, out var owner) ? owner : batch[0].Case))
        {
            var first = group.First();
            findings.Add(new Finding(group.Key, "compile " + first.Id, string.Join("\n", group.Take(5).Select(d => d.ToString()))));
        }

        return findings;
    }

    /// <summary>Shrinks the case (lines, then characters) while the same kind of finding remains, and writes it with a note.</summary>
    private string WriteRegression(Finding finding, string directory)
    {
        var text = Minimize(finding, TimeSpan.FromSeconds(20));
        Directory.CreateDirectory(directory);
        var extension = Path.GetExtension(finding.Case.FileName);
        var name = Slug(finding.Kind) + "-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..8].ToLowerInvariant();
        var specPath = Path.Combine(directory, name + extension);
        File.WriteAllText(specPath, text);
        File.WriteAllText(
            Path.Combine(directory, name + ".txt"),
            "kind: " + finding.Kind + "\nseed spec: " + finding.Case.SeedName + "\ncase: " + finding.Case.Id.ToString(CultureInfo.InvariantCulture)
            + "\nmutations: " + string.Join("; ", finding.Case.Mutations) + "\n\n" + finding.Detail + "\n");
        return specPath;
    }

    private string Minimize(Finding finding, TimeSpan budget)
    {
        var stopwatch = Stopwatch.StartNew();
        var lines = finding.Case.Text.Split('\n').ToList();
        var chunk = Math.Max(1, lines.Count / 2);
        while (chunk >= 1 && stopwatch.Elapsed < budget)
        {
            var removed = false;
            for (var start = 0; start < lines.Count && stopwatch.Elapsed < budget; )
            {
                var candidate = lines.Take(start).Concat(lines.Skip(start + chunk)).ToList();
                if (candidate.Count > 0 && StillFails(finding, string.Join('\n', candidate)))
                {
                    lines = candidate;
                    removed = true;
                }
                else
                {
                    start += chunk;
                }
            }

            if (!removed)
            {
                chunk /= 2;
            }
        }

        return string.Join('\n', lines);
    }

    private bool StillFails(Finding finding, string text)
    {
        var candidate = finding.Case with { Text = text };
        var outcome = GeneratorRun.Run(candidate.FileName, text, GeneratorRun.NamespaceOf(candidate.Id), _timeout);
        var found = Check(candidate, outcome);
        if (found is not null)
        {
            return found.Kind == finding.Kind;
        }

        if (!finding.Kind.StartsWith("compile ", StringComparison.Ordinal) || outcome.Trees.Length == 0)
        {
            return false;
        }

        var ignored = 0;
        return Compile([(candidate, outcome)], ref ignored).Any(f => f.Kind == finding.Kind);
    }

    private static string Hash(GeneratorOutcome outcome, int id)
    {
        var ns = GeneratorRun.NamespaceOf(id);
        var builder = new StringBuilder();
        foreach (var tree in outcome.Trees.OrderBy(t => t.FilePath, StringComparer.Ordinal))
        {
            builder.Append(tree.GetText().ToString().Replace(ns, "Fuzz.N", StringComparison.Ordinal)).Append('\u0000');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
    }

    private static string MutationKind(string mutation)
    {
        var words = mutation.Split(' ');
        var detail = words.Skip(1).FirstOrDefault(w => w.Length > 0 && char.IsAsciiLetter(w[0]));
        return detail is null || words[0] is "deep" or "deep-nesting" ? words[0] : words[0] + " " + detail;
    }

    /// <summary>The exception type a CS8785 or CDG0099 message names, such as NullReferenceException.</summary>
    private static string ExceptionName(string message) =>
        message.Split(' ', '(', ')', '\'', ':').FirstOrDefault(w => w.EndsWith("Exception", StringComparison.Ordinal)) ?? "failure";

    private static string Slug(string kind) => new(kind.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray());
}
