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

    /// <summary>Every tracking name the generator declares, found by reflection so that a new step cannot be forgotten here.</summary>
    public static readonly string[] TrackingNameList = typeof(TrackingNames)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToArray();

    private static void AssertAllCached(GeneratorDriverRunResult run, string scenario)
    {
        var result = Assert.Single(run.Results);
        Assert.NotEmpty(TrackingNameList);
        foreach (var name in TrackingNameList)
        {
            Assert.True(result.TrackedSteps.TryGetValue(name, out var steps), "The tracked step '" + name + "' did not run after " + scenario + "; every step the generator declares must be tracked.");
            foreach (var step in steps!)
            {
                foreach (var output in step.Outputs)
                {
                    Assert.True(
                        output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                        "Step '" + name + "' was " + output.Reason + " after " + scenario + "; it should come from the cache.");
                }
            }
        }

        foreach (var output in result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs))
        {
            Assert.True(output.Reason == IncrementalStepRunReason.Cached, "A source output ran again after " + scenario + " (" + output.Reason + ").");
        }
    }
}
