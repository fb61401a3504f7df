using System;
using System.IO;
using System.Linq;
using Xunit.Sdk;

namespace CelerData.Generated.Tests.Infrastructure;

/// <summary>
/// Approved-file snapshots that follow Verify's conventions: <c>{Class}.{Method}#{Name}.verified.{ext}</c>
/// beside the tests; a mismatch writes <c>.received.</c> and fails with a unified diff (DiffPlex). Kept
/// small and swappable for Verify.Xunit, which cannot be restored here. Set CDG_ACCEPT_SNAPSHOTS=1 to
/// approve the received files.
/// </summary>
internal static class Snapshot
{
    public static void Match(string testClass, string testMethod, string name, string extension, string actual)
    {
        var normalized = actual.Replace("\r\n", "\n");
        var baseName = testClass + "." + testMethod + "#" + Sanitize(name);
        var verified = Path.Combine(RepositoryPaths.Snapshots, baseName + ".verified." + extension);
        var received = Path.Combine(RepositoryPaths.Snapshots, baseName + ".received." + extension);
        var accept = Environment.GetEnvironmentVariable("CDG_ACCEPT_SNAPSHOTS") == "1";
        if (File.Exists(verified) && File.ReadAllText(verified).Replace("\r\n", "\n") == normalized)
        {
            File.Delete(received);
            return;
        }

        if (accept)
        {
            Directory.CreateDirectory(RepositoryPaths.Snapshots);
            File.WriteAllText(verified, normalized);
            File.Delete(received);
            return;
        }

        Directory.CreateDirectory(RepositoryPaths.Snapshots);
        File.WriteAllText(received, normalized);
        if (!File.Exists(verified))
        {
            throw new XunitException("No approved snapshot " + verified + "; the output was written to " + received + ". Review it and rename it to .verified, or run with CDG_ACCEPT_SNAPSHOTS=1.");
        }

        throw new XunitException("Snapshot " + verified + " differs from the output (written to " + received + "):\n" + UnifiedDiff(File.ReadAllText(verified).Replace("\r\n", "\n"), normalized));
    }

    /// <summary>A unified diff of the approved and the received text: every changed line with three lines of context, each hunk headed by its line in the approved file.</summary>
    internal static string UnifiedDiff(string expected, string actual)
    {
        const int Context = 3;
        var model = DiffPlex.DiffBuilder.InlineDiffBuilder.Diff(expected, actual, ignoreWhiteSpace: false);
        var lines = model.Lines;
        var changed = Enumerable.Range(0, lines.Count).Where(i => lines[i].Type != DiffPlex.DiffBuilder.Model.ChangeType.Unchanged).ToList();
        var builder = new System.Text.StringBuilder();
        var shownUpTo = -1;
        foreach (var index in changed)
        {
            var from = Math.Max(shownUpTo + 1, index - Context);
            if (from > shownUpTo + 1)
            {
                var approvedLine = lines.Take(from).Count(l => l.Type != DiffPlex.DiffBuilder.Model.ChangeType.Inserted) + 1;
                builder.Append("@@ line ").Append(approvedLine).Append(" of the approved file @@\n");
            }

            var to = Math.Min(lines.Count - 1, index + Context);
            for (var i = from; i <= to; i++)
            {
                var prefix = lines[i].Type switch
                {
                    DiffPlex.DiffBuilder.Model.ChangeType.Inserted => "+ ",
                    DiffPlex.DiffBuilder.Model.ChangeType.Deleted => "- ",
                    _ => "  ",
                };
                builder.Append(prefix).Append(lines[i].Text).Append('\n');
            }

            shownUpTo = Math.Max(shownUpTo, to);
        }

        return builder.ToString();
    }

    private static string Sanitize(string name)
        => new(name.Select(c => Path.GetInvalidFileNameChars().Contains(c) || c == '#' ? '_' : c).ToArray());
}
