using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using CelerData.Generated.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CelerData.Generated.Tests.Generator;

/// <summary>Every generated file, approved; every output compiles with zero warnings; every re-run is cached.</summary>
public sealed class SnapshotTests
{
    [Fact]
    public void CelerDataCloud()
    {
        var result = GeneratorHarness.Run(GeneratorHarness.LoadSpec(RepositoryPaths.Spec, "CelerData.Cloud"));
        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompilationProblems());
        Assert.Equal(6, result.Sources.Count); // The client's five files and the compilation's JSON helpers.
        VerifySources(nameof(CelerDataCloud), result);
        IncrementalAssert.CachedOnRerun(result);
    }

    [Fact]
    public void ApiKeys()
    {
        var result = GeneratorHarness.Run(GeneratorHarness.LoadSpec(Path.Combine(RepositoryPaths.TestProject, "Specs", "apikeys.openapi.yaml"), "KeyShop"));
        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompilationProblems());
        VerifySources(nameof(ApiKeys), result);
        IncrementalAssert.CachedOnRerun(result);
    }

    [Fact]
    public void Envelope()
    {
        var result = GeneratorHarness.Run(GeneratorHarness.LoadSpec(Path.Combine(RepositoryPaths.TestProject, "Specs", "envelope.openapi.yaml"), "Envelopes"));
        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompilationProblems());
        VerifySources(nameof(Envelope), result);
        IncrementalAssert.CachedOnRerun(result);
    }

    [Fact]
    public void Features()
    {
        var result = GeneratorHarness.Run(GeneratorHarness.LoadSpec(Path.Combine(RepositoryPaths.TestProject, "Specs", "features.openapi.yaml"), "Features.Client"));
        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompilationProblems());
        VerifySources(nameof(Features), result);
        IncrementalAssert.CachedOnRerun(result);
    }

    [Fact]
    public void Unions()
    {
        var result = GeneratorHarness.Run(GeneratorHarness.LoadSpec(Path.Combine(RepositoryPaths.TestProject, "Specs", "unions.openapi.yaml"), "Unions.Client"));
        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompilationProblems());
        VerifySources(nameof(Unions), result);
        IncrementalAssert.CachedOnRerun(result);
    }

    [Fact]
    public void Maps()
    {
        var result = GeneratorHarness.Run(GeneratorHarness.LoadSpec(Path.Combine(RepositoryPaths.TestProject, "Specs", "maps.openapi.yaml"), "Maps.Client"));
        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompilationProblems());
        VerifySources(nameof(Maps), result);
        IncrementalAssert.CachedOnRerun(result);
    }

    [Fact]
    public void Bodies()
    {
        var result = GeneratorHarness.Run(GeneratorHarness.LoadSpec(Path.Combine(RepositoryPaths.TestProject, "Specs", "bodies.openapi.yaml"), "Bodies.Client"));
        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompilationProblems());
        VerifySources(nameof(Bodies), result);
        IncrementalAssert.CachedOnRerun(result);
    }

    [Fact]
    public void Hierarchy()
    {
        var result = GeneratorHarness.Run(GeneratorHarness.LoadSpec(Path.Combine(RepositoryPaths.TestProject, "Specs", "hierarchy.openapi.yaml"), "Hierarchy.Client"));
        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompilationProblems());
        VerifySources(nameof(Hierarchy), result);
        IncrementalAssert.CachedOnRerun(result);
    }

    public static IEnumerable<object[]> OpenApiExamples()
        => Directory.GetFiles(RepositoryPaths.OpenApiExamples)
            .Where(f => f.EndsWith(".yaml", System.StringComparison.Ordinal) || f.EndsWith(".json", System.StringComparison.Ordinal))
            .OrderBy(f => f, System.StringComparer.Ordinal)
            .Select(f => new object[] { Path.GetFileName(f) });

    /// <summary>
    /// The OpenAPI project's own examples: each compiles with zero warnings, or the generator names the
    /// construct it does not support at its place in the file. The approved diagnostics file lists them.
    /// </summary>
    [Theory]
    [MemberData(nameof(OpenApiExamples))]
    public void OpenApiExample(string file)
    {
        var path = Path.Combine(RepositoryPaths.OpenApiExamples, file);
        var result = GeneratorHarness.Run(GeneratorHarness.LoadSpec(path, "Examples"));
        Assert.Empty(result.CompilationProblems());
        foreach (var diagnostic in result.GeneratorDiagnostics)
        {
            Assert.Equal(path, diagnostic.Location.GetLineSpan().Path);
            Assert.True(diagnostic.Location.GetLineSpan().StartLinePosition.Line > 0, diagnostic.ToString());
        }

        if (result.GeneratorDiagnostics.All(d => d.Severity != DiagnosticSeverity.Error))
        {
            Assert.NotEmpty(result.Sources);
        }

        VerifySources(nameof(OpenApiExample) + "_" + Path.GetFileNameWithoutExtension(file) + "_" + Path.GetExtension(file).TrimStart('.'), result);
        IncrementalAssert.CachedOnRerun(result);
    }

    private static void VerifySources(string testName, GenerationResult result)
    {
        foreach (var source in result.Sources)
        {
            Snapshot.Match(nameof(SnapshotTests), testName, Path.GetFileNameWithoutExtension(source.HintName), "cs", source.SourceText.ToString());
        }

        var diagnostics = new StringBuilder();
        foreach (var diagnostic in result.GeneratorDiagnostics.OrderBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Id, System.StringComparer.Ordinal))
        {
            var span = diagnostic.Location.GetLineSpan();
            diagnostics.Append(Path.GetFileName(span.Path)).Append('(').Append(span.StartLinePosition.Line + 1).Append(',').Append(span.StartLinePosition.Character + 1).Append("): ")
                .Append(diagnostic.Severity.ToString().ToLowerInvariant()).Append(' ').Append(diagnostic.Id).Append(": ").Append(diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        }

        Snapshot.Match(nameof(SnapshotTests), testName, "diagnostics", "txt", diagnostics.ToString());
    }
}
