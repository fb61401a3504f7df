using System.Linq;
using CelerData.Generated.Tests.Infrastructure;
using Xunit;

namespace CelerData.Generated.Tests.Generator;

/// <summary>A snapshot mismatch shows every changed line with its context, not just the first difference.</summary>
public sealed class SnapshotDiffTests
{
    [Fact]
    public void TheDiffShowsEveryChangeWithContext()
    {
        var expected = string.Join("\n", Enumerable.Range(1, 30).Select(i => "line " + i));
        var actual = expected.Replace("line 5\n", "line five\n", StringComparison.Ordinal).Replace("line 25\n", "line 25\nadded\n", StringComparison.Ordinal);

        var diff = Snapshot.UnifiedDiff(expected, actual);

        Assert.Contains("- line 5\n+ line five\n", diff, StringComparison.Ordinal);
        Assert.Contains("+ added\n", diff, StringComparison.Ordinal);
        Assert.Contains("  line 4\n", diff, StringComparison.Ordinal);
        Assert.Contains("@@ line 23 of the approved file @@\n  line 23\n", diff, StringComparison.Ordinal);
        Assert.DoesNotContain("line 15", diff, StringComparison.Ordinal);
    }

    [Fact]
    public void EqualTextsHaveAnEmptyDiff() => Assert.Equal(string.Empty, Snapshot.UnifiedDiff("a\nb", "a\nb"));
}
