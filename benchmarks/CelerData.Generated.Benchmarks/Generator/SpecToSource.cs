using System;
using System.IO;
using Microsoft.CodeAnalysis;

namespace CelerData.Generated.Benchmarks.Generator;

/// <summary>
/// Our generator as a command-line tool: spec in, C# files out, in a fresh process, so that its time can sit
/// beside Kiota's and NSwag's, whose times include starting a process too.
/// </summary>
public static class SpecToSource
{
    public static int Run(string specPath, string outputDirectory)
    {
        var spec = new GeneratorInputs.InMemoryText(Path.GetFullPath(specPath), File.ReadAllText(specPath));
        var compilation = GeneratorInputs.Compilation([GeneratorInputs.Tree("namespace Consumer { internal static class Marker { } }\n", "Marker.cs")]);
        var result = GeneratorInputs.Driver(new CelerDataGenerator().AsSourceGenerator(), [spec]).RunGenerators(compilation).GetRunResult();
        Directory.CreateDirectory(outputDirectory);
        foreach (var source in result.Results[0].GeneratedSources)
        {
            File.WriteAllText(Path.Combine(outputDirectory, source.HintName), source.SourceText.ToString());
        }

        foreach (var diagnostic in result.Diagnostics)
        {
            Console.Error.WriteLine(diagnostic);
        }

        return result.Results[0].GeneratedSources.IsEmpty ? 1 : 0;
    }
}
