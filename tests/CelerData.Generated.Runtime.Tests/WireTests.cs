using System;
using System.Linq;
using System.Threading.Tasks;
using CelerData.Generated.Runtime.Tests.Infrastructure;
using CelerData.Generated.Runtime.Tests.TestApi;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace CelerData.Generated.Runtime.Tests;

/// <summary>Against a real Kestrel server on loopback: what actually goes over the wire.</summary>
public sealed class WireTests
{
    private static Task Answer(HttpContext context, int status, string body, string contentType = "application/json")
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        return context.Response.WriteAsync(body);
    }

    private static async Task<LoopbackServer> Server(Func<HttpContext, int, Task>? api = null, Func<HttpContext, int, Task>? token = null)
    {
        var server = await LoopbackServer.StartAsync();
        int tokens = 0, apis = 0;
        server.Handle = (context, _) => context.Request.Path == "/api/1.0/token"
            ? (token ?? ((c, _) => Answer(c, 200, Secrets.TokenJson())))(context, System.Threading.Interlocked.Increment(ref tokens))
            : (api ?? ((c, _) => Answer(c, 200, """{"code":20000}""")))(context, System.Threading.Interlocked.Increment(ref apis));
        return server;
    }

    [Fact]
    public async Task Token_request_and_bearer_call_go_over_the_wire_as_documented()
    {
        await using var server = await Server();
        using var client = CelerDataClientFactory.Create(TestDescriptor.Create(server.BaseAddress), Secrets.Options());

        var result = await client.Api.ListClustersAsync();
        await client.Api.ListClustersAsync();

        Assert.Equal(20000, result.Code);
        var received = server.Received;
        Assert.Equal(3, received.Length);
        Assert.Equal(new SentRequest("POST", "/api/1.0/token?grant_type=client_credentials", "Basic " + Secrets.BasicValue, ""), received[0]);
        Assert.All(received.Skip(1), r => Assert.Equal(new SentRequest("GET", "/api/1.0/clusters", "Bearer " + Secrets.AccessToken, ""), r));
    }

    [Fact]
    public async Task A_401_over_the_wire_refreshes_the_token_and_replays_the_body()
    {
        var second = Secrets.TokenJson(Secrets.SecondAccessToken);
        await using var server = await Server(
            api: (c, n) => n == 1 ? Answer(c, 401, "") : Answer(c, 200, """{"code":20000}"""),
            token: (c, n) => Answer(c, 200, n == 1 ? Secrets.TokenJson() : second));
        using var client = CelerDataClientFactory.Create(TestDescriptor.Create(server.BaseAddress), Secrets.Options());

        await client.Api.EchoAsync(new EchoRequest { Text = "wire" });

        var echoes = server.Received.Where(r => r.PathAndQuery == "/api/1.0/echo").ToArray();
        Assert.Equal(2, echoes.Length);
        Assert.Equal("Bearer " + Secrets.SecondAccessToken, echoes[1].Authorization);
        Assert.Contains("wire", echoes[1].Body, StringComparison.Ordinal);
        Assert.Equal(echoes[0].Body, echoes[1].Body);
    }

    [Fact]
    public async Task A_429_over_the_wire_honours_retry_after()
    {
        await using var server = await Server(api: (c, n) =>
        {
            if (n == 1)
            {
                c.Response.Headers.RetryAfter = "1";
                return Answer(c, 429, "");
            }

            return Answer(c, 200, """{"code":20000}""");
        });
        using var client = CelerDataClientFactory.Create(TestDescriptor.Create(server.BaseAddress), Secrets.Options());
        var started = DateTimeOffset.UtcNow;

        await client.Api.ListClustersAsync();

        Assert.True(DateTimeOffset.UtcNow - started >= TimeSpan.FromSeconds(1));
        Assert.Equal(2, server.Received.Count(r => r.PathAndQuery == "/api/1.0/clusters"));
    }

    [Fact]
    public async Task An_html_error_page_from_the_token_endpoint_fails_typed()
    {
        await using var server = await Server(token: (c, _) => Answer(c, 200, "<!DOCTYPE html><html><body>Bad gateway</body></html>", "text/html"));
        using var client = CelerDataClientFactory.Create(TestDescriptor.Create(server.BaseAddress), Secrets.Options());

        var error = await Errors.Find<CelerDataMalformedTokenResponseException>(() => client.Api.ListClustersAsync());

        Assert.Equal(MalformedTokenResponseReason.NotJson, error.Reason);
        Assert.DoesNotContain(server.Received, r => r.PathAndQuery == "/api/1.0/clusters");
    }

    [Fact]
    public async Task Bad_credentials_over_the_wire_fail_typed()
    {
        await using var server = await Server(token: (c, _) => Answer(c, 401, """{"message":"invalid"}"""));
        using var client = CelerDataClientFactory.Create(TestDescriptor.Create(server.BaseAddress), Secrets.Options());

        var error = await Errors.Find<CelerDataInvalidCredentialsException>(() => client.Api.ListClustersAsync());

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, error.StatusCode);
    }
}
