using System;
using System.IO;
using System.Text.RegularExpressions;

namespace CelerData.Generated.Benchmarks;

/// <summary>
/// Puts the result tables into docs/benchmarks.md: each <c>&lt;!-- BEGIN name --&gt; … &lt;!-- END name --&gt;</c>
/// block is replaced by the file <c>name.md</c> of the results folder. The prose around the blocks is written by hand.
/// </summary>
public static partial class DocWriter
{
    public static void Fill(string documentPath, string resultsDirectory)
    {
        var text = File.ReadAllText(documentPath);
        var filled = Block().Replace(text, match =>
        {
            var name = match.Groups["name"].Value;
            var path = Path.Combine(resultsDirectory, name + ".md");
            var body = File.Exists(path) ? File.ReadAllText(path).TrimEnd() : "_Not measured in this run (" + name + ".md missing)._";
            return "<!-- BEGIN " + name + " -->\n" + body + "\n<!-- END " + name + " -->";
        });
        File.WriteAllText(documentPath, filled.ReplaceLineEndings("\n"));
    }

    [GeneratedRegex(@"<!-- BEGIN (?<name>[\w.-]+) -->.*?<!-- END \k<name> -->", RegexOptions.Singleline)]
    private static partial Regex Block();
}
