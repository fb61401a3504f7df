using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace CelerData.Generated.Benchmarks.Json;

/// <summary>The generated ClusterSummary's shape, written by hand, for the System.Text.Json generator.</summary>
public sealed record HandClusterSummary
{
    [JsonPropertyName("cluster_id")]
    public required string ClusterId { get; init; }

    [JsonPropertyName("cluster_name")]
    public string? ClusterName { get; init; }
}

/// <summary>The generated ClusterList's shape.</summary>
public sealed record HandClusterList
{
    [JsonPropertyName("total")]
    public required int Total { get; init; }

    [JsonPropertyName("list")]
    public required IReadOnlyList<HandClusterSummary> List { get; init; }
}

/// <summary>The generated ClusterListResponse's shape: the API's <c>{code, message, data}</c> envelope around the list.</summary>
public sealed record HandClusterListResponse
{
    [JsonPropertyName("code")]
    public required int Code { get; init; }

    [JsonPropertyName("message")]
    public string? Message { get; init; }

    [JsonPropertyName("data")]
    public HandClusterList? Data { get; init; }
}

/// <summary>What the System.Text.Json generator writes for <see cref="HandClusterListResponse"/>.</summary>
[JsonSerializable(typeof(HandClusterListResponse))]
public sealed partial class HandListJsonContext : JsonSerializerContext;
