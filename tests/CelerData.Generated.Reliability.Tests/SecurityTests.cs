using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CelerData.Emulator;
using CelerData.Generated.Reliability.Tests.Infrastructure;
using CelerData.Generated.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Reliability.Cloud;
using Xunit;

namespace CelerData.Generated.Reliability.Tests;

/// <summary>
/// Security through the generated client. Covered elsewhere and not repeated here: the transport rule per address
/// (runtime TransportSecurityTests), redaction of each runtime log line and exception (runtime RedactionTests),
/// emulator log lines (emulator LoggingTests) and the emulator's loopback-only options and host (emulator OptionsTests,
/// HostTests).
/// </summary>
public sealed class SecurityTests
{
    [Theory]
    [InlineData("http://example.com/")]
    [InlineData("http://10.0.0.1/")]
    [InlineData("http://localhost.example.com/")]
    public void The_generated_factory_refuses_credentials_over_plain_http_to_a_non_loopback_host(string address)
    {
        var error = Assert.Throws<OptionsValidationException>(() => CelerDataCloudClient.Create(new CelerDataClientOptions
        {
            ClientId = "id",
            ClientSecret = "SecretThatMustNotTravel0123456789abcdef",
            BaseAddress = new Uri(address),
        }));
        Assert.Contains("plain HTTP is allowed only to loopback", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SecretThatMustNotTravel", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dependency_injection_refuses_credentials_over_plain_http_to_a_non_loopback_host_before_anything_is_sent()
    {
        var services = new ServiceCollection();
        services.AddCelerDataCloudClient(options =>
        {
            options.ClientId = "id";
            options.ClientSecret = "SecretThatMustNotTravel0123456789abcdef";
            options.BaseAddress = new Uri("http://example.com/");
        });
        await using var provider = services.BuildServiceProvider();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => provider.GetRequiredService<ICelerDataCloudApi>().ListClustersAsync());

        Assert.Contains("plain HTTP is allowed only to loopback", ExceptionChain.Find<OptionsValidationException>(error)?.Message ?? ExceptionChain.Describe(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plain_http_to_loopback_is_allowed_and_carries_the_credentials()
    {
        await using var session = await ClientSession.StartAsync();
        Assert.Equal("http", session.Emulator.BaseAddress.Scheme);

        Assert.NotEmpty((await session.Api.ListClustersAsync()).List);
        Assert.Equal(1, session.Stats.TokenRequests);
        Assert.Equal(0, session.RequestsWithoutValidCredentials());
    }

    [Fact]
    public async Task The_in_process_emulator_listens_on_loopback_and_refuses_other_addresses_unless_told()
    {
        await using var emulator = await CelerDataEmulator.StartAsync();
        Assert.True(IPAddress.IsLoopback(IPAddress.Parse(emulator.BaseAddress.Host)), emulator.BaseAddress.ToString());

        await Assert.ThrowsAsync<ArgumentException>(() => CelerDataEmulator.StartAsync(new EmulatorOptions { Urls = "http://0.0.0.0:0" }));
    }

    [Fact]
    public async Task No_secret_basic_value_or_token_appears_in_any_log_line_or_error_of_a_full_run()
    {
        const string ClientId = "reliability-client";
        const string Secret = "ReliabilitySecret0123456789abcdefABCDEFgh";
        using var logs = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(builder => builder.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        var emulatorOptions = new EmulatorOptions { LoggerFactory = loggerFactory, ExpiresInSeconds = 3600, RateLimitPerMinute = 5 };
        emulatorOptions.Clients.Add(new EmulatorClient(ClientId, Secret));
        await using var emulator = await CelerDataEmulator.StartAsync(emulatorOptions);
        var wire = new WireRecorder(new SocketsHttpHandler());
        var options = new CelerDataClientOptions { ClientId = ClientId, ClientSecret = Secret, BaseAddress = emulator.BaseAddress, MaxRateLimitRetries = 0 };
        var errors = new List<string>();

        using (var client = CelerDataClientFactory.Create(CelerDataCloudClient.Descriptor, options, wire, timeProvider: null, loggerFactory))
        {
            async Task CallAsync(Func<Task> call)
            {
                try
                {
                    await call();
                }
                catch (Exception error)
                {
                    errors.Add(error.ToString());
                    errors.AddRange(ExceptionChain.Of(error).Select(e => e.Message));
                }
            }

            await CallAsync(() => client.Api.ListClustersAsync());
            await CallAsync(() => client.Api.GetClusterStateAsync(emulator.ClusterId));
            await CallAsync(() => client.Api.GetClusterStateAsync("unknown-cluster"));
            foreach (var kind in Enum.GetValues<EmulatorFaultKind>().Where(k => k != EmulatorFaultKind.None))
            {
                emulator.SetFaults(new EmulatorFaultOptions { Kind = kind, RetryAfterSeconds = 0 });
                client.TokenCache!.Clear();
                await CallAsync(() => client.Api.ListClustersAsync());
                emulator.ClearFaults();
                await CallAsync(() => client.Api.ListClustersAsync());
            }

            // Past the emulator's limit of 5 token requests a minute: 429s, logged by both sides.
            for (var i = 0; i < 4; i++)
            {
                client.TokenCache!.Clear();
                await CallAsync(() => client.Api.ListClustersAsync());
            }

            errors.Add(client.ToString() ?? "");
            errors.Add(client.TokenCache!.ToString() ?? "");
            errors.Add(options.ToString());
        }

        using (var wrong = CelerDataCloudClient.Create(new CelerDataClientOptions { ClientId = ClientId, ClientSecret = "WrongSecret0123456789", BaseAddress = emulator.BaseAddress }))
        {
            var error = await Assert.ThrowsAnyAsync<Exception>(() => wrong.Api.ListClustersAsync());
            Assert.NotNull(ExceptionChain.Find<CelerDataInvalidCredentialsException>(error));
            errors.Add(error.ToString());
        }

        var secrets = new List<string> { Secret, "WrongSecret0123456789", Convert.ToBase64String(Encoding.UTF8.GetBytes(ClientId + ":" + Secret)) };
        secrets.AddRange(wire.Tokens);
        secrets.AddRange(wire.AuthorizationValues);
        Assert.True(wire.Tokens.Count >= 4, "too few tokens were issued to make the check meaningful: " + wire.Tokens.Count);
        Assert.Contains(logs.Lines, line => line.Contains(ClientId, StringComparison.Ordinal));
        Assert.Contains(logs.Lines, line => line.Contains("CelerData.Emulator", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, line => line.Contains("CelerData.Generated.Runtime", StringComparison.Ordinal));
        foreach (var secret in secrets.Distinct())
        {
            Assert.DoesNotContain(logs.Lines, line => line.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(errors, text => text.Contains(secret, StringComparison.Ordinal));
        }
    }

    /// <summary>Records what crossed the wire: every Authorization value sent and every token received.</summary>
    private sealed class WireRecorder(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private readonly ConcurrentBag<string> _tokens = [];
        private readonly ConcurrentBag<string> _authorization = [];

        public IReadOnlyCollection<string> Tokens => _tokens;

        public IReadOnlyCollection<string> AuthorizationValues => _authorization;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Headers.Authorization?.Parameter is { } parameter)
            {
                _authorization.Add(parameter);
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (request.RequestUri!.AbsolutePath.EndsWith("/token", StringComparison.Ordinal) && response.StatusCode == HttpStatusCode.OK)
            {
                try
                {
                    var body = await response.Content.ReadAsStringAsync(cancellationToken);
                    response.Content = new StringContent(body, Encoding.UTF8, response.Content.Headers.ContentType?.MediaType ?? "application/json");
                    using var json = JsonDocument.Parse(body);
                    foreach (var name in new[] { "access_token", "refresh_token" })
                    {
                        if (json.RootElement.TryGetProperty(name, out var value) && value.GetString() is { Length: > 0 } token)
                        {
                            _tokens.Add(token);
                        }
                    }
                }
                catch (Exception exception) when (exception is JsonException or HttpRequestException or System.IO.IOException or InvalidOperationException)
                {
                    // Injected faults: nothing usable was issued.
                }
            }

            return response;
        }
    }
}
