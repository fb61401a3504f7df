using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CelerData.Generated.Tests.Infrastructure;

/// <summary>A spec file handed to the generator as an additional file with the package's metadata (any further item metadata by name).</summary>
internal sealed record SpecFile(string Path, string Text, string? Namespace = null, string? ClientName = null, IReadOnlyDictionary<string, string>? Metadata = null);

/// <summary>Runs the generator the way the compiler does and compiles what it produces.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(LoadReferences);

    public static ImmutableArray<MetadataReference> References => LazyReferences.Value;

    public static CSharpCompilation CreateCompilation(params string[] sources) => CreateCompilation(References, ParseOptions, sources);

    public static CSharpCompilation CreateCompilation(IEnumerable<MetadataReference> references, CSharpParseOptions parseOptions, params string[] sources)
        => CSharpCompilation.Create(
            "Consumer",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, parseOptions, "Source" + i + ".cs")),
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, deterministic: true));

    public static GeneratorDriver CreateDriver(IEnumerable<SpecFile> specs, out ImmutableArray<AdditionalText> texts, string rootNamespace = "Consumer", CSharpParseOptions? parseOptions = null)
    {
        var files = specs.ToList();
        texts = files.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)).ToImmutableArray();
        var options = new TestOptionsProvider(files, rootNamespace);
        return CSharpGeneratorDriver.Create(
            new[] { new CelerDataGenerator().AsSourceGenerator() },
            texts,
            parseOptions ?? ParseOptions,
            options,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    /// <summary>Adds a spec to a driver that has run, as a project gains a CelerDataSpec item: its text and its item metadata.</summary>
    public static GeneratorDriver AddSpec(GeneratorDriver driver, IEnumerable<SpecFile> existing, SpecFile added)
        => driver
            .AddAdditionalTexts(ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText(added.Path, added.Text)))
            .WithUpdatedAnalyzerConfigOptions(new TestOptionsProvider(existing.Append(added).ToList(), "Consumer"));

    /// <summary>Runs the generator once on an empty consumer and returns the result and the compiled output.</summary>
    public static GenerationResult Run(params SpecFile[] specs) => Run(References, ParseOptions, specs);

    public static GenerationResult Run(IEnumerable<MetadataReference> references, CSharpParseOptions parseOptions, params SpecFile[] specs)
    {
        var compilation = CreateCompilation(references, parseOptions, "namespace Consumer { internal static class Marker { } }");
        var driver = CreateDriver(specs, out var texts, parseOptions: parseOptions).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        return new GenerationResult(driver, compilation, output, generatorDiagnostics, driver.GetRunResult(), texts);
    }

    public static SpecFile LoadSpec(string path, string? ns = null, string? clientName = null)
        => new(path, File.ReadAllText(path), ns, clientName);

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var paths = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var trusted = (string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty;
        foreach (var path in trusted.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            paths[Path.GetFileNameWithoutExtension(path)] = path;
        }

        var own = new[] { "CelerData.Generated.Tests", "CelerData.Generated" };
        foreach (var path in Directory.GetFiles(AppContext.BaseDirectory, "*.dll"))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            if (!own.Contains(name, StringComparer.OrdinalIgnoreCase) && !paths.ContainsKey(name))
            {
                paths[name] = path;
            }
        }

        return paths.Values.Where(IsManaged).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
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

    internal sealed class InMemoryAdditionalText : AdditionalText
    {
        private readonly SourceText _text;

        public InMemoryAdditionalText(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text, System.Text.Encoding.UTF8);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class TestOptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly Dictionary<string, DictionaryOptions> _byPath;

        public TestOptionsProvider(List<SpecFile> files, string rootNamespace)
        {
            GlobalOptions = new DictionaryOptions(new Dictionary<string, string> { ["build_property.RootNamespace"] = rootNamespace });
            _byPath = files.ToDictionary(
                f => f.Path,
                f =>
                {
                    var values = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.CelerDataSpec"] = "true" };
                    if (f.Namespace is not null)
                    {
                        values["build_metadata.AdditionalFiles.Namespace"] = f.Namespace;
                    }

                    if (f.ClientName is not null)
                    {
                        values["build_metadata.AdditionalFiles.ClientName"] = f.ClientName;
                    }

                    foreach (var metadata in f.Metadata ?? new Dictionary<string, string>())
                    {
                        values["build_metadata.AdditionalFiles." + metadata.Key] = metadata.Value;
                    }

                    return new DictionaryOptions(values);
                });
        }

        public override AnalyzerConfigOptions GlobalOptions { get; }

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => DictionaryOptions.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile)
            => _byPath.TryGetValue(textFile.Path, out var options) ? options : DictionaryOptions.Empty;
    }

    private sealed class DictionaryOptions : AnalyzerConfigOptions
    {
        public static readonly DictionaryOptions Empty = new(new Dictionary<string, string>());

        private readonly Dictionary<string, string> _values;

        public DictionaryOptions(Dictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, out string value)
        {
            if (_values.TryGetValue(key, out var found))
            {
                value = found;
                return true;
            }

            value = string.Empty;
            return false;
        }
    }
}

/// <summary>What one generator run produced.</summary>
internal sealed record GenerationResult(
    GeneratorDriver Driver,
    Compilation Input,
    Compilation Output,
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    GeneratorDriverRunResult RunResult,
    ImmutableArray<AdditionalText> Texts)
{
    public AdditionalText Text(string path) => Texts.Single(t => t.Path == path);

    public IReadOnlyList<GeneratedSourceResult> Sources => RunResult.Results.SelectMany(r => r.GeneratedSources).OrderBy(s => s.HintName, StringComparer.Ordinal).ToList();

    /// <summary>Compiler errors and warnings in the output (the generated code must have none).</summary>
    public IReadOnlyList<Diagnostic> CompilationProblems()
        => Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();

    public IReadOnlyList<Diagnostic> Diagnostics(string id) => GeneratorDiagnostics.Where(d => d.Id == id).ToList();
}
