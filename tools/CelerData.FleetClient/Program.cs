using System;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using CelerData.FleetClient;
using CelerData.FleetClient.Cloud;
using CelerData.Generated.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

// One member of a fleet that shares its access token through Redis. Credentials come from CELERDATA_CLIENT_ID and
// CELERDATA_CLIENT_SECRET (never the command line). Prints one line "calls=N errors=E"; logs go to standard error.
//   --base-address URL   the API (the emulator)
//   --redis CONFIG       StackExchange.Redis configuration, such as 127.0.0.1:6379
//   --start-at MS        Unix time in milliseconds to wait for, so that every process starts at once
//   --seconds T | --calls N   how long, or how many calls, to run
//   --margin S           the token refresh margin in seconds
//   --lock-expiry S      the fleet lock's expiry without renewal, in seconds
//   --fetch-timeout S    the token fetch timeout, in seconds
var settings = FleetSettings.Parse(args);
var services = new ServiceCollection();
services.AddLogging(logging => logging.AddProvider(new StandardErrorLoggerProvider()).SetMinimumLevel(LogLevel.Debug));
services.AddCelerDataCloudClient(options =>
    {
        options.BaseAddress = settings.BaseAddress;
        options.TokenRefreshMargin = settings.Margin;
        if (settings.FetchTimeout is { } fetchTimeout)
        {
            options.TokenFetchTimeout = fetchTimeout;
        }
    })
    .AddCelerDataRedisTokenCache(settings.Redis, options =>
    {
        options.StoreTimeout = TimeSpan.FromSeconds(5);
        options.KeyPrefix = settings.KeyPrefix;
        if (settings.LockExpiry is { } lockExpiry)
        {
            options.LockExpiry = lockExpiry;
        }
    });

await using var provider = services.BuildServiceProvider();
var api = provider.GetRequiredService<ICelerDataCloudApi>();
var wait = settings.StartAt - DateTimeOffset.UtcNow;
if (wait > TimeSpan.Zero)
{
    await Task.Delay(wait).ConfigureAwait(false);
}

var calls = 0;
var errors = 0;
var stopwatch = Stopwatch.StartNew();
while (settings.Calls is { } limit ? calls < limit : stopwatch.Elapsed < settings.Duration)
{
    calls++;
    try
    {
        var clusters = await api.ListClustersAsync(CancellationToken.None).ConfigureAwait(false);
        if (clusters.List.Count == 0)
        {
            errors++;
        }
    }
    catch (Exception exception)
    {
        errors++;
        await Console.Error.WriteLineAsync("call failed: " + exception.GetType().Name + " " + Innermost(exception).GetType().Name).ConfigureAwait(false);
    }

    if (settings.Calls is null)
    {
        await Task.Delay(20).ConfigureAwait(false);
    }
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"calls={calls} errors={errors}"));
return errors == 0 ? 0 : 1;

static Exception Innermost(Exception exception) => exception.InnerException is { } inner ? Innermost(inner) : exception;
