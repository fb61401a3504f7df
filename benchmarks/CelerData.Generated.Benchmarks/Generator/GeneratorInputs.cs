using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CelerData.Generated.Benchmarks.Generator;

/// <summary>What the generator suite feeds the two generators: compilations, spec texts, options and the STJ generator itself.</summary>
public static class GeneratorInputs
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly CSharpCompilationOptions CompilationOptions =
        new(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, deterministic: true);

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(LoadReferences);

    public static ImmutableArray<MetadataReference> References => LazyReferences.Value;

    public static SyntaxTree Tree(string source, string path) => CSharpSyntaxTree.ParseText(source, ParseOptions, path);

    public static CSharpCompilation Compilation(IEnumerable<SyntaxTree> trees) => CSharpCompilation.Create("Consumer", trees, References, CompilationOptions);

    public static GeneratorDriver Driver(ISourceGenerator generator, ImmutableArray<AdditionalText> texts, IReadOnlyDictionary<string, string>? metadata = null, bool trackSteps = false)
        => CSharpGeneratorDriver.Create(
            new[] { generator },
            texts,
            ParseOptions,
            new SpecOptionsProvider(texts.Select(t => t.Path).ToHashSet(StringComparer.Ordinal), metadata ?? new Dictionary<string, string>()),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>
    /// The System.Text.Json source generator that ships in the targeting pack of the running .NET, loaded from
    /// disk exactly as the compiler loads it.
    /// </summary>
    public static ISourceGenerator StjGenerator()
    {
        var path = StjGeneratorPath();
        var assembly = Assembly.LoadFrom(path);
        var type = assembly.GetTypes().Single(t => !t.IsAbstract && typeof(IIncrementalGenerator).IsAssignableFrom(t));
        return ((IIncrementalGenerator)Activator.CreateInstance(type)!).AsSourceGenerator();
    }

    public static string StjGeneratorPath()
    {
        var dotnetRoot = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
        var version = Environment.Version;
        var packs = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref");
        var pack = Directory.GetDirectories(packs, version.Major + "." + version.Minor + ".*")
            .OrderByDescending(d => Version.TryParse(Path.GetFileName(d), out var v) ? v : new Version())
            .FirstOrDefault() ?? throw new InvalidOperationException("No Microsoft.NETCore.App.Ref " + version.Major + "." + version.Minor + " targeting pack under " + packs + ".");
        return Path.Combine(pack, "analyzers", "dotnet", "cs", "System.Text.Json.SourceGeneration.dll");
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var paths = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var trusted = (string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty;
        foreach (var path in trusted.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            if (name.StartsWith("System.", StringComparison.Ordinal) || name is "System" or "mscorlib" or "netstandard" or "Refit")
            {
                paths[name] = path;
            }
        }

        paths["Refit"] = typeof(Refit.RestService).Assembly.Location;
        return paths.Values.Where(IsManaged).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
    }

    private static bool IsManaged(string path)
    {
        try
        {
            AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }

    /// <summary>An additional file held in memory.</summary>
    public sealed class InMemoryText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text, System.Text.Encoding.UTF8);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    /// <summary>Marks the given additional files as specs, as the package's targets do, with any further item metadata (name without prefix).</summary>
    private sealed class SpecOptionsProvider(HashSet<string> specPaths, IReadOnlyDictionary<string, string> metadata) : AnalyzerConfigOptionsProvider
    {
        private readonly Options _spec = new(new Dictionary<string, string>(metadata.Select(m => KeyValuePair.Create("build_metadata.AdditionalFiles." + m.Key, m.Value)))
        {
            ["build_metadata.AdditionalFiles.CelerDataSpec"] = "true",
            ["build_metadata.AdditionalFiles.Namespace"] = "Synthetic.Client",
        });

        private static readonly Options Empty = new(new Dictionary<string, string>());

        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(new Dictionary<string, string> { ["build_property.RootNamespace"] = "Consumer" });

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => specPaths.Contains(textFile.Path) ? _spec : Empty;

        private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
        {
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
}
