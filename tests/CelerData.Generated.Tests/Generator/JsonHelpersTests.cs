using System.IO;
using System.Linq;
using CelerData.Generated.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace CelerData.Generated.Tests.Generator;

/// <summary>The JSON helpers the contexts share: one file per compilation, and no clash between assemblies that each have theirs.</summary>
public sealed class JsonHelpersTests
{
    private const string HelpersHint = "CelerData.Generated.JsonHelpers.g.cs";

    private static SpecFile Keys(string ns) => GeneratorHarness.LoadSpec(Path.Combine(RepositoryPaths.TestProject, "Specs", "apikeys.openapi.yaml"), ns);

    private static SpecFile Features(string ns) => GeneratorHarness.LoadSpec(Path.Combine(RepositoryPaths.TestProject, "Specs", "features.openapi.yaml"), ns);

    [Fact]
    public void SeveralSpecsInOneProjectShareOneHelpersFile()
    {
        var result = GeneratorHarness.Run(Keys("One"), Features("Two"));
        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompilationProblems());
        Assert.Single(result.Sources, s => s.HintName == HelpersHint);
        var contexts = result.Sources.Where(s => s.HintName.EndsWith(".JsonContext.g.cs", System.StringComparison.Ordinal)).ToList();
        Assert.Equal(2, contexts.Count);
        Assert.All(contexts, c => Assert.Contains("using static global::CelerData.Generated.Internal.__JsonHelpers_Consumer;", c.SourceText.ToString(), System.StringComparison.Ordinal));
        Assert.All(contexts, c => Assert.DoesNotContain("__ReadList<T>(", c.SourceText.ToString(), System.StringComparison.Ordinal));
    }

    [Fact]
    public void NoSpecMeansNoHelpers()
    {
        var result = GeneratorHarness.Run();
        Assert.Empty(result.Sources);
    }

    [Fact]
    public void AProjectWithItsOwnClientCompilesAgainstTwoGeneratedAssembliesThatShowItTheirInternals()
    {
        var first = Library("First", Keys("First.Keys"));
        var second = Library("Second", Features("Second.Features"));
        var consumer = GeneratorHarness.CreateCompilation(
            GeneratorHarness.References.Add(first).Add(second),
            GeneratorHarness.ParseOptions,
            """
            namespace Consumer
            {
                public static class Uses
                {
                    public static object[] All() => new object[] { global::First.Keys.KeyShopJsonContext.Default, global::Second.Features.FeaturesJsonContext.Default, global::Consumer.Own.KeyShopJsonContext.Default };
                }
            }
            """);
        GeneratorHarness.CreateDriver(new[] { Keys("Consumer.Own") }, out _).RunGeneratorsAndUpdateCompilation(consumer, out var output, out var diagnostics);
        Assert.Empty(diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    /// <summary>A generated client compiled into an assembly that shows its internals to the consumer.</summary>
    private static MetadataReference Library(string assemblyName, SpecFile spec)
    {
        var compilation = GeneratorHarness.CreateCompilation("[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"Consumer\")]").WithAssemblyName(assemblyName);
        GeneratorHarness.CreateDriver(new[] { spec }, out _).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        Assert.Empty(diagnostics);
        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        return MetadataReference.CreateFromImage(image.ToArray());
    }
}
