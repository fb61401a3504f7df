namespace CelerData.Generated.Model;

/// <summary>What a generated type is.</summary>
internal enum TypeKind
{
    Object,
    Enum,
}

/// <summary>A generated model: a sealed record (objects) or an enum (string enums).</summary>
internal sealed record TypeModel(
    TypeKind Kind,
    string Name,
    string? Description,
    bool IsDeprecated,
    EquatableArray<PropertyModel> Properties,
    EquatableArray<EnumMemberModel> EnumMembers);

/// <summary>One property of an object model.</summary>
internal sealed record PropertyModel(
    string Name,
    string WireName,
    TypeRef Type,
    bool IsRequired,
    bool IsSensitive,
    bool IsDeprecated,
    string? Description);

/// <summary>One member of a string enum and the value it has on the wire.</summary>
internal sealed record EnumMemberModel(string Name, string WireValue);
