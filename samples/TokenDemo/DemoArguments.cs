using System;

namespace TokenDemo;

/// <summary>The command line: <c>[--base-url URL] [--allow-changes]</c> or <c>--help</c>.</summary>
internal sealed record DemoArguments(Uri? BaseUrl, bool AllowChanges, bool Help)
{
    public const string Usage = """
        Usage: TokenDemo [--base-url URL] [--allow-changes]

        Gets a CelerData Cloud access token through the CelerData.Cloud client and its token cache, shows that a
        second request is answered from the cache, lists the clusters and their warehouses, then suspends a
        warehouse, waits for the action, and resumes it.

          (no options)      CELERDATA_CLIENT_ID and CELERDATA_CLIENT_SECRET set: calls https://cloud-api.celerdata.com
                            not set: starts the CelerData emulator in this process and calls it
          --base-url URL    calls URL (a Prism mock, a standalone emulator, ...) with the credentials from the
                            environment or, for a loopback URL without them, the emulator's demo client
          --allow-changes   suspends and resumes a warehouse anywhere but the in-process emulator too; without it
                            the demo only reads, and says which warehouse it would have suspended
          --help            shows this text
        """;

    /// <summary>Reads the arguments.</summary>
    /// <exception cref="DemoUsageException">An argument is unknown or a URL is missing or not absolute.</exception>
    public static DemoArguments Parse(string[] args)
    {
        Uri? baseUrl = null;
        var allowChanges = false;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg is "--help" or "-h" or "-?")
            {
                return new DemoArguments(null, AllowChanges: false, Help: true);
            }

            if (arg == "--allow-changes")
            {
                allowChanges = true;
                continue;
            }

            string? value;
            if (arg == "--base-url")
            {
                value = i + 1 < args.Length ? args[++i] : throw new DemoUsageException("--base-url needs a URL.");
            }
            else if (arg.StartsWith("--base-url=", StringComparison.Ordinal))
            {
                value = arg["--base-url=".Length..];
            }
            else
            {
                throw new DemoUsageException("Unknown argument '" + arg + "'.");
            }

            if (!Uri.TryCreate(value, UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps))
            {
                throw new DemoUsageException("--base-url needs an absolute http or https URL, not '" + value + "'.");
            }

            baseUrl = parsed;
        }

        return new DemoArguments(baseUrl, allowChanges, Help: false);
    }
}
