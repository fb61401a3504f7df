using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;

namespace CelerData.Generated.Benchmarks.Generator;

/// <summary>
/// Our generator on our spec and on synthetic specs of 10 to 5,000 operations, beside the System.Text.Json
/// generator over as many types: a full run, and the re-run after an unrelated edit and after an edit of the input.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Generator")]
public class GeneratorBenchmarks
{
    public const string OurSpec = "celerdata-cloud";

    /// <summary>The models in our spec: what the System.Text.Json side gets for <see cref="OurSpec"/>.</summary>
    private const int OurSpecModels = 7;

    private const string UnrelatedPath = "Unrelated.cs";

    private ISourceGenerator _ours = null!;
    private ISourceGenerator _stj = null!;
    private AdditionalText _spec = null!;
    private AdditionalText _specEdited = null!;
    private List<SyntaxTree> _consumerTrees = null!;
    private List<SyntaxTree> _stjTrees = null!;
    private SyntaxTree _unrelated = null!;
    private SyntaxTree _unrelatedEdited = null!;
    private SyntaxTree _model0 = null!;
    private SyntaxTree _model0Edited = null!;
    private Compilation _consumer = null!;
    private Compilation _stjCompilation = null!;
    private GeneratorDriver _oursWarm = null!;
    private GeneratorDriver _stjWarm = null!;

    [Params(OurSpec, "10", "100", "1000", "5000")]
    public string Spec { get; set; } = OurSpec;

    [GlobalSetup]
    public void Setup()
    {
        _ours = new CelerDataGenerator().AsSourceGenerator();
        _stj = GeneratorInputs.StjGenerator();

        var (specText, models) = Spec == OurSpec
            ? (File.ReadAllText(RepositoryPaths.OurSpec), OurSpecModels)
            : (File.ReadAllText(RepositoryPaths.SyntheticSpec(int.Parse(Spec, CultureInfo.InvariantCulture))), int.Parse(Spec, CultureInfo.InvariantCulture));
        _spec = new GeneratorInputs.InMemoryText("/specs/api.openapi.yaml", specText);
        _specEdited = new GeneratorInputs.InMemoryText("/specs/api.openapi.yaml", specText.Replace("version: \"1.0", "version: \"1.1", System.StringComparison.Ordinal));

        _unrelated = GeneratorInputs.Tree("namespace Consumer; internal static class Unrelated { public static int Value => 1; }\n", UnrelatedPath);
        _unrelatedEdited = GeneratorInputs.Tree("namespace Consumer; internal static class Unrelated { public static int Value => 2; }\n", UnrelatedPath);

        _consumerTrees = [GeneratorInputs.Tree("namespace Consumer { internal static class Marker { } }\n", "Marker.cs"), _unrelated];
        _model0 = GeneratorInputs.Tree(SyntheticSpec.Model(0), "Item0.cs");
        _model0Edited = GeneratorInputs.Tree(SyntheticSpec.Model(0, "    public string? Note { get; init; }\n"), "Item0.cs");
        _stjTrees = [_model0, .. Enumerable.Range(1, models - 1).Select(i => GeneratorInputs.Tree(SyntheticSpec.Model(i), "Item" + i.ToString(CultureInfo.InvariantCulture) + ".cs")),
            GeneratorInputs.Tree(SyntheticSpec.Context(models), "SyntheticJsonContext.cs"), _unrelated];

        _consumer = GeneratorInputs.Compilation(_consumerTrees);
        _stjCompilation = GeneratorInputs.Compilation(_stjTrees);
        _oursWarm = GeneratorInputs.Driver(_ours, [_spec]).RunGenerators(_consumer);
        _stjWarm = GeneratorInputs.Driver(_stj, []).RunGenerators(_stjCompilation);
        EnsureOutput(_oursWarm, "ours");
        EnsureOutput(_stjWarm, "System.Text.Json");
    }

    [Benchmark(Baseline = true, Description = "Ours: full run")]
    public GeneratorDriver OursFull() => GeneratorInputs.Driver(_ours, [_spec]).RunGenerators(GeneratorInputs.Compilation(_consumerTrees));

    [Benchmark(Description = "STJ: full run")]
    public GeneratorDriver StjFull() => GeneratorInputs.Driver(_stj, []).RunGenerators(GeneratorInputs.Compilation(_stjTrees));

    [Benchmark(Description = "Ours: unrelated edit")]
    public GeneratorDriver OursUnrelatedEdit() => _oursWarm.RunGenerators(_consumer.ReplaceSyntaxTree(_unrelated, _unrelatedEdited));

    [Benchmark(Description = "STJ: unrelated edit")]
    public GeneratorDriver StjUnrelatedEdit() => _stjWarm.RunGenerators(_stjCompilation.ReplaceSyntaxTree(_unrelated, _unrelatedEdited));

    [Benchmark(Description = "Ours: spec edit")]
    public GeneratorDriver OursSpecEdit() => _oursWarm.ReplaceAdditionalText(_spec, _specEdited).RunGenerators(_consumer);

    [Benchmark(Description = "STJ: model edit")]
    public GeneratorDriver StjModelEdit() => _stjWarm.RunGenerators(_stjCompilation.ReplaceSyntaxTree(_model0, _model0Edited));

    private static void EnsureOutput(GeneratorDriver driver, string name)
    {
        var result = driver.GetRunResult();
        if (result.GeneratedTrees.IsEmpty || result.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            throw new System.InvalidOperationException(name + " generator produced no source or errors: " + string.Join("; ", result.Diagnostics));
        }
    }
}
