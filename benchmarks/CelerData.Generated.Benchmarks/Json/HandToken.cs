using System.Text.Json.Serialization;

namespace CelerData.Generated.Benchmarks.Json;

/// <summary>The generated AccessTokenResponse's shape, written by hand, for the System.Text.Json generator.</summary>
public sealed record HandToken
{
    [JsonPropertyName("access_token")]
    public required string AccessToken { get; init; }

    [JsonPropertyName("expires_in")]
    public required int ExpiresIn { get; init; }

    [JsonPropertyName("refresh_token")]
    public required string RefreshToken { get; init; }

    [JsonPropertyName("token_type")]
    public required string TokenType { get; init; }
}

/// <summary>What the System.Text.Json generator writes for <see cref="HandToken"/>.</summary>
[JsonSerializable(typeof(HandToken))]
public sealed partial class HandJsonContext : JsonSerializerContext;
