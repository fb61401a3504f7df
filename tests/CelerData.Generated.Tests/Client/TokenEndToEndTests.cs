using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using CelerData.Emulator;
using CelerData.Generated.Runtime;
using CelerData.Generated.Tests.Cloud;
using CelerData.Generated.Tests.Infrastructure;
using Refit;
using Xunit;

namespace CelerData.Generated.Tests.Client;

/// <summary>The generated token method against a real token endpoint (the emulator, on loopback) and against Prism serving spec/.</summary>
public sealed class TokenEndToEndTests
{
    [Fact]
    public async Task TheGeneratedTokenMethodGetsATokenFromALoopbackServer()
    {
        await using var emulator = await CelerDataEmulator.StartAsync();
        using var http = new HttpClient { BaseAddress = emulator.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(emulator.Client.ClientId + ":" + emulator.Client.ClientSecret)));
        var api = RestService.ForGenerated<ICelerDataCloudApi>(http, CelerDataCloudJsonContext.Default);

        var token = await api.CreateAccessTokenAsync();

        Assert.Matches("^[A-Z0-9]{48}$", token.AccessToken);
        Assert.Equal(3600, token.ExpiresIn);
        Assert.Equal("Bearer", token.TokenType);
        Assert.False(string.IsNullOrEmpty(token.RefreshToken));
        Assert.Equal(1, emulator.Stats.TokenRequests);
    }

    [Fact]
    public async Task TheRuntimeFetchesThroughTheGeneratedTokenOperationAndSendsTheBearer()
    {
        await using var emulator = await CelerDataEmulator.StartAsync();
        using var client = CelerDataCloudClient.Create(new CelerDataClientOptions
        {
            ClientId = emulator.Client.ClientId,
            ClientSecret = emulator.Client.ClientSecret,
            BaseAddress = emulator.BaseAddress,
        });

        var clusters = await client.Api.ListClustersAsync();
        var state = await client.Api.GetClusterStateAsync(emulator.ClusterId);

        Assert.NotEmpty(clusters.List);
        Assert.Equal(ClusterState.Running, state.ClusterState);
        Assert.Equal(1, emulator.Stats.TokenRequests);
        Assert.Equal(2, emulator.Stats.ApiRequests);
    }

    [Fact]
    public async Task PrismAcceptsEveryRequestTheClientSends()
    {
        await using var prism = await PrismMock.StartAsync(RepositoryPaths.Spec);
        using var http = new HttpClient { BaseAddress = prism.BaseAddress };
        var api = RestService.ForGenerated<ICelerDataCloudApi>(http, CelerDataCloudJsonContext.Default);

        // Without credentials Prism answers 401: it checks the security the spec declares.
        var refused = await Assert.ThrowsAsync<ApiException>(() => api.CreateAccessTokenAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("client:secret")));
        var token = await api.CreateAccessTokenAsync();
        Assert.Equal("M2M3YZLLNMETNWJLZC0ZZMI1LWIYY2UTMZQ3YJG3MTA5MDA5", token.AccessToken);
        Assert.Equal(3600, token.ExpiresIn);

        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        var clusters = await api.ListClustersAsync();
        var state = await api.GetClusterStateAsync("c-1");
        Assert.NotNull(clusters);
        Assert.NotNull(state);

        // Prism logs each request's validation; only the unauthenticated request may fail it.
        var log = await prism.WaitForLinesAsync("passed the validation rules", 3);
        Assert.Equal(4, log.Count(line => line.Contains("Request received", StringComparison.Ordinal)));
        Assert.Equal(1, log.Count(line => line.Contains("did not pass the validation rules", StringComparison.Ordinal)));
        Assert.Single(log, line => line.Contains("Invalid security scheme used", StringComparison.Ordinal) && line.Contains("[VALIDATOR]", StringComparison.Ordinal));
    }
}
