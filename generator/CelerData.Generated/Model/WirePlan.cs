using System.Linq;

namespace CelerData.Generated.Model;

/// <summary>The helpers of the implementation's nested <c>__Wire</c> class that the generated requests and responses call.</summary>
[System.Flags]
internal enum WireHelpers
{
    None = 0,

    /// <summary><c>JsonString</c>: a JSON string response without its quotes.</summary>
    JsonString = 1 << 0,

    /// <summary><c>Encode</c>: percent-encoding per <c>allowReserved</c>.</summary>
    Encode = 1 << 1,

    /// <summary><c>Query</c>: one query pair.</summary>
    Query = 1 << 2,

    /// <summary><c>QueryItems</c>: an array in the query, by style and explode.</summary>
    QueryItems = 1 << 3,

    /// <summary><c>QueryPairs</c>: an object's members in the query, by style and explode.</summary>
    QueryPairs = 1 << 4,

    /// <summary><c>Properties</c>: an object's members through its JSON metadata.</summary>
    Properties = 1 << 5,

    /// <summary><c>DeepProperties</c>: an object's members as deepObject names.</summary>
    DeepProperties = 1 << 6,

    /// <summary><c>Styled</c>: a path, header or cookie value in its style.</summary>
    Styled = 1 << 7,

    /// <summary><c>Json</c>: a union parameter as the JSON value it holds.</summary>
    Json = 1 << 8,

    /// <summary><c>QueryJson</c>: a JSON value in the query (union parameters and form bodies).</summary>
    QueryJson = 1 << 9,

    /// <summary><c>StyledJson</c>: a JSON value in a path, header or cookie style.</summary>
    StyledJson = 1 << 10,

    /// <summary><c>Map</c>: a map of scalars as key and text pairs (deepObject names included); null values left out.</summary>
    Map = 1 << 11,

    /// <summary><c>JsonMap</c>: a free-form map (values any JSON) as key and text pairs, nested objects by deepObject names.</summary>
    JsonMap = 1 << 12,
}

/// <summary>
/// What the implementation's helper members hold for one client, decided once from its operations
/// (<c>Parsing/WirePlanner</c>): only the <c>__Wire</c> helpers some operation calls, a <c>Text</c> overload per
/// scalar type some parameter or multipart part writes, the <c>__Body</c> helpers for forms and multipart bodies, and a
/// <c>__Format{Enum}</c> method per enum some parameter writes.
/// </summary>
/// <param name="TextTypes">The scalar types written as text, each by a <c>Text</c> method of its own (<c>TextBoolean</c>, <c>TextGuid</c>, ...).</param>
/// <param name="Forms">Whether an operation sends a form (<c>__Body</c>'s form helpers).</param>
/// <param name="Multipart">Whether an operation sends a multipart body (<c>__Body</c>'s multipart helpers).</param>
/// <param name="FormattedEnums">The enums a path, query, header or cookie value (or list item) has, in the spec's type order: each gets a <c>__Format{Enum}</c>.</param>
/// <param name="Unions">The names of the spec's union types, ordered: a parameter of one is written as the JSON value it holds.</param>
internal sealed record WirePlan(
    WireHelpers Helpers,
    PrimitiveKind TextTypes,
    bool Forms,
    bool Multipart,
    EquatableArray<string> FormattedEnums,
    EquatableArray<string> Unions)
{
    /// <summary>Whether the client needs the <c>__Wire</c> class at all.</summary>
    public bool IsEmpty => Helpers == WireHelpers.None && TextTypes == PrimitiveKind.None;

    /// <summary>Whether every helper of <paramref name="helpers"/> is emitted.</summary>
    public bool Has(WireHelpers helpers) => (Helpers & helpers) == helpers;

    /// <summary>Whether any helper of <paramref name="helpers"/> is emitted.</summary>
    public bool HasAny(WireHelpers helpers) => (Helpers & helpers) != WireHelpers.None;

    /// <summary>Whether <paramref name="type"/> names one of the spec's union types.</summary>
    public bool IsUnion(TypeRef type) => type.Kind == TypeRefKind.Model && Unions.Contains(type.Name);

    /// <summary>
    /// Whether a parameter of <paramref name="type"/> is written as the JSON value it holds (an object as pairs, an array
    /// as items, anything else as one value): a union, or any JSON (a parameter schema with no type).
    /// </summary>
    public bool IsJsonValue(TypeRef type) => IsUnion(type) || Parsing.PrimitiveTypes.IsAny(type);

    /// <summary>Whether <paramref name="type"/> is written as one text value: a primitive other than any JSON, or an enum.</summary>
    public static bool IsPlainScalar(TypeRef type) => type.Kind is TypeRefKind.Primitive or TypeRefKind.Enum && !Parsing.PrimitiveTypes.IsAny(type);
}
