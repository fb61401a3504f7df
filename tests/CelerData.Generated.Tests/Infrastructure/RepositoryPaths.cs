using System;
using System.IO;

namespace CelerData.Generated.Tests.Infrastructure;

/// <summary>Finds files of the repository from the test's output folder.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    public static string Spec => Path.Combine(Root, "spec", "celerdata-cloud.openapi.yaml");

    public static string TestProject => Path.Combine(Root, "tests", "CelerData.Generated.Tests");

    public static string Snapshots => Path.Combine(TestProject, "Snapshots");

    /// <summary>The OpenAPI Specification project's example documents, kept in the repository (tests/specs/openapi-examples).</summary>
    public static string OpenApiExamples => Path.Combine(Root, "tests", "specs", "openapi-examples");

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CelerData.Generated.sln")))
            {
                return directory.FullName;
            }

            directory = directory.Parent;
        }

        throw new InvalidOperationException("The repository root (with CelerData.Generated.sln) was not found above " + AppContext.BaseDirectory);
    }
}
