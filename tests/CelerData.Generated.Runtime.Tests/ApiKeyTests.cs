using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using CelerData.Generated.Runtime.Tests.Infrastructure;
using CelerData.Generated.Runtime.Tests.TestApi;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Xunit;

namespace CelerData.Generated.Runtime.Tests;

/// <summary>
/// Issue 10 item 5 over the wire: API keys from options, configuration or the environment go in the header, query
/// parameter or cookie their scheme declares, combined or as alternatives, only to the base address, and never into
/// logs, exceptions or ToString().
/// </summary>
[Collection(nameof(EnvironmentCollection))]
public sealed class ApiKeyTests
{
    private const string Key = "ak_live_7Hq2Zx9PLm4Rt8Vw";
    private const string AppKey = "app_3Kd8Qw1Nz6Bv";

    private static readonly Dictionary<string, CelerDataApiKeyScheme> Schemes = new(StringComparer.Ordinal)
    {
        ["header"] = new(ApiKeyLocation.Header, "X-API-Key"),
        ["query"] = new(ApiKeyLocation.Query, "api_key"),
        ["cookie"] = new(ApiKeyLocation.Cookie, "session"),
        ["app"] = new(ApiKeyLocation.Header, "X-App-Key"),
    };

    /// <summary>What one request carried: its API-key header, query, cookies and Authorization.</summary>
    private sealed record Seen(string? ApiKeyHeader, string? AppKeyHeader, string Query, string? Cookie, string? Authorization, string Path);

    private sealed class Rig : IAsyncDisposable
    {
        private readonly List<Seen> _seen = new();

        private Rig(LoopbackServer server, ServiceProvider provider, LogCapture logs)
        {
            Server = server;
            Provider = provider;
            Logs = logs;
        }

        public LoopbackServer Server { get; }

        public ServiceProvider Provider { get; }

        public LogCapture Logs { get; }

        public ITestCloudApi Api => Provider.GetRequiredService<ITestCloudApi>();

        public IReadOnlyList<Seen> Seen
        {
            get
            {
                lock (_seen)
                {
                    return _seen.ToList();
                }
            }
        }

        public int Status { get; set; } = 200;

        public static async Task<Rig> StartAsync(Action<CelerDataClientOptions> configure, IDictionary<string, string?>? configuration = null)
        {
            var server = await LoopbackServer.StartAsync();
            var logs = new LogCapture();
            var services = new ServiceCollection();
            services.AddSingleton(logs.Factory);
            if (configuration is not null)
            {
                services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(configuration).Build());
            }

            services.AddCelerDataClient(TestDescriptor.Create(server.BaseAddress, apiKeySchemes: Schemes), options =>
            {
                options.MaxRateLimitRetries = 0;
                configure(options);
            });
            var rig = new Rig(server, services.BuildServiceProvider(), logs);
            server.Handle = (context, _) =>
            {
                var request = context.Request;
                lock (rig._seen)
                {
                    rig._seen.Add(new Seen(
                        request.Headers["X-API-Key"].FirstOrDefault(),
                        request.Headers["X-App-Key"].FirstOrDefault(),
                        request.QueryString.Value ?? string.Empty,
                        request.Headers.Cookie.FirstOrDefault(),
                        request.Headers.Authorization.FirstOrDefault(),
                        request.Path));
                }

                if (request.Path == "/api/1.0/token")
                {
                    return context.Response.WriteAsync(Secrets.TokenJson());
                }

                context.Response.StatusCode = rig.Status;
                return context.Response.WriteAsync("""{"code":20000}""");
            };
            return rig;
        }

        public async ValueTask DisposeAsync()
        {
            await Provider.DisposeAsync();
            Logs.Dispose();
            await Server.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_header_key_is_sent_in_its_header()
    {
        await using var rig = await Rig.StartAsync(options => options.ApiKey = Key);

        await rig.Api.PublicAsync("apikey:header");

        var seen = Assert.Single(rig.Seen);
        Assert.Equal(Key, seen.ApiKeyHeader);
        Assert.Null(seen.Authorization);
        Assert.Equal(string.Empty, seen.Query);
    }

    [Fact]
    public async Task A_query_key_is_sent_as_a_query_parameter_beside_the_request_s_own()
    {
        await using var rig = await Rig.StartAsync(options => options.ApiKey = Key);

        await rig.Api.CreateAccessTokenAsync("apikey:query");

        var seen = Assert.Single(rig.Seen);
        Assert.Equal("?grant_type=client_credentials&api_key=" + Key, seen.Query);
        Assert.Null(seen.ApiKeyHeader);
    }

    [Fact]
    public async Task A_cookie_key_is_sent_in_the_cookie_header()
    {
        await using var rig = await Rig.StartAsync(options => options.ApiKey = Key);

        await rig.Api.PublicAsync("apikey:cookie");

        Assert.Equal("session=" + Key, Assert.Single(rig.Seen).Cookie);
    }

    [Fact]
    public async Task A_combined_requirement_sends_every_key_and_a_scheme_s_own_key_wins()
    {
        await using var rig = await Rig.StartAsync(options =>
        {
            options.ApiKey = Key;
            options.ApiKeys = new Dictionary<string, string> { ["app"] = AppKey };
        });

        await rig.Api.PublicAsync("apikey:header & apikey:app");

        var seen = Assert.Single(rig.Seen);
        Assert.Equal(Key, seen.ApiKeyHeader);
        Assert.Equal(AppKey, seen.AppKeyHeader);
    }

    [Fact]
    public async Task The_first_alternative_the_client_has_credentials_for_is_used()
    {
        // Without a client ID and secret no token can be fetched: the API key alternative is used instead.
        await using (var keyOnly = await Rig.StartAsync(options => options.ApiKey = Key))
        {
            await keyOnly.Api.PublicAsync("bearer | apikey:header");
            var seen = Assert.Single(keyOnly.Seen);
            Assert.Equal(Key, seen.ApiKeyHeader);
            Assert.Null(seen.Authorization);
        }

        // Without an API key, the bearer alternative (a token through the token operation).
        await using var credentialsOnly = await Rig.StartAsync(options =>
        {
            options.ClientId = Secrets.ClientId;
            options.ClientSecret = Secrets.ClientSecret;
        });
        await credentialsOnly.Api.PublicAsync("apikey:header | bearer");
        var call = Assert.Single(credentialsOnly.Seen, s => s.Path != "/api/1.0/token");
        Assert.Equal("Bearer " + Secrets.AccessToken, call.Authorization);
        Assert.Null(call.ApiKeyHeader);

        // An optional requirement ("none") sends nothing when the key is missing.
        await credentialsOnly.Api.PublicAsync("apikey:header | none");
        Assert.Null(credentialsOnly.Seen.Last().ApiKeyHeader);
        Assert.Null(credentialsOnly.Seen.Last().Authorization);
    }

    [Fact]
    public async Task Keys_come_from_the_client_s_configuration_section_and_the_environment()
    {
        await using (var configured = await Rig.StartAsync(_ => { }, new Dictionary<string, string?>
        {
            ["CelerData:TestCloud:ApiKey"] = Key,
            ["CelerData:TestCloud:ApiKeys:app"] = AppKey,
        }))
        {
            await configured.Api.PublicAsync("apikey:header & apikey:app");
            Assert.Equal((Key, AppKey), (configured.Seen[0].ApiKeyHeader, configured.Seen[0].AppKeyHeader));
        }

        Environment.SetEnvironmentVariable(CelerDataClientOptions.ApiKeyEnvironmentVariable, Key);
        try
        {
            await using var fromEnvironment = await Rig.StartAsync(_ => { });
            await fromEnvironment.Api.PublicAsync("apikey:header");
            Assert.Equal(Key, Assert.Single(fromEnvironment.Seen).ApiKeyHeader);
        }
        finally
        {
            Environment.SetEnvironmentVariable(CelerDataClientOptions.ApiKeyEnvironmentVariable, null);
        }
    }

    [Fact]
    public async Task A_missing_key_fails_before_sending_and_says_where_to_set_it()
    {
        await using var rig = await Rig.StartAsync(options =>
        {
            options.ClientId = Secrets.ClientId;
            options.ClientSecret = Secrets.ClientSecret;
        });

        var error = await Errors.Find<CelerDataAuthenticationException>(() => rig.Api.PublicAsync("apikey:app"));

        Assert.Contains("'CelerData:TestCloud:ApiKeys:app'", error.Message, StringComparison.Ordinal);
        Assert.Contains(CelerDataClientOptions.ApiKeyEnvironmentVariable, error.Message, StringComparison.Ordinal);
        Assert.Empty(rig.Seen);
    }

    [Theory]
    [InlineData("apikey:header", 500)]
    [InlineData("apikey:query", 500)]
    [InlineData("apikey:cookie", 401)]
    [InlineData("apikey:header & apikey:query", 404)]
    public async Task No_key_reaches_the_logs_or_anything_a_failed_call_s_exception_holds(string requirement, int status)
    {
        await using var rig = await Rig.StartAsync(options => options.ApiKey = Key);
        rig.Status = status;

        var error = await Assert.ThrowsAsync<Refit.ApiException>(() => rig.Api.PublicAsync(requirement));

        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Single(rig.Seen);
        Assert.Null(ExceptionGraph.FindAny(error, [Key]));
        Assert.DoesNotContain("api_key", error.Uri?.ToString() ?? string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, rig.Logs.AllText(), StringComparison.Ordinal);
        var options = rig.Provider.GetRequiredService<IOptionsMonitor<CelerDataClientOptions>>().Get(TestDescriptor.Name);
        Assert.DoesNotContain(Key, options.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redirect_to_another_origin_is_not_followed_with_the_key()
    {
        await using var elsewhere = await LoopbackServer.StartAsync();
        await using var rig = await Rig.StartAsync(options => options.ApiKey = Key);
        rig.Server.Handle = (context, _) =>
        {
            context.Response.StatusCode = 307;
            context.Response.Headers.Location = new Uri(elsewhere.BaseAddress, "/api/1.0/public").ToString();
            return System.Threading.Tasks.Task.CompletedTask;
        };

        var error = await Assert.ThrowsAsync<Refit.ApiException>(() => rig.Api.PublicAsync("apikey:header & apikey:query & apikey:cookie"));

        Assert.Equal(HttpStatusCode.TemporaryRedirect, error.StatusCode);
        Assert.Empty(elsewhere.Received);
        Assert.Null(ExceptionGraph.FindAny(error, [Key]));
    }

    [Fact]
    public void A_key_with_a_control_character_is_refused_without_repeating_it()
    {
        var options = new CelerDataClientOptions { ApiKeys = new Dictionary<string, string> { ["app"] = Key + "\r\nX-Evil: 1" } };

        var failures = CelerDataClientOptionsValidator.Check(options, TestDescriptor.Name);

        var failure = Assert.Single(failures);
        Assert.Contains("scheme 'app'", failure, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, failure, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, options.ToString(), StringComparison.Ordinal);
        Assert.Contains("ApiKeys = [app = ***]", options.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Client_credentials_are_required_only_when_no_api_key_stands_in_for_them()
    {
        Assert.Empty(CelerDataClientOptionsValidator.Check(new CelerDataClientOptions { ApiKey = Key }, TestDescriptor.Name, usesClientCredentials: true));
        Assert.Empty(CelerDataClientOptionsValidator.Check(new CelerDataClientOptions(), TestDescriptor.Name, usesClientCredentials: false));
        Assert.Equal(2, CelerDataClientOptionsValidator.Check(new CelerDataClientOptions(), TestDescriptor.Name, usesClientCredentials: true).Count);
        Assert.Single(CelerDataClientOptionsValidator.Check(new CelerDataClientOptions { ApiKey = Key, ClientId = Secrets.ClientId }, TestDescriptor.Name, usesClientCredentials: false));
    }
}
