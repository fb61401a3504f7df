using System.Threading;
using System.Threading.Tasks;
using CelerData.Generated.Benchmarks.Json;
using Refit;

namespace CelerData.Generated.Benchmarks.Call;

/// <summary>The generated ICelerDataCloudApi's token operation, written by hand for Refit's own generator.</summary>
public interface IHandTokenApi
{
    [Post("/api/1.0/token?grant_type=client_credentials")]
    Task<HandToken> CreateAccessTokenAsync(CancellationToken cancellationToken = default);
}
