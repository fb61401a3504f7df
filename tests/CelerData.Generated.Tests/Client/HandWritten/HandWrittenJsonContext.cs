using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace CelerData.Generated.Tests.HandWritten;

/// <summary>
/// The System.Text.Json generator's context for hand-written copies of the generated Features models:
/// the reference the emitted <c>FeaturesJsonContext</c> is compared with.
/// </summary>
[JsonSerializable(typeof(Token))]
[JsonSerializable(typeof(Pet))]
[JsonSerializable(typeof(NewPet))]
[JsonSerializable(typeof(HealthResponse))]
[JsonSerializable(typeof(IReadOnlyList<Pet>))]
[JsonSerializable(typeof(PetKind))]
internal sealed partial class HandWrittenJsonContext : JsonSerializerContext
{
}
