using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using CelerData.Generated.Tests.Infrastructure;
using Xunit;

namespace CelerData.Generated.Tests.Generator;

/// <summary>The README names what is generated; every such name exists in the approved snapshot of our own spec.</summary>
public sealed class ReadmeTests
{
    [Fact]
    public void EveryGeneratedNameTheReadmeGivesIsGenerated()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        var names = Regex.Matches(readme, "`([^`]*\\{ClientName\\}[^`]*)`")
            .Select(m => m.Groups[1].Value)
            .Select(name => Regex.Replace(name, "\\(.*\\)$", string.Empty))
            .Select(name => name.StartsWith("services.", StringComparison.Ordinal) ? name.Substring("services.".Length) : name)
            .Where(name => Regex.IsMatch(name, "^[A-Za-z_{][A-Za-z0-9_{}.]*$")) // C# names, not configuration keys such as CelerData:{ClientName}
            .Distinct(StringComparer.Ordinal)
            .ToList();
        Assert.True(names.Count >= 6, "The README names " + names.Count + " generated members: " + string.Join(", ", names));

        var generated = string.Concat(Directory.GetFiles(RepositoryPaths.Snapshots, "SnapshotTests.CelerDataCloud#*.verified.cs").Select(File.ReadAllText));
        Assert.NotEmpty(generated);
        foreach (var name in names)
        {
            var concrete = name.Replace("{ClientName}", "CelerDataCloud", StringComparison.Ordinal);
            var member = concrete.Split('.').Last();
            Assert.True(Regex.IsMatch(generated, "\\b" + Regex.Escape(member) + "\\b"), "The README names '" + name + "', but the generated client for CelerDataCloud has no '" + member + "'.");
        }
    }

    [Fact]
    public void TheApiKeyVariableIsDocumentedInTheReadmeAndOnTheGeneratedRegistration()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        Assert.Contains("CELERDATA_API_KEY", readme, StringComparison.Ordinal);

        var registration = File.ReadAllText(Directory.GetFiles(RepositoryPaths.Snapshots, "SnapshotTests.ApiKeys#*.Registration.g.verified.cs").Single());
        var doc = Regex.Match(registration, "((?:\\s*///[^\\n]*\\n)+)(?:\\s*\\[[^\\n]*\\n)*\\s*public static [^\\n]* Add\\w+Client\\(").Groups[1].Value;
        Assert.Contains("CELERDATA_API_KEY", doc, StringComparison.Ordinal);
        Assert.Contains("ApiKeys:{scheme}", doc, StringComparison.Ordinal);
    }
}
