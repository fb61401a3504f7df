using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using CelerData.Generated.Runtime;
using Microsoft.Extensions.Options;
using Refit;
using TokenDemo.CelerData;

namespace TokenDemo;

/// <summary>
/// Gets a token through the generated <see cref="ICelerDataCloudApi"/> and the runtime's token cache, shows that the
/// second request is answered from the cache, and lists the clusters with the bearer token.
/// </summary>
internal static class Demo
{
    /// <summary>The success code of the response envelope.</summary>
    private const int EnvelopeSuccess = 20000;

    /// <summary>Runs the demo.</summary>
    /// <returns>0 on success, 1 when a call failed or disproved the demo, 2 for a usage error.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        try
        {
            var arguments = DemoArguments.Parse(args);
            if (arguments.Help)
            {
                await output.WriteLineAsync(DemoArguments.Usage).ConfigureAwait(false);
                return 0;
            }

            await using var target = await DemoTarget.ResolveAsync(arguments.BaseUrl, CelerDataCloudClient.Descriptor.DefaultBaseAddress, cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync(target.Description).ConfigureAwait(false);
            using var client = CelerDataCloudClient.Create(target.Options);
            await ShowAsync(client, target, output, cancellationToken).ConfigureAwait(false);
            return 0;
        }
        catch (DemoUsageException exception)
        {
            await error.WriteLineAsync("error: " + exception.Message).ConfigureAwait(false);
            await error.WriteLineAsync("Run with --help for the options.").ConfigureAwait(false);
            return 2;
        }
        catch (Exception exception) when (Describe(exception, cancellationToken) is { } message)
        {
            // Every message here is free of secrets: the runtime's errors promise it, the others only name statuses and hosts.
            await error.WriteLineAsync("error: " + message).ConfigureAwait(false);
            return 1;
        }
    }

    private static async Task ShowAsync(CelerDataClient<ICelerDataCloudApi> client, DemoTarget target, TextWriter output, CancellationToken cancellationToken)
    {
        var cache = client.TokenCache ?? throw new DemoFailureException("The generated client has no token cache: the specification lost its token operation.");

        var watch = Stopwatch.StartNew();
        var first = await cache.GetAccessTokenAsync(cancellationToken).ConfigureAwait(false);
        var fetchTime = watch.Elapsed;
        await output.WriteLineAsync(Invariant($"""
            1. Token fetched from POST /api/1.0/token in {fetchTime.TotalMilliseconds:F0} ms
               token type  Bearer (the runtime accepts no other)
               token       {Redact(first.Value)}
               expires in  {(first.ExpiresAt - first.IssuedAt).TotalSeconds:F0} s, at {first.ExpiresAt:u}; the cache replaces it from {first.RefreshAt:u}
            """)).ConfigureAwait(false);

        watch.Restart();
        var second = await cache.GetAccessTokenAsync(cancellationToken).ConfigureAwait(false);
        var cachedTime = watch.Elapsed;
        if (!ReferenceEquals(first, second))
        {
            throw new DemoFailureException("The second request fetched a new token instead of answering from the cache.");
        }

        await output.WriteLineAsync(Invariant($"2. Second token request answered from the cache in {cachedTime.TotalMilliseconds:F3} ms: the same token, no HTTP request")).ConfigureAwait(false);

        var clusters = await client.Api.ListClustersAsync(cancellationToken).ConfigureAwait(false);
        if (clusters.Code != EnvelopeSuccess)
        {
            throw new DemoFailureException(Invariant($"GET /api/1.0/clusters answered code {clusters.Code}: {clusters.Message ?? "(no message)"}"));
        }

        await output.WriteLineAsync(Invariant($"3. GET /api/1.0/clusters with the cached bearer token: {clusters.Data?.Total ?? 0} cluster(s)")).ConfigureAwait(false);
        foreach (var cluster in clusters.Data?.List ?? [])
        {
            await output.WriteLineAsync(Invariant($"   {cluster.ClusterId}  {cluster.ClusterName ?? "(no name)"}")).ConfigureAwait(false);
        }

        if (target.Emulator is { } emulator)
        {
            var stats = emulator.Stats.ForClient(emulator.Client.ClientId);
            await output.WriteLineAsync(Invariant($"4. The emulator counted {stats.TokenRequests} token request(s) and {stats.ApiRequests} API request(s) from the demo client")).ConfigureAwait(false);
            if (stats.TokenRequests != 1)
            {
                throw new DemoFailureException(Invariant($"Expected exactly one token request, the emulator counted {stats.TokenRequests}."));
            }
        }
    }

    /// <summary>Shows the first four characters of a token and its length, never the rest.</summary>
    internal static string Redact(string token) =>
        token.Length <= 8
            ? Invariant($"… ({token.Length} characters)")
            : Invariant($"{token[..4]}… ({token.Length} characters)");

    private static string? Describe(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        OperationCanceledException when cancellationToken.IsCancellationRequested => "Cancelled: no answer within a minute, or Ctrl+C.",
        DemoFailureException or CelerDataException => exception.Message,
        OptionsValidationException validation => "The client options are not valid: " + string.Join(" ", validation.Failures),
        ApiException api => Invariant($"{api.HttpMethod} {api.Uri?.AbsolutePath} answered HTTP {(int)api.StatusCode} {api.ReasonPhrase}."),
        _ when Find<HttpRequestException>(exception) is { } http => "The request failed: " + http.Message,
        _ => null,
    };

    /// <summary>
    /// Finds a transport failure of an API call however it is wrapped: Refit 16 reports one as an
    /// <c>ApiRequestException</c> around the <see cref="HttpRequestException"/>. (The token cache reports its own as
    /// <see cref="CelerDataUnreachableException"/>.)
    /// </summary>
    private static T? Find<T>(Exception? exception)
        where T : Exception
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is T found)
            {
                return found;
            }
        }

        return null;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
