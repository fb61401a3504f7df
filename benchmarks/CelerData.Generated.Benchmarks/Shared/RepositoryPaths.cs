using System;
using System.Globalization;
using System.IO;

namespace CelerData.Generated.Benchmarks;

/// <summary>Finds the repository from wherever BenchmarkDotNet runs the benchmarks (it copies them to a new folder).</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string OurSpec => Path.Combine(Root, "spec", "celerdata-cloud.openapi.yaml");

    public static string SpecsDirectory => Path.Combine(Root, "benchmarks", "specs");

    public static string SyntheticSpec(int operations)
    {
        var path = Path.Combine(SpecsDirectory, "synthetic-" + operations.ToString(CultureInfo.InvariantCulture) + ".openapi.yaml");
        if (!File.Exists(path))
        {
            Generator.SyntheticSpec.WriteAll(SpecsDirectory, [operations]);
        }

        return path;
    }

    private static string FindRoot()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("CELERDATA_REPO_ROOT");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return fromEnvironment;
        }

        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "CelerData.Generated.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException("Cannot find the repository root; set CELERDATA_REPO_ROOT.");
    }
}
