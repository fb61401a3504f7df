using System;
using System.Globalization;

namespace CelerData.LoadTest;

/// <summary>The command line: --callers N --seconds T [--expires-in S] [--margin S] [--markdown PATH].</summary>
internal sealed record LoadSettings(int Callers, int Seconds, int ExpiresIn, double Margin, string? Markdown)
{
    public static LoadSettings Parse(string[] args)
    {
        var settings = new LoadSettings(64, 10, 4, 1, null);
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException(args[i] + " needs a value");
            settings = args[i] switch
            {
                "--callers" => settings with { Callers = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--seconds" => settings with { Seconds = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--expires-in" => settings with { ExpiresIn = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--margin" => settings with { Margin = double.Parse(Next(), CultureInfo.InvariantCulture) },
                "--markdown" => settings with { Markdown = Next() },
                _ => throw new ArgumentException("Unknown option " + args[i] + "; use --callers N --seconds T [--expires-in S] [--margin S] [--markdown PATH]"),
            };
        }

        if (settings.Callers < 1 || settings.Seconds < 1 || settings.ExpiresIn < 2 || settings.Margin <= 0 || settings.Margin * 2 > settings.ExpiresIn)
        {
            throw new ArgumentException("--callers and --seconds must be positive, --expires-in at least 2, --margin positive and at most half of --expires-in.");
        }

        return settings;
    }

    /// <summary>How long one token is used before it is replaced: its lifetime less the refresh margin.</summary>
    public TimeSpan TokenWindow => TimeSpan.FromSeconds(ExpiresIn - Margin);
}
