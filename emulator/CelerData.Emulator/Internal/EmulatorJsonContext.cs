using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace CelerData.Emulator.Internal;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(AccessTokenResponse))]
[JsonSerializable(typeof(OAuthError))]
[JsonSerializable(typeof(ErrorEnvelope))]
[JsonSerializable(typeof(Envelope<ClusterList>))]
[JsonSerializable(typeof(Envelope<ClusterStateData>))]
[JsonSerializable(typeof(Envelope<ActionData>))]
[JsonSerializable(typeof(Envelope<WarehouseList>))]
[JsonSerializable(typeof(Envelope<WarehouseData>))]
[JsonSerializable(typeof(Envelope<InfraActionStateData>))]
[JsonSerializable(typeof(Envelope<AccountUsage>))]
[JsonSerializable(typeof(Envelope<ClusterUsage>))]
[JsonSerializable(typeof(Envelope<OrganizationUsage>))]
[JsonSerializable(typeof(Envelope<BillsData>))]
[JsonSerializable(typeof(Envelope<IReadOnlyList<AccountData>>))]
[JsonSerializable(typeof(DeploymentScriptsBody))]
[JsonSerializable(typeof(ScaleSizeBody))]
[JsonSerializable(typeof(ScaleNumBody))]
[JsonSerializable(typeof(OrganizationUsageBody))]
[JsonSerializable(typeof(EmulatorStats))]
[JsonSerializable(typeof(EmulatorFaultOptions))]
internal sealed partial class EmulatorJsonContext : JsonSerializerContext;
