using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace CelerData.Generated.Benchmarks.Json;

/// <summary>
/// The hand-written <see cref="Utf8JsonReader"/> parser as a converter: what reading the token reply costs through
/// <see cref="JsonSerializer"/>'s entry (its reader options, read stack, checks around the converter and the check for
/// trailing content) when the reading itself is as fast as hand-written code gets. Any converter-backed type, ours
/// included, pays the same entry.
/// </summary>
public sealed class HandTokenConverter : JsonConverter<HandToken>
{
    public static readonly JsonTypeInfo<HandToken> TypeInfo = ConverterTypeInfo.Of(new HandTokenConverter());

    public override HandToken Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => HandTokenParser.Read(ref reader);

    public override void Write(Utf8JsonWriter writer, HandToken value, JsonSerializerOptions options) => throw new NotSupportedException();
}
