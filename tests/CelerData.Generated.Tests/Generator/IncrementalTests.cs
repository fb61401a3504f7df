using System.Collections.Generic;
using System.Linq;
using CelerData.Generated.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CelerData.Generated.Tests.Generator;

/// <summary>A spec edit regenerates; several specs live side by side; output is byte-identical for the same input.</summary>
public sealed class IncrementalTests
{
    private const string Spec = "openapi: 3.0.3\ninfo:\n  title: Pets\n  version: '1'\npaths:\n  /pets:\n    get:\n      operationId: listPets\n      responses:\n        '204': { description: none }\n";

    [Fact]
    public void EditingTheSpecRegeneratesOnlyThatSpec()
    {
        var pets = new SpecFile("/specs/pets.yaml", Spec, "Pets");
        var other = new SpecFile("/specs/other.yaml", Spec.Replace("title: Pets", "title: Other", StringComparison.Ordinal), "Other");
        var first = GeneratorHarness.Run(pets, other);
        Assert.Empty(first.CompilationProblems());

        var editedText = Spec + "  /pets/{id}:\n    delete:\n      operationId: deletePet\n      parameters:\n        - { name: id, in: path, required: true, schema: { type: string } }\n      responses:\n        '204': { description: none }\n";
        var oldText = first.Driver.GetRunResult().Results[0].GeneratedSources.Length;
        Assert.Equal(11, oldText); // Two clients of five files and the compilation's JSON helpers.
        var driver = first.Driver.ReplaceAdditionalText(first.Text("/specs/pets.yaml"), new GeneratorHarness.InMemoryAdditionalText("/specs/pets.yaml", editedText));
        var rerun = driver.RunGeneratorsAndUpdateCompilation(first.Input, out var output, out _).GetRunResult();
        var result = Assert.Single(rerun.Results);

        var parseReasons = result.TrackedSteps[TrackingNames.Parse].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Contains(IncrementalStepRunReason.Modified, parseReasons);
        Assert.Contains(IncrementalStepRunReason.Cached, parseReasons);
        var emitReasons = result.TrackedSteps[TrackingNames.EmitInputs].SelectMany(s => s.Outputs).Select(o => o.Reason).OrderBy(r => r).ToList();
        Assert.Equal(new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Modified }.OrderBy(r => r), emitReasons);
        var helpersReasons = result.TrackedSteps[TrackingNames.JsonHelpers].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.NotEmpty(helpersReasons);
        Assert.All(helpersReasons, r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
        Assert.Contains(result.GeneratedSources, s => s.SourceText.ToString().Contains("DeletePetAsync(", StringComparison.Ordinal));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void ThePlanRunsAgainOnlyWhenWhatTheReadersFoundChanges()
    {
        var pets = new SpecFile("/specs/pets.yaml", Spec, "Pets");
        var other = new SpecFile("/specs/other.yaml", Spec.Replace("title: Pets", "title: Other", StringComparison.Ordinal), "Other");
        var first = GeneratorHarness.Run(pets, other);
        Assert.Empty(first.CompilationProblems());

        // A comment changes the text, so the spec is parsed again, but not what the readers found: the plan stays cached.
        var commentedText = new GeneratorHarness.InMemoryAdditionalText("/specs/pets.yaml", Spec + "# a comment\n");
        var commented = first.Driver.ReplaceAdditionalText(first.Text("/specs/pets.yaml"), commentedText).RunGenerators(first.Input);
        var afterComment = Assert.Single(commented.GetRunResult().Results);
        Assert.Contains(IncrementalStepRunReason.Unchanged, Reasons(afterComment, TrackingNames.Parse));
        Assert.All(Reasons(afterComment, TrackingNames.Plan), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        Assert.Equal(2, Reasons(afterComment, TrackingNames.Plan).Count);

        // A new operation changes what was read: that spec alone is planned again.
        var edited = commented.ReplaceAdditionalText(commentedText, new GeneratorHarness.InMemoryAdditionalText("/specs/pets.yaml", Spec.Replace("/pets:", "/cats:", StringComparison.Ordinal)));
        var afterEdit = Assert.Single(edited.RunGenerators(first.Input).GetRunResult().Results);
        Assert.Equal(new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Modified }.OrderBy(r => r), Reasons(afterEdit, TrackingNames.Plan).OrderBy(r => r));
    }

    [Fact]
    public void AddingASpecLeavesTheOthersCached()
    {
        var existing = new[]
        {
            new SpecFile("/specs/pets.yaml", Spec, "Pets"),
            new SpecFile("/specs/other.yaml", Spec.Replace("title: Pets", "title: Other", StringComparison.Ordinal), "Other"),
        };
        var first = GeneratorHarness.Run(existing);
        Assert.Empty(first.CompilationProblems());

        var added = new SpecFile("/specs/third.yaml", Spec.Replace("title: Pets", "title: Third", StringComparison.Ordinal), "Third");
        var driver = GeneratorHarness.AddSpec(first.Driver, existing, added);
        var rerun = Assert.Single(driver.RunGenerators(first.Input).GetRunResult().Results);

        var emitReasons = rerun.TrackedSteps[TrackingNames.EmitInputs].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Equal(3, emitReasons.Count);
        Assert.Equal(2, emitReasons.Count(r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
        Assert.Single(emitReasons, IncrementalStepRunReason.New);
        Assert.Contains(rerun.GeneratedSources, s => s.HintName.StartsWith("Third.Third.", StringComparison.Ordinal));
    }

    [Fact]
    public void SeveralSpecsEachGetTheirOwnNamespace()
    {
        var result = GeneratorHarness.Run(
            new SpecFile("/specs/one.yaml", System.IO.File.ReadAllText(RepositoryPaths.Spec), "One.Cloud"),
            new SpecFile("/specs/two.yaml", System.IO.File.ReadAllText(RepositoryPaths.Spec), "Two.Cloud"),
            new SpecFile("/specs/pets.yaml", Spec));
        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompilationProblems());
        Assert.NotNull(result.Output.GetTypeByMetadataName("One.Cloud.ICelerDataCloudApi"));
        Assert.NotNull(result.Output.GetTypeByMetadataName("Two.Cloud.ICelerDataCloudApi"));
        Assert.NotNull(result.Output.GetTypeByMetadataName("Consumer.IPetsApi"));
    }

    [Fact]
    public void TheSameInputGivesByteIdenticalOutput()
    {
        var first = GeneratorHarness.Run(GeneratorHarness.LoadSpec(RepositoryPaths.Spec, "Same"));
        var second = GeneratorHarness.Run(GeneratorHarness.LoadSpec(RepositoryPaths.Spec, "Same"));
        Assert.Equal(
            first.Sources.Select(s => s.HintName + s.SourceText),
            second.Sources.Select(s => s.HintName + s.SourceText));
        Assert.All(first.Sources, s => Assert.DoesNotContain("\r", s.SourceText.ToString(), StringComparison.Ordinal));
    }

    private static List<IncrementalStepRunReason> Reasons(GeneratorRunResult result, string step)
        => result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
}
