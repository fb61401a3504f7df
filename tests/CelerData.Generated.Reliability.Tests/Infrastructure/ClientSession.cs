using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using CelerData.Emulator;
using CelerData.Generated.Runtime;
using Reliability.Cloud;

namespace CelerData.Generated.Reliability.Tests.Infrastructure;

/// <summary>An in-process emulator and a generated client for it, created the way users create one.</summary>
internal sealed class ClientSession : IAsyncDisposable
{
    private ClientSession(CelerDataEmulator emulator, CelerDataClient<ICelerDataCloudApi> client)
    {
        Emulator = emulator;
        Client = client;
    }

    public CelerDataEmulator Emulator { get; }

    public CelerDataClient<ICelerDataCloudApi> Client { get; }

    public ICelerDataCloudApi Api => Client.Api;

    public EmulatorClientStats Stats => Emulator.Stats.ForClient(Emulator.Client.ClientId);

    public static async Task<ClientSession> StartAsync(Action<EmulatorOptions>? emulator = null, Action<CelerDataClientOptions>? client = null)
    {
        var emulatorOptions = new EmulatorOptions { RateLimitPerMinute = 0 };
        emulator?.Invoke(emulatorOptions);
        var started = await CelerDataEmulator.StartAsync(emulatorOptions);
        var options = Options(started);
        client?.Invoke(options);
        return new ClientSession(started, CelerDataCloudClient.Create(options));
    }

    public static CelerDataClientOptions Options(CelerDataEmulator emulator) => new()
    {
        ClientId = emulator.Client.ClientId,
        ClientSecret = emulator.Client.ClientSecret,
        BaseAddress = emulator.BaseAddress,
    };

    /// <summary>Requests that reached the emulator without credentials, or with credentials it does not know.</summary>
    public long RequestsWithoutValidCredentials()
    {
        var stats = Emulator.Stats;
        long total = 0;
        foreach (var key in new[] { EmulatorStats.AnonymousClient, EmulatorStats.UnknownClient })
        {
            var client = stats.ForClient(key);
            total += client.TokenRequests + client.ApiRequests;
        }

        return total;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Emulator.DisposeAsync();
    }
}

/// <summary>Walks an exception and its inner exceptions (Refit wraps handler exceptions in ApiRequestException).</summary>
internal static class ExceptionChain
{
    public static IEnumerable<Exception> Of(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }

    public static T? Find<T>(Exception exception)
        where T : Exception
    {
        foreach (var e in Of(exception))
        {
            if (e is T found)
            {
                return found;
            }
        }

        return null;
    }

    public static string Describe(Exception exception) => string.Join(" <- ", System.Linq.Enumerable.Select(Of(exception), e => e.GetType().Name));
}
