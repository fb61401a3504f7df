using System.Text.Json.Serialization;

namespace CelerData.Generated.Tests.HandWrittenHierarchy;

// Hand-written copies of the Vehicle hierarchy of Specs/hierarchy.openapi.yaml with System.Text.Json's own
// polymorphism: the reference HierarchyJsonEquivalenceTests compares the generated HierarchyJsonContext with, for what
// System.Text.Json can express (one value per type, the discriminator first, no fallback). System.Text.Json writes a
// derived type's own properties before the inherited ones; the generated writers put the inherited ones first, as
// allOf lists them, so the copies pin that order with JsonPropertyOrder.

/// <summary>A vehicle.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(Vehicle), "vehicle")]
[JsonDerivedType(typeof(Car), "car")]
[JsonDerivedType(typeof(SportsCar), "sports")]
[JsonDerivedType(typeof(Truck), "truck")]
[JsonDerivedType(typeof(Bicycle), "bicycle")]
internal record Vehicle
{
    [JsonPropertyName("wheels")]
    [JsonPropertyOrder(-2)]
    public required long Wheels { get; init; }
}

/// <summary>A car.</summary>
internal record Car : Vehicle
{
    [JsonPropertyName("seats")]
    [JsonPropertyOrder(-1)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? Seats { get; init; }
}

/// <summary>A sports car.</summary>
internal sealed record SportsCar : Car
{
    [JsonPropertyName("topSpeed")]
    public required double TopSpeed { get; init; }
}

/// <summary>A truck.</summary>
internal sealed record Truck : Vehicle
{
    [JsonPropertyName("payload")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Payload { get; init; }
}

/// <summary>A bicycle.</summary>
internal sealed record Bicycle : Vehicle;

/// <summary>The System.Text.Json generator's context for the copies.</summary>
[JsonSerializable(typeof(Vehicle))]
internal sealed partial class HierarchyReferenceContext : JsonSerializerContext
{
}
