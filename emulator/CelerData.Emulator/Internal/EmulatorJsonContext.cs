using System.Text.Json.Serialization;

namespace CelerData.Emulator.Internal;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(AccessTokenResponse))]
[JsonSerializable(typeof(OAuthError))]
[JsonSerializable(typeof(ErrorEnvelope))]
[JsonSerializable(typeof(ClusterListEnvelope))]
[JsonSerializable(typeof(ClusterStateEnvelope))]
[JsonSerializable(typeof(EmulatorStats))]
[JsonSerializable(typeof(EmulatorFaultOptions))]
internal sealed partial class EmulatorJsonContext : JsonSerializerContext;
