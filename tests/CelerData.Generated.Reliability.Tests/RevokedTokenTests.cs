using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using CelerData.Generated.Reliability.Tests.Infrastructure;
using CelerData.Generated.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Reliability.Cloud;
using Xunit;

namespace CelerData.Generated.Reliability.Tests;

/// <summary>
/// Issue 12, item 3, over the wire with a real redis-server: two members share a token through Redis; the server
/// revokes it; the member that gets the 401 waits until Redis has dropped the token and fetches a new one instead of
/// reading the revoked one back. Repeated 20 times, each run with fresh members and keys.
/// </summary>
public sealed class RevokedTokenTests
{
    [Fact]
    public async Task After_a_401_the_refused_token_is_never_read_back_from_redis_in_20_runs()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var server = await TokenServer.StartAsync();
        for (var run = 1; run <= 20; run++)
        {
            server.Reset();
            var prefix = "celerdata:test:" + Guid.NewGuid().ToString("N") + ":";
            await using var first = Member(server.BaseAddress, redis.Configuration, prefix);
            await using var second = Member(server.BaseAddress, redis.Configuration, prefix);
            var firstApi = first.GetRequiredService<ICelerDataCloudApi>();
            var secondApi = second.GetRequiredService<ICelerDataCloudApi>();
            Assert.Equal(0, (await firstApi.ListClustersAsync()).Total);
            Assert.Equal(0, (await secondApi.ListClustersAsync()).Total);
            Assert.Equal(1, server.TokensIssued);

            var revoked = server.RevokeAll();

            Assert.Equal(0, (await firstApi.ListClustersAsync()).Total);
            Assert.Equal(0, (await secondApi.ListClustersAsync()).Total);
            Assert.True(server.TokensIssued == 2, "run " + run + ": token requests " + server.TokensIssued);
            Assert.True(server.Refusals(revoked) == 2, "run " + run + ": the revoked token was sent " + server.Refusals(revoked) + " times");
        }
    }

    private static ServiceProvider Member(Uri baseAddress, string redis, string prefix)
    {
        var services = new ServiceCollection();
        services.AddCelerDataCloudClient(options =>
            {
                options.ClientId = TokenServer.ClientId;
                options.ClientSecret = TokenServer.Secret;
                options.BaseAddress = baseAddress;
            })
            .AddCelerDataRedisTokenCache(redis, options => options.KeyPrefix = prefix);
        return services.BuildServiceProvider();
    }

    /// <summary>Issues numbered tokens and accepts only those not revoked; counts what it refused.</summary>
    private sealed class TokenServer : IAsyncDisposable
    {
        public const string ClientId = "revocation-client";
        public const string Secret = "RevocationSecret0123456789abcdefABCDEF01";
        private readonly WebApplication _app;
        private readonly ConcurrentDictionary<string, bool> _valid = new();
        private readonly ConcurrentDictionary<string, int> _refused = new();
        private int _issued;

        private TokenServer(WebApplication app, Uri baseAddress)
        {
            _app = app;
            BaseAddress = baseAddress;
        }

        public Uri BaseAddress { get; }

        public int TokensIssued => Volatile.Read(ref _issued);

        public static async Task<TokenServer> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
            var app = builder.Build();
            TokenServer? server = null;
            app.Run(context => server!.HandleAsync(context));
            await app.StartAsync();
            server = new TokenServer(app, new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()));
            return server;
        }

        public void Reset()
        {
            _valid.Clear();
            _refused.Clear();
            Volatile.Write(ref _issued, 0);
        }

        public IReadOnlyList<string> RevokeAll()
        {
            var revoked = _valid.Keys.ToList();
            _valid.Clear();
            return revoked;
        }

        public int Refusals(IReadOnlyList<string> tokens) => tokens.Sum(t => _refused.GetValueOrDefault(t));

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();

        private Task HandleAsync(HttpContext context)
        {
            var authorization = context.Request.Headers.Authorization.ToString();
            if (context.Request.Path == "/api/1.0/token")
            {
                var token = "REVOCABLE" + Interlocked.Increment(ref _issued).ToString("D39", System.Globalization.CultureInfo.InvariantCulture);
                _valid[token] = true;
                context.Response.ContentType = "application/json";
                return context.Response.WriteAsync("{\"access_token\":\"" + token + "\",\"expires_in\":3600,\"refresh_token\":\"R" + token + "\",\"token_type\":\"Bearer\"}");
            }

            var presented = authorization.StartsWith("Bearer ", StringComparison.Ordinal) ? authorization["Bearer ".Length..] : "";
            if (_valid.ContainsKey(presented))
            {
                return context.Response.WriteAsync("""{"code":20000,"data":{"list":[],"total":0}}""");
            }

            _refused.AddOrUpdate(presented, 1, (_, n) => n + 1);
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Task.CompletedTask;
        }
    }
}
