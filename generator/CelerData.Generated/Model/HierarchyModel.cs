namespace CelerData.Generated.Model;

/// <summary>What a model is in a hierarchy of types (a schema with a <c>discriminator</c> and the schemas that extend it through <c>allOf</c>).</summary>
internal enum HierarchyRole
{
    /// <summary>The schema that declares the discriminator: the base record of the hierarchy.</summary>
    Root,

    /// <summary>A schema whose <c>allOf</c> refers to the root or to another derived schema: a record deriving from it.</summary>
    Derived,

    /// <summary>The record an unknown discriminator value reads into, deriving from a type that has subtypes; it keeps the JSON.</summary>
    Fallback,
}

/// <summary>A model's place in a hierarchy of types. Its first <see cref="InheritedCount"/> properties are declared by its ancestors.</summary>
/// <param name="Role">What the model is in the hierarchy.</param>
/// <param name="BaseType">The type it derives from; null for the root.</param>
/// <param name="InheritedCount">How many of the model's properties, the first ones, its ancestors declare.</param>
/// <param name="DiscriminatorProperty">The wire name of the discriminator property.</param>
/// <param name="DiscriminatorMember">The C# name of the discriminator, a string property the root declares and every type overrides.</param>
/// <param name="Value">The discriminator value the type writes; null for an abstract root and for a fallback (which writes the JSON it read).</param>
/// <param name="Subtypes">The types that derive from this one directly, the fallback included, in document order.</param>
/// <param name="Cases">For a type with subtypes: every type below it with the values that select it, in document order.</param>
/// <param name="Fallback">For a type with subtypes: the type an unknown value reads into; null otherwise.</param>
/// <param name="RawMember">For a fallback: the name of its member holding the JSON as read.</param>
internal sealed record HierarchyModel(
    HierarchyRole Role,
    string? BaseType,
    int InheritedCount,
    string DiscriminatorProperty,
    string DiscriminatorMember,
    string? Value,
    EquatableArray<string> Subtypes,
    EquatableArray<HierarchyCaseModel> Cases,
    string? Fallback,
    string? RawMember)
{
    /// <summary>Whether the type has subtypes, so that reading and writing it dispatch on the discriminator.</summary>
    public bool HasSubtypes => Fallback is not null;

    /// <summary>Whether the type cannot be instantiated: a root the discriminator never names.</summary>
    public bool IsAbstract => Role == HierarchyRole.Root && Value is null;
}

/// <summary>A type below another in a hierarchy and the discriminator values that select it.</summary>
internal sealed record HierarchyCaseModel(string Type, EquatableArray<string> Values);
