using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Xunit;

namespace CelerData.Emulator.Tests;

public sealed class LoggingTests
{
    [Fact]
    public async Task Logs_name_client_ids_but_never_secrets_or_tokens()
    {
        var collector = new FakeLogCollector();
        using var loggerFactory = LoggerFactory.Create(logging => logging
            .SetMinimumLevel(LogLevel.Trace)
            .AddProvider(new FakeLoggerProvider(collector)));
        await using var session = await EmulatorSession.StartAsync(new EmulatorOptions { LoggerFactory = loggerFactory });
        var issued = new List<string>();

        var first = await session.GetTokenAsync();
        issued.Add(first.AccessToken);
        issued.Add(first.RefreshToken);
        using (var refreshed = await session.Http.SendAsync(EmulatorSession.TokenRequest(
            null,
            queryGrant: "refresh_token",
            form: [new("refresh_token", first.RefreshToken)])))
        {
            var second = await EmulatorSession.ReadTokenAsync(refreshed);
            issued.Add(second.AccessToken);
            issued.Add(second.RefreshToken);
        }

        (await session.GetWithBearerAsync("api/1.0/clusters", first.AccessToken)).Dispose();
        (await session.Http.SendAsync(EmulatorSession.TokenRequest(EmulatorSession.Basic(EmulatorClient.DemoClientId, "WrongSecretValue")))).Dispose();
        session.Emulator.SetFaults(new EmulatorFaultOptions { Kind = EmulatorFaultKind.ServerError, Count = 1 });
        (await session.RequestTokenAsync()).Dispose();

        var logs = collector.GetSnapshot().Select(r => r.Message + " " + r.Exception).ToList();
        Assert.Contains(logs, l => l.Contains(EmulatorClient.DemoClientId, StringComparison.Ordinal));
        var secrets = new[] { EmulatorClient.DemoClientSecret, "WrongSecretValue" }.Concat(issued);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(logs, l => l.Contains(secret, StringComparison.Ordinal));
        }
    }
}
