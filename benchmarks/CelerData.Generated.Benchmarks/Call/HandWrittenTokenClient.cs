using System.Net.Http;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;
using CelerData.Generated.Benchmarks.Json;

namespace CelerData.Generated.Benchmarks.Call;

/// <summary>
/// The token call written straight on HttpClient, with the System.Text.Json generator's metadata and the Accept
/// header the generated client sends.
/// </summary>
public sealed class HandWrittenTokenClient(HttpClient client)
{
    public async Task<HandToken> CreateAccessTokenAsync(CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/1.0/token?grant_type=client_credentials");
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync(HandJsonContext.Default.HandToken, cancellationToken).ConfigureAwait(false))!;
    }
}
