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

/// <summary>
/// Which framework type a <see cref="TypeRefKind.Primitive"/> reference is, for the decisions the planners and emitters
/// make on it (its C# spelling is <see cref="TypeRef.Name"/>). Each kind is one bit, so a set of kinds is one value
/// (<see cref="WirePlan.TextTypes"/>).
/// </summary>
[System.Flags]
internal enum PrimitiveKind
{
    /// <summary>Not a primitive: a model, enum, list or dictionary.</summary>
    None = 0,

    /// <summary><c>string</c>.</summary>
    String = 1 << 0,

    /// <summary><c>int</c>.</summary>
    Int32 = 1 << 1,

    /// <summary><c>long</c>.</summary>
    Int64 = 1 << 2,

    /// <summary><c>bool</c>.</summary>
    Boolean = 1 << 3,

    /// <summary><c>double</c>.</summary>
    Double = 1 << 4,

    /// <summary><c>float</c>.</summary>
    Single = 1 << 5,

    /// <summary><c>decimal</c>.</summary>
    Decimal = 1 << 6,

    /// <summary><c>System.DateTimeOffset</c> (<c>date-time</c>).</summary>
    DateTimeOffset = 1 << 7,

    /// <summary><c>System.DateOnly</c> (<c>date</c>).</summary>
    DateOnly = 1 << 8,

    /// <summary><c>System.Guid</c> (<c>uuid</c>).</summary>
    Guid = 1 << 9,

    /// <summary><c>byte[]</c> (<c>byte</c>, <c>binary</c>).</summary>
    Bytes = 1 << 10,

    /// <summary><c>System.Text.Json.JsonElement</c>: any JSON value.</summary>
    Any = 1 << 11,

    /// <summary><c>Refit.MultipartItem</c>: a multipart file part.</summary>
    File = 1 << 12,

    /// <summary><c>System.IO.Stream</c>: a body sent or read as bytes.</summary>
    Stream = 1 << 13,
}

/// <summary>A reference to a .NET type, with enough facts to emit it and its JSON metadata.</summary>
/// <param name="Kind">What the type is.</param>
/// <param name="Name">For primitives the fully qualified name (<c>global::System.Guid</c>, <c>string</c>); for models and enums the simple name in the client's namespace; unused for collections.</param>
/// <param name="IsValueType">Whether the non-nullable form is a struct.</param>
/// <param name="Element">The element type of a list or the value type of a dictionary.</param>
/// <param name="IsNullable">Whether <c>null</c> is a valid value (adds <c>?</c>).</param>
internal sealed record TypeRef(TypeRefKind Kind, string Name, bool IsValueType, TypeRef? Element, bool IsNullable)
{
    /// <summary>Which framework type a primitive is (<see cref="PrimitiveKind.None"/> for any other kind).</summary>
    public PrimitiveKind Primitive { get; init; }

    public TypeRef WithNullable(bool nullable) => nullable == IsNullable ? this : this with { IsNullable = nullable };
}
