using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using CelerData.Generated.Runtime.Tests.Infrastructure;
using Xunit;

namespace CelerData.Generated.Runtime.Tests;

public sealed class MalformedTokenResponseTests
{
    [Theory]
    [InlineData("not json at all", MalformedTokenResponseReason.NotJson)]
    [InlineData("", MalformedTokenResponseReason.MissingAccessToken)]
    [InlineData("[]", MalformedTokenResponseReason.NotJson)]
    [InlineData("""{"expires_in":3600,"token_type":"Bearer"}""", MalformedTokenResponseReason.NotJson)]
    [InlineData("""{"access_token":null,"expires_in":3600,"token_type":"Bearer"}""", MalformedTokenResponseReason.MissingAccessToken)]
    [InlineData("""{"access_token":"","expires_in":3600,"token_type":"Bearer"}""", MalformedTokenResponseReason.MissingAccessToken)]
    [InlineData("""{"access_token":"a b","expires_in":3600,"token_type":"Bearer"}""", MalformedTokenResponseReason.InvalidAccessToken)]
    [InlineData("""{"access_token":"abc","token_type":"Bearer"}""", MalformedTokenResponseReason.NotJson)]
    [InlineData("""{"access_token":"abc","expires_in":null,"token_type":"Bearer"}""", MalformedTokenResponseReason.MissingExpiresIn)]
    [InlineData("""{"access_token":"abc","expires_in":0,"token_type":"Bearer"}""", MalformedTokenResponseReason.NonPositiveExpiresIn)]
    [InlineData("""{"access_token":"abc","expires_in":-60,"token_type":"Bearer"}""", MalformedTokenResponseReason.NonPositiveExpiresIn)]
    [InlineData("""{"access_token":"abc","expires_in":31536001,"token_type":"Bearer"}""", MalformedTokenResponseReason.ExpiresInTooLong)]
    [InlineData("""{"access_token":"abc","expires_in":"soon","token_type":"Bearer"}""", MalformedTokenResponseReason.NotJson)]
    [InlineData("""{"access_token":"abc","expires_in":3600,"token_type":"mac"}""", MalformedTokenResponseReason.UnsupportedTokenType)]
    [InlineData("""{"access_token":"abc","expires_in":3600}""", MalformedTokenResponseReason.UnsupportedTokenType)]
    public async Task Unusable_token_responses_fail_with_the_reason(string body, MalformedTokenResponseReason reason)
    {
        using var test = new TestClient();
        test.Stub.Token = _ => StubHandler.Json(body);

        var error = await Assert.ThrowsAsync<CelerDataMalformedTokenResponseException>(() => test.Cache.GetAccessTokenAsync().AsTask());

        Assert.Equal(reason, error.Reason);
        Assert.DoesNotContain("abc", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Html_error_page_fails_as_not_json_and_its_text_is_not_in_the_message()
    {
        using var test = new TestClient();
        test.Stub.Token = _ => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent("<html><body>Gateway says " + Secrets.AccessToken + "</body></html>", Encoding.UTF8, "text/html"),
        };

        var error = await Assert.ThrowsAsync<CelerDataMalformedTokenResponseException>(() => test.Cache.GetAccessTokenAsync().AsTask());

        Assert.Equal(MalformedTokenResponseReason.NotJson, error.Reason);
        Assert.DoesNotContain("Gateway", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Secrets.AccessToken, error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Bearer")]
    [InlineData("bearer")]
    [InlineData("BEARER")]
    [InlineData("bEaReR")]
    public async Task Bearer_in_any_letter_case_is_accepted(string tokenType)
    {
        using var test = new TestClient();
        test.Stub.Token = _ => StubHandler.Json($$"""{"access_token":"abc","expires_in":3600,"token_type":"{{tokenType}}"}""");

        Assert.Equal("abc", (await test.Cache.GetAccessTokenAsync()).Value);
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized, typeof(CelerDataInvalidCredentialsException))]
    [InlineData(HttpStatusCode.Forbidden, typeof(CelerDataInvalidCredentialsException))]
    [InlineData(HttpStatusCode.BadRequest, typeof(CelerDataBadRequestException))]
    [InlineData(HttpStatusCode.NotFound, typeof(CelerDataBadRequestException))]
    [InlineData(HttpStatusCode.InternalServerError, typeof(CelerDataServerErrorException))]
    [InlineData(HttpStatusCode.BadGateway, typeof(CelerDataServerErrorException))]
    public async Task Token_endpoint_statuses_map_to_typed_exceptions(HttpStatusCode status, Type expected)
    {
        using var test = new TestClient();
        test.Stub.Token = _ => StubHandler.Json("""{"error":"invalid_client","secret":"leak"}""", status);

        var error = await Assert.ThrowsAsync(expected, () => test.Cache.GetAccessTokenAsync().AsTask());

        Assert.Equal(status, ((CelerDataException)error).StatusCode);
        Assert.DoesNotContain("leak", error.ToString(), StringComparison.Ordinal);
        Assert.Null(error.InnerException);
    }

    [Fact]
    public async Task Api_call_that_cannot_get_a_token_fails_typed_and_is_never_sent()
    {
        using var test = new TestClient();
        test.Stub.Token = _ => StubHandler.Status(HttpStatusCode.Unauthorized);

        var error = await Errors.Find<CelerDataInvalidCredentialsException>(() => test.Api.ListClustersAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal(0, test.Stub.ApiCalls);
    }
}
