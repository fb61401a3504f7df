using System;
using System.Globalization;

namespace CelerData.FleetClient;

/// <summary>The command line of one fleet member.</summary>
internal sealed record FleetSettings(Uri BaseAddress, string Redis, DateTimeOffset StartAt, TimeSpan Duration, int? Calls, TimeSpan? Margin, string KeyPrefix, TimeSpan? LockExpiry, TimeSpan? FetchTimeout)
{
    public static FleetSettings Parse(string[] args)
    {
        Uri? baseAddress = null;
        string? redis = null;
        var startAt = DateTimeOffset.UtcNow;
        var duration = TimeSpan.FromSeconds(5);
        int? calls = null;
        TimeSpan? margin = null;
        var prefix = "celerdata:token:";
        TimeSpan? lockExpiry = null;
        TimeSpan? fetchTimeout = null;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            switch (args[i])
            {
                case "--base-address":
                    baseAddress = new Uri(value);
                    break;
                case "--redis":
                    redis = value;
                    break;
                case "--start-at":
                    startAt = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(value, CultureInfo.InvariantCulture));
                    break;
                case "--seconds":
                    duration = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture));
                    break;
                case "--calls":
                    calls = int.Parse(value, CultureInfo.InvariantCulture);
                    break;
                case "--margin":
                    margin = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture));
                    break;
                case "--key-prefix":
                    prefix = value;
                    break;
                case "--lock-expiry":
                    lockExpiry = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture));
                    break;
                case "--fetch-timeout":
                    fetchTimeout = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture));
                    break;
                default:
                    throw new ArgumentException("Unknown option " + args[i]);
            }
        }

        return new FleetSettings(
            baseAddress ?? throw new ArgumentException("--base-address is required"),
            redis ?? throw new ArgumentException("--redis is required"),
            startAt,
            duration,
            calls,
            margin,
            prefix,
            lockExpiry,
            fetchTimeout);
    }
}
