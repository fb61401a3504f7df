namespace CelerData.Generated.Model;

/// <summary>The shape of a .NET type used by a property, parameter or response.</summary>
internal enum TypeRefKind
{
    /// <summary>A framework type such as <c>string</c>, <c>long</c> or <c>System.Guid</c>.</summary>
    Primitive,

    /// <summary>A generated object model.</summary>
    Model,

    /// <summary>A generated enum.</summary>
    Enum,

    /// <summary><c>IReadOnlyList&lt;T&gt;</c>.</summary>
    List,

    /// <summary><c>IReadOnlyDictionary&lt;string, T&gt;</c>.</summary>
    Dictionary,
}

/// <summary>A reference to a .NET type, with enough facts to emit it and its JSON metadata.</summary>
/// <param name="Kind">What the type is.</param>
/// <param name="Name">For primitives the fully qualified name (<c>global::System.Guid</c>, <c>string</c>); for models and enums the simple name in the client's namespace; unused for collections.</param>
/// <param name="IsValueType">Whether the non-nullable form is a struct.</param>
/// <param name="Element">The element type of a list or the value type of a dictionary.</param>
/// <param name="IsNullable">Whether <c>null</c> is a valid value (adds <c>?</c>).</param>
internal sealed record TypeRef(TypeRefKind Kind, string Name, bool IsValueType, TypeRef? Element, bool IsNullable)
{
    public TypeRef WithNullable(bool nullable) => nullable == IsNullable ? this : this with { IsNullable = nullable };
}
