using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace CelerData.Generated.Tests.Infrastructure;

/// <summary>
/// Type metadata that System.Text.Json serializes from metadata alone, skipping a context's generated
/// fast-path serialize handler. System.Text.Json uses the fast path only with options compatible with the
/// context's own; a custom converter (one that converts nothing) makes them incompatible.
/// </summary>
internal static class MetadataOnly
{
    public static JsonTypeInfo For(JsonTypeInfo typeInfo) => For(typeInfo.OriginatingResolver!, typeInfo.Type);

    public static JsonTypeInfo For(IJsonTypeInfoResolver resolver, System.Type type)
    {
        var options = new JsonSerializerOptions { TypeInfoResolver = resolver };
        options.Converters.Add(new NothingConverter());
        return options.GetTypeInfo(type);
    }

    private sealed class NothingConverter : JsonConverter<NothingConverter>
    {
        public override bool CanConvert(System.Type typeToConvert) => false;

        public override NothingConverter Read(ref Utf8JsonReader reader, System.Type typeToConvert, JsonSerializerOptions options) => throw new System.NotSupportedException();

        public override void Write(Utf8JsonWriter writer, NothingConverter value, JsonSerializerOptions options) => throw new System.NotSupportedException();
    }
}
