using System.Threading;
using System.Threading.Tasks;
using CelerData.Generated.Benchmarks.Json;
using Refit;

namespace CelerData.Generated.Benchmarks.Call;

/// <summary>
/// The generated ICelerDataCloudApi's token operation, written by hand for Refit's own generator: with the Accept
/// header the generated client sends (the media type of the description's token reply).
/// </summary>
public interface IHandTokenApi
{
    [Headers("Accept: application/json")]
    [Post("/api/1.0/token?grant_type=client_credentials")]
    Task<HandToken> CreateAccessTokenAsync(CancellationToken cancellationToken = default);
}
