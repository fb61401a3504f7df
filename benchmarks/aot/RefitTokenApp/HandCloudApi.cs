using System.Collections.Generic;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using Refit;

namespace CelerData.Benchmarks.Aot;

/// <summary>
/// What the generator makes of spec/celerdata-cloud.openapi.yaml, written by hand for Refit's and System.Text.Json's
/// generators: the same three operations and the same models, so that the two apps carry the same API.
/// </summary>
public interface IHandCloudApi
{
    [Post("/api/1.0/token?grant_type=client_credentials")]
    Task<AccessTokenResponse> CreateAccessTokenAsync(CancellationToken cancellationToken = default);

    [Get("/api/1.0/clusters")]
    Task<ClusterListResponse> ListClustersAsync(CancellationToken cancellationToken = default);

    [Get("/api/1.0/clusters/{cluster_id}/state")]
    Task<ClusterStateResponse> GetClusterStateAsync([AliasAs("cluster_id")] string clusterId, CancellationToken cancellationToken = default);
}

public sealed record AccessTokenResponse
{
    [JsonPropertyName("access_token")] public required string AccessToken { get; init; }

    [JsonPropertyName("expires_in")] public required int ExpiresIn { get; init; }

    [JsonPropertyName("refresh_token")] public required string RefreshToken { get; init; }

    [JsonPropertyName("token_type")] public required string TokenType { get; init; }
}

public sealed record ClusterListResponse
{
    [JsonPropertyName("code")] public required int Code { get; init; }

    [JsonPropertyName("message")] public string? Message { get; init; }

    [JsonPropertyName("data")] public ClusterList? Data { get; init; }
}

public sealed record ClusterList
{
    [JsonPropertyName("total")] public required int Total { get; init; }

    [JsonPropertyName("list")] public required IReadOnlyList<ClusterSummary> List { get; init; }
}

public sealed record ClusterSummary
{
    [JsonPropertyName("cluster_id")] public required string ClusterId { get; init; }

    [JsonPropertyName("cluster_name")] public string? ClusterName { get; init; }

    [JsonPropertyName("cluster_state")] public ClusterState? ClusterStateValue { get; init; }
}

public sealed record ClusterStateResponse
{
    [JsonPropertyName("code")] public required int Code { get; init; }

    [JsonPropertyName("message")] public string? Message { get; init; }

    [JsonPropertyName("data")] public ClusterStateData? Data { get; init; }
}

public sealed record ClusterStateData
{
    [JsonPropertyName("cluster_state")] public required ClusterState ClusterStateValue { get; init; }

    [JsonPropertyName("abnormal_reason")] public string? AbnormalReason { get; init; }
}

[JsonConverter(typeof(JsonStringEnumConverter<ClusterState>))]
public enum ClusterState
{
    Deploying,
    Running,
    Scaling,
    Abnormal,
    Suspending,
    Suspended,
    Resuming,
    Releasing,
    Released,
}

[JsonSerializable(typeof(AccessTokenResponse))]
[JsonSerializable(typeof(ClusterListResponse))]
[JsonSerializable(typeof(ClusterStateResponse))]
internal sealed partial class HandJsonContext : JsonSerializerContext;
