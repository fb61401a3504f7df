using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace CelerData.Generated.Tests.Infrastructure;

/// <summary>
/// Re-runs a finished generation on an unchanged and on an unrelated-edit compilation and asserts that
/// every tracked step was served from the cache: no re-parse, no re-emit.
/// </summary>
internal static class IncrementalAssert
{
    public static void CachedOnRerun(GenerationResult first)
    {
        var unchanged = first.Driver.RunGenerators(first.Input);
        AssertAllCached(unchanged.GetRunResult(), "an unchanged compilation");

        var edited = first.Input.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
            "namespace Consumer { internal static class UnrelatedEdit { public static int Value => 42; } }",
            GeneratorHarness.ParseOptions,
            "Unrelated.cs"));
        var rerun = first.Driver.RunGenerators(edited).GetRunResult();
        AssertAllCached(rerun, "an unrelated C# edit");
        Assert.Equal(
            first.Sources.Select(s => s.HintName + "\n" + s.SourceText),
            rerun.Results.SelectMany(r => r.GeneratedSources).OrderBy(s => s.HintName, StringComparer.Ordinal).Select(s => s.HintName + "\n" + s.SourceText));
    }

    private static void AssertAllCached(GeneratorDriverRunResult run, string scenario)
    {
        var result = Assert.Single(run.Results);
        foreach (var name in TrackingNames.All)
        {
            if (!result.TrackedSteps.TryGetValue(name, out var steps))
            {
                continue;
            }

            foreach (var step in steps)
            {
                foreach (var output in step.Outputs)
                {
                    Assert.True(
                        output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                        "Step '" + name + "' was " + output.Reason + " after " + scenario + "; it should come from the cache.");
                }
            }
        }

        Assert.Contains(TrackingNames.Parse, result.TrackedSteps.Keys);
        foreach (var output in result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs))
        {
            Assert.True(output.Reason == IncrementalStepRunReason.Cached, "A source output ran again after " + scenario + " (" + output.Reason + ").");
        }
    }
}
