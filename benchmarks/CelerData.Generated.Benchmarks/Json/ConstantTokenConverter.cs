using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace CelerData.Generated.Benchmarks.Json;

/// <summary>
/// A converter that writes the canned token reply's bytes whatever the value: what <see cref="JsonSerializer"/> costs
/// around any converter (its write stack and checks, the pooled writer, the copy out), with no writing of its own.
/// </summary>
public sealed class ConstantTokenConverter : JsonConverter<HandToken>
{
    public static readonly JsonTypeInfo<HandToken> TypeInfo = ConverterTypeInfo.Of(new ConstantTokenConverter());

    public override HandToken Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => throw new NotSupportedException();

    public override void Write(Utf8JsonWriter writer, HandToken value, JsonSerializerOptions options) => writer.WriteRawValue(Shared.CannedToken.Utf8, skipInputValidation: true);
}
