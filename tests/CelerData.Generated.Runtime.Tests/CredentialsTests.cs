using System;
using System.Text;
using CelerData.Generated.Runtime.Tests.Infrastructure;
using Xunit;

namespace CelerData.Generated.Runtime.Tests;

public sealed class CredentialsTests
{
    [Fact]
    public void Basic_value_is_base64_of_id_colon_secret_exactly()
    {
        var credentials = new ClientCredentials("id with space", "s3cr=t/+ é", BasicCredentialEncoding.Plain);
        Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes("id with space:s3cr=t/+ é")), credentials.BasicValue);
    }

    [Fact]
    public void Documented_example_produces_documented_basic_value()
    {
        var credentials = new ClientCredentials(Secrets.ClientId, Secrets.ClientSecret, BasicCredentialEncoding.Plain);
        Assert.Equal("NTAyOTJjM2MtMmI5NS00MTdmLTg4MGQtMGM3ZThjMjZlYWMxOllPa2x4WTI0UktndmVpa2tuVUk0OFJ1SG5rUHNGaXQxdTBpMlRHeXA=", credentials.BasicValue);
    }

    [Fact]
    public void Rfc6749_form_url_encodes_each_part_first()
    {
        var credentials = new ClientCredentials("my id", "a+b/c=d~é*", BasicCredentialEncoding.FormUrlEncoded);
        var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(credentials.BasicValue));
        Assert.Equal("my+id:a%2Bb%2Fc%3Dd%7E%C3%A9*", decoded);
    }

    [Theory]
    [InlineData(null, "secret", "client ID is missing")]
    [InlineData("", "secret", "client ID is missing")]
    [InlineData("id", null, "client secret is missing")]
    [InlineData("id", "", "client secret is missing")]
    [InlineData("a:b", "secret", "must not contain ':'")]
    [InlineData("a\nb", "secret", "control characters")]
    [InlineData("a\u0000b", "secret", "control characters")]
    public void Invalid_credentials_fail_validation(string? id, string? secret, string expected)
    {
        var failures = CelerDataClientOptionsValidator.Check(new CelerDataClientOptions { ClientId = id, ClientSecret = secret }, "Test");
        Assert.Contains(failures, f => f.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Valid_credentials_pass_validation()
    {
        Assert.Empty(CelerDataClientOptionsValidator.Check(Secrets.Options(), "Test"));
    }

    [Fact]
    public void Factory_refuses_invalid_options_before_any_request()
    {
        var stub = new StubHandler();
        var options = new CelerDataClientOptions { ClientId = "a:b", ClientSecret = Secrets.ClientSecret };
        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(
            () => CelerDataClientFactory.Create(TestApi.TestDescriptor.Create(), options, stub));
        Assert.Contains("':'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secrets.ClientSecret, error.Message, StringComparison.Ordinal);
        Assert.Empty(stub.Sent);
    }

    [Fact]
    public void ToString_of_every_secret_holder_redacts()
    {
        var texts = new[]
        {
            Secrets.Options().ToString(),
            new ClientCredentials(Secrets.ClientId, Secrets.ClientSecret, BasicCredentialEncoding.Plain).ToString(),
            new TokenEndpointResponse(Secrets.AccessToken, 3600, Secrets.RefreshToken, "Bearer").ToString(),
            new CelerDataAccessToken(Secrets.AccessToken, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch).ToString(),
        };
        foreach (var text in texts)
        {
            Assert.Contains("***", text, StringComparison.Ordinal);
            foreach (var secret in Secrets.All)
            {
                Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            }
        }
    }
}
