namespace CelerData.Generated.Model;

/// <summary>What a generated type is.</summary>
internal enum TypeKind
{
    Object,
    Enum,
}

/// <summary>A generated model: a sealed record (objects), an open enum struct or a C# enum (string enums).</summary>
/// <param name="OpenEnumUnknownMember">For an open enum, the name of the <c>KnownValue</c> member that stands for any other value; null for a C# enum and for objects.</param>
internal sealed record TypeModel(
    TypeKind Kind,
    string Name,
    string? Description,
    bool IsDeprecated,
    EquatableArray<PropertyModel> Properties,
    EquatableArray<EnumMemberModel> EnumMembers,
    string? OpenEnumUnknownMember = null)
{
    /// <summary>Whether this enum is an open value type that keeps values the spec does not list.</summary>
    public bool IsOpenEnum => OpenEnumUnknownMember is not null;
}

/// <summary>When a property is written to JSON.</summary>
internal enum PropertyWrite
{
    /// <summary>Always, <c>null</c> included: a required property the caller must set.</summary>
    Always,

    /// <summary>Only when it is not <c>null</c>: an optional property whose schema does not allow null, or a read-only one.</summary>
    WhenNotNull,

    /// <summary>Only when the caller set it, <c>null</c> included: an optional property whose schema allows null.</summary>
    WhenSet,
}

/// <summary>One property of an object model.</summary>
/// <param name="IsRequired">Whether the caller must set it (C# <c>required</c>): required in the schema and not read-only.</param>
/// <param name="IsRequiredOnRead">Whether a JSON document without it fails to read: required in the schema and not write-only.</param>
/// <param name="Write">When it is written to JSON.</param>
internal sealed record PropertyModel(
    string Name,
    string WireName,
    TypeRef Type,
    bool IsRequired,
    bool IsSensitive,
    bool IsDeprecated,
    string? Description,
    bool IsRequiredOnRead,
    PropertyWrite Write);

/// <summary>One member of a string enum and the value it has on the wire.</summary>
internal sealed record EnumMemberModel(string Name, string WireValue);
