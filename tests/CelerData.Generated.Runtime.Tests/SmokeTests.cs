using System.Threading.Tasks;
using CelerData.Generated.Runtime.Tests.Infrastructure;
using Xunit;

namespace CelerData.Generated.Runtime.Tests;

public sealed class SmokeTests
{
    [Fact]
    public async Task Bearer_call_fetches_token_with_basic_then_sends_bearer()
    {
        using var test = new TestClient();
        var result = await test.Api.ListClustersAsync();
        Assert.Equal(20000, result.Code);
        var sent = test.Stub.Sent;
        Assert.Equal(2, sent.Count);
        Assert.Equal(new SentRequest("POST", "/api/1.0/token?grant_type=client_credentials", "Basic " + Secrets.BasicValue, null), sent[0] with { Body = sent[0].Body == "" ? null : sent[0].Body });
        Assert.Equal("Bearer " + Secrets.AccessToken, sent[1].Authorization);
    }
}
