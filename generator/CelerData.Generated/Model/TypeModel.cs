namespace CelerData.Generated.Model;

/// <summary>What a generated type is.</summary>
internal enum TypeKind
{
    Object,
    Enum,

    /// <summary>A <c>oneOf</c>/<c>anyOf</c> of several schemas: the raw JSON and one accessor per alternative.</summary>
    Union,
}

/// <summary>A generated model: a sealed record (objects), an open enum struct or a C# enum (string enums), or a union class (oneOf/anyOf).</summary>
/// <param name="Properties">For a union, its alternatives in document order: the name of each accessor and its type.</param>
/// <param name="OpenEnumUnknownMember">For an open enum, the name of the <c>KnownValue</c> member that stands for any other value; null for a C# enum, objects and unions.</param>
/// <param name="Union">For a union, how an alternative is recognised.</param>
/// <param name="IsIntegerEnum">For an open enum, whether its wire values are integers (a struct around <c>long</c>) rather than strings.</param>
/// <param name="Hierarchy">For an object in a hierarchy of types (<c>discriminator</c> and <c>allOf</c>), its place there; null otherwise.</param>
/// <param name="OtherMembers">For a plain object whose schema allows members beyond its properties (<c>additionalProperties</c> beside them, or <c>oneOf</c>/<c>anyOf</c> alternatives with members of their own), the name of the property that keeps those members as JSON values; null otherwise.</param>
internal sealed record TypeModel(
    TypeKind Kind,
    string Name,
    string? Description,
    bool IsDeprecated,
    EquatableArray<PropertyModel> Properties,
    EquatableArray<EnumMemberModel> EnumMembers,
    string? OpenEnumUnknownMember = null,
    UnionModel? Union = null,
    bool IsIntegerEnum = false,
    HierarchyModel? Hierarchy = null,
    string? OtherMembers = null)
{
    /// <summary>Whether this enum is an open value type that keeps values the spec does not list.</summary>
    public bool IsOpenEnum => OpenEnumUnknownMember is not null;
}

/// <summary>How the alternatives of a union are told apart.</summary>
/// <param name="DiscriminatorProperty">The property whose string value names the alternative, or null: each alternative is tried by reading the JSON as it.</param>
/// <param name="Cases">Per alternative (in the order of the model's properties), the discriminator values that select it.</param>
internal sealed record UnionModel(string? DiscriminatorProperty, EquatableArray<UnionCaseModel> Cases);

/// <summary>The discriminator values that select one alternative of a union.</summary>
internal sealed record UnionCaseModel(EquatableArray<string> DiscriminatorValues);

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
