using System;
using System.IO;
using System.Linq;
using Xunit.Sdk;

namespace CelerData.Generated.Tests.Infrastructure;

/// <summary>
/// Approved-file snapshots that follow Verify's conventions: <c>{Class}.{Method}#{Name}.verified.{ext}</c>
/// beside the tests; a mismatch writes <c>.received.</c> and fails with the first differing line. Kept
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

        var expectedLines = File.ReadAllText(verified).Replace("\r\n", "\n").Split('\n');
        var actualLines = normalized.Split('\n');
        var index = Enumerable.Range(0, Math.Max(expectedLines.Length, actualLines.Length))
            .First(i => i >= expectedLines.Length || i >= actualLines.Length || expectedLines[i] != actualLines[i]);
        throw new XunitException(
            "Snapshot " + verified + " differs at line " + (index + 1) + ":\n- " + (index < expectedLines.Length ? expectedLines[index] : "(end)")
            + "\n+ " + (index < actualLines.Length ? actualLines[index] : "(end)") + "\nThe output was written to " + received + ".");
    }

    private static string Sanitize(string name)
        => new(name.Select(c => Path.GetInvalidFileNameChars().Contains(c) || c == '#' ? '_' : c).ToArray());
}
