using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace CelerData.Emulator.Tests;

/// <summary>An emulator started for one test, with an HTTP client pointed at it.</summary>
internal sealed class EmulatorSession : IAsyncDisposable
{
    private EmulatorSession(CelerDataEmulator emulator)
    {
        Emulator = emulator;
        Http = new HttpClient { BaseAddress = emulator.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public CelerDataEmulator Emulator { get; }

    public HttpClient Http { get; }

    public static async Task<EmulatorSession> StartAsync(EmulatorOptions? options = null) =>
        new(await CelerDataEmulator.StartAsync(options));

    public static AuthenticationHeaderValue Basic(string clientId, string secret) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(clientId + ":" + secret)));

    public static AuthenticationHeaderValue Basic(EmulatorClient client) => Basic(client.ClientId, client.ClientSecret);

    public static HttpRequestMessage TokenRequest(AuthenticationHeaderValue? authorization, string? queryGrant = "client_credentials", IEnumerable<KeyValuePair<string, string>>? form = null)
    {
        var uri = queryGrant is null ? "api/1.0/token" : "api/1.0/token?grant_type=" + Uri.EscapeDataString(queryGrant);
        var request = new HttpRequestMessage(HttpMethod.Post, uri);
        request.Headers.Authorization = authorization;
        if (form is not null)
        {
            request.Content = new FormUrlEncodedContent(form);
        }

        return request;
    }

    public Task<HttpResponseMessage> RequestTokenAsync(EmulatorClient? client = null) =>
        Http.SendAsync(TokenRequest(Basic(client ?? Emulator.Client)));

    public async Task<(string AccessToken, string RefreshToken, int ExpiresIn)> GetTokenAsync(EmulatorClient? client = null)
    {
        using var response = await RequestTokenAsync(client);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ReadTokenAsync(response);
    }

    public static async Task<(string AccessToken, string RefreshToken, int ExpiresIn)> ReadTokenAsync(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal("Bearer", root.GetProperty("token_type").GetString());
        return (root.GetProperty("access_token").GetString()!, root.GetProperty("refresh_token").GetString()!, root.GetProperty("expires_in").GetInt32());
    }

    public Task<HttpResponseMessage> GetWithBearerAsync(string path, string? accessToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        return Http.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Emulator.DisposeAsync();
    }
}
