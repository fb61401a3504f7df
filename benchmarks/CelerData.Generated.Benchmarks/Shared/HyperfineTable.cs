using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace CelerData.Generated.Benchmarks;

/// <summary>
/// Turns hyperfine's JSON export into a Markdown table with the median beside the mean, and ratios of medians
/// against the first command (the baseline): on a shared machine the median is the steadier figure.
/// </summary>
public static class HyperfineTable
{
    public static void Write(string jsonPath, string markdownPath)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(jsonPath));
        var results = document.RootElement.GetProperty("results").EnumerateArray().ToList();
        var baseline = results[0].GetProperty("median").GetDouble();
        var table = new StringBuilder();
        table.AppendLine("| Command | Median (ms) | Mean ± σ (ms) | Min (ms) | Max (ms) | Runs | Ratio (median) |");
        table.AppendLine("|:---|---:|---:|---:|---:|---:|---:|");
        foreach (var result in results)
        {
            var median = result.GetProperty("median").GetDouble();
            table.Append(CultureInfo.InvariantCulture,
                $"| {result.GetProperty("command").GetString()} | {Ms(median)} | {Ms(result.GetProperty("mean").GetDouble())} ± {StandardDeviation(result)} | {Ms(result.GetProperty("min").GetDouble())} | {Ms(result.GetProperty("max").GetDouble())} | {result.GetProperty("times").GetArrayLength()} | {(median / baseline).ToString("0.00", CultureInfo.InvariantCulture)} |").AppendLine();
        }

        File.WriteAllText(markdownPath, table.ToString());
    }

    /// <summary>hyperfine writes no standard deviation (null) for a single run.</summary>
    private static string StandardDeviation(JsonElement result)
        => result.GetProperty("stddev") is { ValueKind: JsonValueKind.Number } stddev ? Ms(stddev.GetDouble()) : "–";

    private static string Ms(double seconds) => (seconds * 1000).ToString("0.0", CultureInfo.InvariantCulture);
}
