using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;

namespace CelerData.Emulator.Tests;

public sealed partial class TokenEndpointTests
{
    [GeneratedRegex("^[A-Z0-9]{48}$")]
    private static partial Regex TokenFormat();

    [Fact]
    public async Task Grant_type_in_the_query_string_gets_a_token()
    {
        await using var session = await EmulatorSession.StartAsync();

        using var response = await session.Http.SendAsync(EmulatorSession.TokenRequest(EmulatorSession.Basic(EmulatorClient.Demo)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(
            new[] { "access_token", "expires_in", "refresh_token", "token_type" },
            json.RootElement.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(3600, json.RootElement.GetProperty("expires_in").GetInt32());
        Assert.Equal("Bearer", json.RootElement.GetProperty("token_type").GetString());
    }

    [Fact]
    public async Task Grant_type_in_a_form_body_gets_a_token()
    {
        await using var session = await EmulatorSession.StartAsync();

        using var response = await session.Http.SendAsync(EmulatorSession.TokenRequest(
            EmulatorSession.Basic(EmulatorClient.Demo),
            queryGrant: null,
            form: [new("grant_type", "client_credentials")]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = await EmulatorSession.ReadTokenAsync(response);
        Assert.Matches(TokenFormat(), token.AccessToken);
    }

    [Fact]
    public async Task Tokens_are_48_upper_case_letters_and_digits_and_never_repeat()
    {
        await using var session = await EmulatorSession.StartAsync();
        var seen = new HashSet<string>();

        for (var i = 0; i < 20; i++)
        {
            var (accessToken, refreshToken, _) = await session.GetTokenAsync();
            Assert.Matches(TokenFormat(), accessToken);
            Assert.Matches(TokenFormat(), refreshToken);
            Assert.True(seen.Add(accessToken));
            Assert.True(seen.Add(refreshToken));
        }
    }

    [Fact]
    public async Task Expires_in_follows_the_configuration()
    {
        await using var session = await EmulatorSession.StartAsync(new EmulatorOptions { ExpiresInSeconds = 120 });

        var (_, _, expiresIn) = await session.GetTokenAsync();

        Assert.Equal(120, expiresIn);
    }

    [Fact]
    public async Task Missing_grant_type_is_400_invalid_request()
    {
        await using var session = await EmulatorSession.StartAsync();

        using var response = await session.Http.SendAsync(EmulatorSession.TokenRequest(EmulatorSession.Basic(EmulatorClient.Demo), queryGrant: null));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_request", await ErrorOf(response));
    }

    [Theory]
    [InlineData("password")]
    [InlineData("CLIENT_CREDENTIALS")]
    [InlineData("authorization_code")]
    public async Task Wrong_grant_type_is_400_unsupported_grant_type(string grantType)
    {
        await using var session = await EmulatorSession.StartAsync();

        using var response = await session.Http.SendAsync(EmulatorSession.TokenRequest(EmulatorSession.Basic(EmulatorClient.Demo), grantType));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("unsupported_grant_type", await ErrorOf(response));
    }

    [Fact]
    public async Task Missing_credentials_are_401_with_a_Basic_challenge()
    {
        await using var session = await EmulatorSession.StartAsync();

        using var response = await session.Http.SendAsync(EmulatorSession.TokenRequest(authorization: null));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Basic realm=\"CelerData\"", Assert.Single(response.Headers.WwwAuthenticate).ToString());
        Assert.Equal("invalid_client", await ErrorOf(response));
    }

    [Theory]
    [InlineData(EmulatorClient.DemoClientId, "wrong-secret")]
    [InlineData("00000000-0000-0000-0000-000000000000", EmulatorClient.DemoClientSecret)]
    [InlineData(EmulatorClient.DemoClientId, "")]
    public async Task Bad_credentials_are_401_with_a_Basic_challenge(string clientId, string secret)
    {
        await using var session = await EmulatorSession.StartAsync();

        using var response = await session.Http.SendAsync(EmulatorSession.TokenRequest(EmulatorSession.Basic(clientId, secret)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Basic realm=\"CelerData\"", Assert.Single(response.Headers.WwwAuthenticate).ToString());
    }

    [Fact]
    public async Task Malformed_Basic_values_are_401()
    {
        await using var session = await EmulatorSession.StartAsync();

        foreach (var value in new[] { "not-base64!", "bm8tY29sb24=" })
        {
            using var response = await session.Http.SendAsync(EmulatorSession.TokenRequest(new("Basic", value)));
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }

    [Fact]
    public async Task Credentials_are_accepted_both_raw_and_form_url_encoded()
    {
        var client = new EmulatorClient("app key+1", "s3cr%t+/= x");
        var options = new EmulatorOptions();
        options.Clients.Add(client);
        await using var session = await EmulatorSession.StartAsync(options);

        using var raw = await session.Http.SendAsync(EmulatorSession.TokenRequest(EmulatorSession.Basic(client)));
        using var rfc6749 = await session.Http.SendAsync(EmulatorSession.TokenRequest(EmulatorSession.Basic("app+key%2B1", "s3cr%25t%2B%2F%3D+x")));
        using var wrong = await session.Http.SendAsync(EmulatorSession.TokenRequest(EmulatorSession.Basic("app+key%2B1", "s3cr%25t%2B%2F%3D+y")));

        Assert.Equal(HttpStatusCode.OK, raw.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rfc6749.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
    }

    [Fact]
    public async Task Configured_clients_replace_the_demo_client()
    {
        var options = new EmulatorOptions();
        options.Clients.Add(new EmulatorClient("first", "first-secret"));
        options.Clients.Add(new EmulatorClient("second", "second-secret"));
        await using var session = await EmulatorSession.StartAsync(options);

        using var first = await session.RequestTokenAsync(new EmulatorClient("first", "first-secret"));
        using var second = await session.RequestTokenAsync(new EmulatorClient("second", "second-secret"));
        using var demo = await session.RequestTokenAsync(EmulatorClient.Demo);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, demo.StatusCode);
        Assert.Equal("first", session.Emulator.Client.ClientId);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    public async Task Other_verbs_are_405_with_Allow_POST(string method)
    {
        await using var session = await EmulatorSession.StartAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), "api/1.0/token?grant_type=client_credentials");
        request.Headers.Authorization = EmulatorSession.Basic(EmulatorClient.Demo);

        using var response = await session.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["POST"], response.Content.Headers.Allow);
    }

    private static async Task<string?> ErrorOf(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("error").GetString();
    }
}
