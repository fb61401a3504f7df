using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace CelerData.Generated.Benchmarks.Json;

/// <summary>A <see cref="JsonTypeInfo{T}"/> whose only metadata is one converter: how the floor rows reach <see cref="JsonSerializer"/>.</summary>
public static class ConverterTypeInfo
{
    public static JsonTypeInfo<T> Of<T>(JsonConverter<T> converter)
        => (JsonTypeInfo<T>)new JsonSerializerOptions { TypeInfoResolver = new Resolver<T>(converter) }.GetTypeInfo(typeof(T));

    private sealed class Resolver<T>(JsonConverter<T> converter) : IJsonTypeInfoResolver
    {
        public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options)
            => type == typeof(T) ? JsonMetadataServices.CreateValueInfo<T>(options, converter) : null;
    }
}
