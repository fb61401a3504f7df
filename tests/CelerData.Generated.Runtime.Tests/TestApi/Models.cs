using System.Text.Json.Serialization;

namespace CelerData.Generated.Runtime.Tests.TestApi;

/// <summary>Mirrors the generated model: every member the specification requires is marked required.</summary>
public sealed class AccessToken
{
    [JsonPropertyName("access_token")]
    [JsonRequired]
    public string? Token { get; set; }

    [JsonPropertyName("expires_in")]
    [JsonRequired]
    public long? ExpiresIn { get; set; }

    [JsonPropertyName("refresh_token")]
    public string? RefreshToken { get; set; }

    [JsonPropertyName("token_type")]
    public string? TokenType { get; set; }
}

public sealed class ClusterListResponse
{
    [JsonPropertyName("code")]
    [JsonRequired]
    public int Code { get; set; }

    [JsonPropertyName("message")]
    public string? Message { get; set; }
}

public sealed class EchoRequest
{
    [JsonPropertyName("text")]
    public string? Text { get; set; }
}

[JsonSerializable(typeof(AccessToken))]
[JsonSerializable(typeof(ClusterListResponse))]
[JsonSerializable(typeof(EchoRequest))]
public sealed partial class TestJsonContext : JsonSerializerContext;
