using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CelerData.Generated.Benchmarks.Generator;

/// <summary>
/// <c>measure-analyzers</c>: what the .NET SDK's code analyzers (the ones a console project runs by default) cost on
/// a folder of generated files. The files are compiled as <c>measure-compile</c> does (their names kept, so that
/// <c>*.g.cs</c> and the <c>&lt;auto-generated/&gt;</c> header mark them as generated code, as the compiler marks a
/// source generator's output), together with a small user file; the compiler's own binding runs first, then the
/// analyzers through <see cref="CompilationWithAnalyzers"/>, with the time of each analyzer's callbacks
/// (<see cref="AnalyzerTelemetryInfo.ExecutionTime"/>). Analyzers are loaded from the SDK that runs this tool, or
/// from the folder given; only those with a warning or error enabled by default run (as in a command-line build with
/// the SDK's default analysis level, which leaves out analyzers that only report hidden or info diagnostics), or the
/// ones named (<c>--analyzers none</c>: the compilation alone).
/// </summary>
public static class AnalyzerMeasure
{
    private const string UserFile = """
        namespace Consumer;

        internal static class Program
        {
            private static void Main() => System.Console.WriteLine(typeof(Program).Name);
        }
        """;

    /// <summary>
    /// Runs the measurement. Options: <c>--analyzers A,B</c> (analyzer type names) narrows the analyzers;
    /// <c>--sdk DIR</c> loads them from another folder; <c>--bind-first</c> binds everything (the compiler's own
    /// diagnostics) before the analyzers run, so that their times leave out binding they would otherwise trigger;
    /// <c>--one-thread</c> runs the analyzers one at a time (by default they run concurrently, as in the compiler);
    /// <c>--suppress ID,ID:TEXT</c> sets those diagnostics' severity to none in the files whose name contains TEXT, as
    /// an <c>.editorconfig</c> section for those files would (the driver then skips the analyzer there if it reports
    /// nothing else); <c>--list</c> only prints, per analyzer, how it configured generated-code analysis.
    /// </summary>
    public static int Run(string directory, IReadOnlyList<string> options)
    {
        string? Option(string name) => options.SkipWhile(o => o != name).Skip(1).FirstOrDefault();
        var bindFirst = options.Contains("--bind-first");
        var concurrent = !options.Contains("--one-thread");
        var analyzers = Load(Option("--sdk") ?? SdkAnalyzerDirectory(), Option("--analyzers"));
        if (options.Contains("--list"))
        {
            foreach (var analyzer in analyzers.OrderBy(a => a.GetType().Name, StringComparer.Ordinal))
            {
                var recorder = new GeneratedCodeRecorder();
                analyzer.Initialize(recorder);
                Console.WriteLine(analyzer.GetType().Name + " (" + string.Join(", ", analyzer.SupportedDiagnostics.Select(d => d.Id).Distinct()) + "): generated code " + recorder.Flags);
            }

            return 0;
        }

        using var self = Process.GetCurrentProcess();
        var watch = Stopwatch.StartNew();
        var trees = Directory.GetFiles(directory, "*.cs").OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => CSharpSyntaxTree.ParseText(File.ReadAllText(p), GeneratorInputs.ParseOptions, p))
            .Append(CSharpSyntaxTree.ParseText(UserFile, GeneratorInputs.ParseOptions, Path.Combine(directory, "Program.cs")))
            .ToList();
        var suppress = Option("--suppress")?.Split(':', 2);
        var compilation = GeneratorInputs.Compilation(trees).WithOptions(new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, optimizationLevel: OptimizationLevel.Release, deterministic: true)
            .WithSyntaxTreeOptionsProvider(suppress is null ? null : new Suppressions(suppress[0].Split(',').ToHashSet(StringComparer.Ordinal), suppress[1])));
        var compilerProblems = bindFirst ? compilation.GetDiagnostics().Count(d => d.Severity >= DiagnosticSeverity.Warning) : -1;
        var bound = Step(self, watch);

        if (analyzers.IsEmpty)
        {
            var problems = compilation.GetDiagnostics().Count(d => d.Severity >= DiagnosticSeverity.Warning);
            Console.WriteLine("Files: " + (trees.Count - 1) + ", no analyzers, load " + File.ReadAllText("/proc/loadavg").Split(' ')[0]);
            Console.WriteLine("Parse: " + bound);
            Console.WriteLine("Bind (the compiler's diagnostics; warnings and errors: " + problems + "): " + Step(self, watch));
            return 0;
        }

        var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: concurrent, logAnalyzerExecutionTime: true, reportSuppressedDiagnostics: false));
        var result = withAnalyzers.GetAnalysisResultAsync(default).GetAwaiter().GetResult();
        var analyzed = Step(self, watch);

        Console.WriteLine("Files: " + (trees.Count - 1) + " generated (" + trees.Sum(t => t.Length).ToString("N0", CultureInfo.InvariantCulture) + " chars), "
            + "analyzers: " + analyzers.Length + (suppress is null ? string.Empty : ", " + suppress[0] + " off in files named *" + suppress[1] + "*") + (concurrent ? ", concurrent" : ", one thread") + ", load " + File.ReadAllText("/proc/loadavg").Split(' ')[0]);
        Console.WriteLine("Parse" + (bindFirst ? " and bind (the compiler's diagnostics; warnings and errors: " + compilerProblems + ")" : string.Empty) + ": " + bound);
        Console.WriteLine("Analyzers" + (bindFirst ? string.Empty : " (and the binding they trigger)") + ": " + analyzed);
        Console.WriteLine();
        Console.WriteLine("| Analyzer | Execution time (s) | Symbol actions | Operation actions | Syntax node actions |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        var ordered = result.AnalyzerTelemetryInfo.OrderByDescending(p => p.Value.ExecutionTime).ToList();
        foreach (var (analyzer, info) in ordered.Where(p => p.Value.ExecutionTime.TotalSeconds >= 0.05))
        {
            Console.WriteLine("| " + analyzer.GetType().Name + " (" + string.Join(", ", analyzer.SupportedDiagnostics.Select(d => d.Id).Distinct()) + ") | "
                + info.ExecutionTime.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture) + " | " + info.SymbolActionsCount + " | "
                + info.OperationActionsCount + " | " + info.SyntaxNodeActionsCount + " |");
        }

        var rest = ordered.Where(p => p.Value.ExecutionTime.TotalSeconds < 0.05).ToList();
        Console.WriteLine("| " + rest.Count + " others, under 0.05 s each | " + rest.Sum(p => p.Value.ExecutionTime.TotalSeconds).ToString("F2", CultureInfo.InvariantCulture) + " | | | |");
        Console.WriteLine("| **All** | **" + ordered.Sum(p => p.Value.ExecutionTime.TotalSeconds).ToString("F2", CultureInfo.InvariantCulture) + "** | | | |");

        var diagnostics = result.GetAllDiagnostics();
        Console.WriteLine();
        Console.WriteLine("Analyzer diagnostics: " + diagnostics.Length);
        foreach (var group in diagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Console.WriteLine("  " + group.Key + ": " + group.Count() + " (first: " + group.First() + ")");
        }

        return 0;
    }

    /// <summary>Wall and processor time since the last step, then restarts the clock.</summary>
    private static string Step(Process self, Stopwatch watch)
    {
        self.Refresh();
        var text = watch.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) + " s wall, process processor time so far "
            + self.TotalProcessorTime.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) + " s";
        watch.Restart();
        return text;
    }

    /// <summary>The C# analyzers of every assembly in <paramref name="directory"/> with a diagnostic on by default, or the ones named.</summary>
    private static ImmutableArray<DiagnosticAnalyzer> Load(string directory, string? names)
    {
        var wanted = names?.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var context = new AssemblyLoadContext("analyzers");
        var assemblies = Directory.GetFiles(directory, "*.dll").Where(p => !Path.GetFileName(p).Contains("VisualBasic", StringComparison.Ordinal))
            .Select(context.LoadFromAssemblyPath).ToList();
        return assemblies
            .SelectMany(LoadableTypes)
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t)
                && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>()?.Languages.Contains(LanguageNames.CSharp) == true)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .Where(a => wanted is null ? a.SupportedDiagnostics.Any(d => d.IsEnabledByDefault && d.DefaultSeverity >= DiagnosticSeverity.Warning) : wanted.Contains(a.GetType().Name))
            .ToImmutableArray();
    }

    /// <summary>Records what an analyzer's <c>Initialize</c> says about generated code; registrations are ignored.</summary>
    private sealed class GeneratedCodeRecorder : AnalysisContext
    {
        /// <summary>The flags the analyzer configured; the driver's default when it configures none.</summary>
        public GeneratedCodeAnalysisFlags Flags { get; private set; } = GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics;

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => Flags = analysisMode;

        public override void EnableConcurrentExecution()
        {
        }

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action)
        {
        }

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action)
        {
        }

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action)
        {
        }

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds)
        {
        }

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action)
        {
        }

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action)
        {
        }

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action)
        {
        }

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds)
        {
        }

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds)
        {
        }

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action)
        {
        }

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action)
        {
        }

        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind)
        {
        }

        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action)
        {
        }
    }

    /// <summary>Per-file severities: the given diagnostics off in the files whose name contains the given text.</summary>
    private sealed class Suppressions(HashSet<string> ids, string fileNamePart) : SyntaxTreeOptionsProvider
    {
        public override GeneratedKind IsGenerated(SyntaxTree tree, System.Threading.CancellationToken cancellationToken) => GeneratedKind.Unknown;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, System.Threading.CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            severity = ReportDiagnostic.Suppress;
            return ids.Contains(diagnosticId) && Path.GetFileName(tree.FilePath).Contains(fileNamePart, StringComparison.Ordinal);
        }

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, System.Threading.CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            severity = ReportDiagnostic.Default;
            return false;
        }
    }

    /// <summary>The types of <paramref name="assembly"/> that load (its code fixes need the Workspaces assembly, which is not here).</summary>
    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            return e.Types.OfType<Type>();
        }
    }

    /// <summary>The SDK's analyzer folder: <c>sdk/{version}/Sdks/Microsoft.NET.Sdk/analyzers</c> of the newest SDK beside the running runtime.</summary>
    private static string SdkAnalyzerDirectory()
    {
        var dotnetRoot = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
        return Directory.GetDirectories(Path.Combine(dotnetRoot, "sdk"))
            .Select(d => Path.Combine(d, "Sdks", "Microsoft.NET.Sdk", "analyzers"))
            .Where(Directory.Exists)
            .OrderByDescending(d => d, StringComparer.Ordinal)
            .First();
    }
}
