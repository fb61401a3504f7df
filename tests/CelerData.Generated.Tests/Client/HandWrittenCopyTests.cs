using System.IO;
using CelerData.Generated.Tests.Infrastructure;
using Xunit;

namespace CelerData.Generated.Tests.Client;

/// <summary>The hand-written reference types stay identical to what the generator emits for the Features spec.</summary>
public sealed class HandWrittenCopyTests
{
    [Theory]
    [InlineData("Models")]
    [InlineData("Api")]
    public void MatchTheGeneratedFile(string part)
    {
        var generated = File.ReadAllText(Path.Combine(RepositoryPaths.Snapshots, "SnapshotTests.Features#Features.Client.Features." + part + ".g.verified.cs"));
        var expected = string.Join('\n', generated.Replace("Features.Client", "CelerData.Generated.Tests.HandWritten", StringComparison.Ordinal).Split('\n')[2..]);
        var copy = File.ReadAllText(Path.Combine(RepositoryPaths.TestProject, "Client", "HandWritten", "Features" + part + ".cs"));
        Assert.Equal(expected, copy);
    }
}
