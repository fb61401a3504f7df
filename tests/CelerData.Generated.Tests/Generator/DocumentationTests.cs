using System.IO;
using System.Linq;
using CelerData.Generated.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace CelerData.Generated.Tests.Generator;

/// <summary>A project that writes its XML documentation (where the compiler reports undocumented public members) gets no warning from the generated code.</summary>
public sealed class DocumentationTests
{
    [Theory]
    [InlineData("features.openapi.yaml")]
    [InlineData("hierarchy.openapi.yaml")]
    [InlineData("unions.openapi.yaml")]
    public void TheGeneratedCodeCompilesWithoutWarningsWhenDocumentationIsChecked(string spec)
    {
        var parseOptions = GeneratorHarness.ParseOptions.WithDocumentationMode(DocumentationMode.Diagnose);
        var result = GeneratorHarness.Run(GeneratorHarness.References, parseOptions, GeneratorHarness.LoadSpec(Path.Combine(RepositoryPaths.TestProject, "Specs", spec), "Documented"));
        Assert.Empty(result.GeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Contains(result.Sources, s => s.HintName.EndsWith(".Models.g.cs", System.StringComparison.Ordinal) && !s.SourceText.ToString().Contains("' property.</summary>", System.StringComparison.Ordinal));
        Assert.Empty(result.CompilationProblems());
    }
}
