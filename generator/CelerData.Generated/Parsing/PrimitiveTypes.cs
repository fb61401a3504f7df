using CelerData.Generated.Model;

namespace CelerData.Generated.Parsing;

/// <summary>The framework types that schema types and formats map to.</summary>
internal static class PrimitiveTypes
{
    public static readonly TypeRef String = Reference("string", PrimitiveKind.String);
    public static readonly TypeRef Int32 = Value("int", PrimitiveKind.Int32);
    public static readonly TypeRef Int64 = Value("long", PrimitiveKind.Int64);
    public static readonly TypeRef Boolean = Value("bool", PrimitiveKind.Boolean);
    public static readonly TypeRef Double = Value("double", PrimitiveKind.Double);
    public static readonly TypeRef Single = Value("float", PrimitiveKind.Single);
    public static readonly TypeRef Decimal = Value("decimal", PrimitiveKind.Decimal);
    public static readonly TypeRef DateTimeOffset = Value("global::System.DateTimeOffset", PrimitiveKind.DateTimeOffset);
    public static readonly TypeRef DateOnly = Value("global::System.DateOnly", PrimitiveKind.DateOnly);
    public static readonly TypeRef Guid = Value("global::System.Guid", PrimitiveKind.Guid);
    public static readonly TypeRef Bytes = Reference("byte[]", PrimitiveKind.Bytes);
    public static readonly TypeRef Any = Value("global::System.Text.Json.JsonElement", PrimitiveKind.Any);

    /// <summary>Whether <paramref name="type"/> is <see cref="Any"/>: any JSON value, kept as a <c>JsonElement</c>.</summary>
    public static bool IsAny(TypeRef type) => type.Primitive == PrimitiveKind.Any;

    public static TypeRef ForString(string? format) => format switch
    {
        "date-time" => DateTimeOffset,
        "date" => DateOnly,
        "uuid" or "guid" => Guid,
        "byte" or "binary" or "base64" => Bytes,

        // time (RFC 3339 full-time, with an offset), duration (ISO 8601) and uri (RFC 3986) have no .NET type that
        // reads and writes every value the standards allow (TimeOnly drops offsets, TimeSpan speaks another format,
        // System.Uri rejects some URIs): they stay strings.
        _ => String,
    };

    public static TypeRef ForInteger(string? format) => format switch
    {
        "int32" or "int16" or "int8" or "uint8" or "uint16" => Int32,
        _ => Int64,
    };

    public static TypeRef ForNumber(string? format) => format switch
    {
        "float" => Single,
        "decimal" => Decimal,
        "int32" => Int32,
        "int64" => Int64,
        _ => Double,
    };

    private static TypeRef Value(string name, PrimitiveKind kind) => new(TypeRefKind.Primitive, name, IsValueType: true, Element: null, IsNullable: false) { Primitive = kind };

    private static TypeRef Reference(string name, PrimitiveKind kind) => new(TypeRefKind.Primitive, name, IsValueType: false, Element: null, IsNullable: false) { Primitive = kind };
}
