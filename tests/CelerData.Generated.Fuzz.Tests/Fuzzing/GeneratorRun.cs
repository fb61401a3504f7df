using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CelerData.Generated.Fuzz.Tests.Fuzzing;

/// <summary>What one run of the generator on one spec produced.</summary>
internal sealed record GeneratorOutcome(
    bool TimedOut,
    Exception? Exception,
    ImmutableArray<Diagnostic> Diagnostics,
    ImmutableArray<SyntaxTree> Trees);

/// <summary>Runs <see cref="CelerDataGenerator"/> through Roslyn's driver, as the compiler does, on one spec at a time.</summary>
internal static class GeneratorRun
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly Lazy<CSharpCompilation> LazyConsumer = new(() => CSharpCompilation.Create(
        "FuzzConsumer",
        [CSharpSyntaxTree.ParseText("namespace Consumer { internal static class Marker { } }", ParseOptions, "Marker.cs")],
        LoadReferences(),
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, deterministic: true)));

    public static CSharpCompilation Consumer => LazyConsumer.Value;

    public static string NamespaceOf(int caseId) => "Fuzz.N" + caseId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Runs the generator on a thread of its own; gives up (and calls it a hang) after <paramref name="timeout"/>.</summary>
    public static GeneratorOutcome Run(string path, string text, string ns, TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource();
        var work = Task.Factory.StartNew(
            () => RunCore(path, text, ns, cancellation.Token),
            cancellation.Token,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
        if (!work.Wait(timeout))
        {
            cancellation.Cancel();
            return new GeneratorOutcome(true, null, [], []);
        }

        return work.Result;
    }

    private static GeneratorOutcome RunCore(string path, string text, string ns, CancellationToken cancellationToken)
    {
        try
        {
            GeneratorDriver driver = CSharpGeneratorDriver.Create(
                [new CelerDataGenerator().AsSourceGenerator()],
                [new InMemoryAdditionalText(path, text)],
                ParseOptions,
                new SpecOptionsProvider(path, ns));
            driver = driver.RunGenerators(Consumer, cancellationToken);
            var result = driver.GetRunResult();
            var generator = result.Results.Single();
            return new GeneratorOutcome(false, generator.Exception, result.Diagnostics, result.GeneratedTrees);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new GeneratorOutcome(false, exception, [], []);
        }
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var paths = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var trusted = (string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty;
        foreach (var path in trusted.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            paths[Path.GetFileNameWithoutExtension(path)] = path;
        }

        var own = new[] { "CelerData.Generated.Fuzz.Tests", "CelerData.Generated" };
        foreach (var path in Directory.GetFiles(AppContext.BaseDirectory, "*.dll"))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            if (!own.Contains(name, StringComparer.OrdinalIgnoreCase) && !paths.ContainsKey(name))
            {
                paths[name] = path;
            }
        }

        foreach (var name in own)
        {
            paths.Remove(name);
        }

        return [.. paths.Values.Where(IsManaged).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
    }

    private static bool IsManaged(string path)
    {
        try
        {
            System.Reflection.AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }

    private sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text, System.Text.Encoding.UTF8);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class SpecOptionsProvider(string path, string ns) : AnalyzerConfigOptionsProvider
    {
        private readonly DictionaryOptions _spec = new(new Dictionary<string, string>
        {
            ["build_metadata.AdditionalFiles.CelerDataSpec"] = "true",
            ["build_metadata.AdditionalFiles.Namespace"] = ns,
        });

        public override AnalyzerConfigOptions GlobalOptions { get; } = new DictionaryOptions(new Dictionary<string, string> { ["build_property.RootNamespace"] = "Consumer" });

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => DictionaryOptions.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => textFile.Path == path ? _spec : DictionaryOptions.Empty;
    }

    private sealed class DictionaryOptions(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static readonly DictionaryOptions Empty = new([]);

        public override bool TryGetValue(string key, out string value)
        {
            if (values.TryGetValue(key, out var found))
            {
                value = found;
                return true;
            }

            value = string.Empty;
            return false;
        }
    }
}
