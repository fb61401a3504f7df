using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace CelerData.Generated.Fuzz.Tests.Fuzzing;

/// <summary>A spec the mutator starts from.</summary>
internal sealed record Seed(string Name, string Text, bool IsJson);

/// <summary>
/// The seeds: our spec, the feature spec of the generator tests, the OpenAPI examples kept in
/// tests/specs/openapi-examples, and synthetic specs made from a fixed seed.
/// </summary>
internal static class Corpus
{
    public static IReadOnlyList<Seed> Load(int syntheticCount, int seed)
    {
        var seeds = new List<Seed>();
        var corpusDirectory = Path.Combine(AppContext.BaseDirectory, "Corpus");
        foreach (var path in Directory.GetFiles(corpusDirectory).OrderBy(p => p, StringComparer.Ordinal))
        {
            seeds.Add(FromFile(path));
        }

        var examples = Path.Combine(RepositoryRoot(), "tests", "specs", "openapi-examples");

        foreach (var path in Directory.GetFiles(examples).Where(p => p.EndsWith(".yaml", StringComparison.Ordinal) || p.EndsWith(".json", StringComparison.Ordinal)).OrderBy(p => p, StringComparer.Ordinal))
        {
            seeds.Add(FromFile(path));
        }

        var random = new Random(seed);
        for (var i = 0; i < syntheticCount; i++)
        {
            seeds.Add(new Seed("synthetic-" + i, SyntheticSpec.Create(random, i), IsJson: false));
        }

        return seeds;
    }

    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CelerData.Generated.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("CelerData.Generated.sln not found above " + AppContext.BaseDirectory);
    }

    private static Seed FromFile(string path) =>
        new(Path.GetFileName(path), File.ReadAllText(path), path.EndsWith(".json", StringComparison.OrdinalIgnoreCase));
}
