using System.IO;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using CelerData.Generated.Runtime.Tests.Infrastructure;
using CelerData.Generated.Runtime.Tests.TestApi;
using Refit;
using Xunit;

namespace CelerData.Generated.Runtime.Tests;

public sealed class UnauthorizedRetryTests
{
    [Fact]
    public async Task A_401_drops_the_token_fetches_a_new_one_and_retries_once()
    {
        using var test = new TestClient();
        test.Stub.Token = n => StubHandler.Json(Secrets.TokenJson(n == 1 ? Secrets.AccessToken : Secrets.SecondAccessToken));
        test.Stub.Api = (n, _) => n == 1 ? StubHandler.Status(HttpStatusCode.Unauthorized) : StubHandler.Json("""{"code":20000}""");

        var result = await test.Api.ListClustersAsync();

        Assert.Equal(20000, result.Code);
        Assert.Equal(2, test.Stub.TokenCalls);
        Assert.Equal(2, test.Stub.ApiCalls);
        var apiRequests = test.Stub.Sent.Where(r => r.PathAndQuery == "/api/1.0/clusters").ToArray();
        Assert.Equal("Bearer " + Secrets.AccessToken, apiRequests[0].Authorization);
        Assert.Equal("Bearer " + Secrets.SecondAccessToken, apiRequests[1].Authorization);
        Assert.True(test.Logs.HasEvent("TokenRejected"));
    }

    [Fact]
    public async Task Buffered_json_body_is_replayed_on_the_retry()
    {
        using var test = new TestClient();
        test.Stub.Api = (n, _) => n == 1 ? StubHandler.Status(HttpStatusCode.Unauthorized) : StubHandler.Json("""{"code":20000}""");

        await test.Api.EchoAsync(new EchoRequest { Text = "hello" });

        var echoes = test.Stub.Sent.Where(r => r.PathAndQuery == "/api/1.0/echo").ToArray();
        Assert.Equal(2, echoes.Length);
        Assert.Contains("hello", echoes[1].Body, System.StringComparison.Ordinal);
        Assert.Equal(echoes[0].Body, echoes[1].Body);
    }

    [Fact]
    public async Task A_second_401_is_returned_not_retried_again()
    {
        using var test = new TestClient();
        test.Stub.Api = (_, _) => StubHandler.Status(HttpStatusCode.Unauthorized);

        var error = await Assert.ThrowsAsync<ApiException>(() => test.Api.ListClustersAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal(2, test.Stub.ApiCalls);
        Assert.Equal(2, test.Stub.TokenCalls);
    }

    [Fact]
    public async Task Stream_content_is_not_replayed_but_the_token_is_dropped()
    {
        using var test = new TestClient();
        test.Stub.Api = (n, _) => n == 1 ? StubHandler.Status(HttpStatusCode.Unauthorized) : StubHandler.Json("""{"code":20000}""");

        var error = await Assert.ThrowsAsync<ApiException>(() => test.Api.UploadAsync(new MemoryStream([1, 2, 3])));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal(1, test.Stub.ApiCalls);
        Assert.True(test.Logs.HasEvent("NotRetriedAfter401"));
        await test.Api.ListClustersAsync();
        Assert.Equal(2, test.Stub.TokenCalls);
    }
}
