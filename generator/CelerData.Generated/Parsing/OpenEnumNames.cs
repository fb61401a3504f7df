using System.Collections.Generic;
using System.Linq;

namespace CelerData.Generated.Parsing;

/// <summary>
/// The fixed names of an open enum struct (its API beside the known values), so the names planned for the
/// known values and for the struct itself never collide with them or with what every struct inherits.
/// </summary>
internal static class OpenEnumNames
{
    /// <summary>The wire value property.</summary>
    public const string Value = "Value";

    /// <summary>The property saying whether the value is one the spec lists.</summary>
    public const string IsKnown = "IsKnown";

    /// <summary>The property giving the <see cref="KnownValue"/> to switch on.</summary>
    public const string Known = "Known";

    /// <summary>The nested C# enum of the known values.</summary>
    public const string KnownValue = "KnownValue";

    /// <summary>The preferred name of the <see cref="KnownValue"/> member for any other value.</summary>
    public const string UnknownMember = "Unknown";

    /// <summary>The private array of the listed string wire values, in the order of the <see cref="KnownValue"/> members.</summary>
    public const string WireValues = "__Wire";

    private static readonly string[] Members = { Value, IsKnown, Known, KnownValue, WireValues };

    private static readonly string[] Inherited = { "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize", "ReferenceEquals" };

    /// <summary>Whether a struct named so would clash with one of its own fixed members.</summary>
    public static bool IsMember(string typeName) => Members.Contains(typeName, System.StringComparer.Ordinal);

    /// <summary>The scope the known values of struct <paramref name="typeName"/> are named in.</summary>
    public static NameScope MemberScope(string typeName) => new(Members.Concat(Inherited).Concat(new[] { typeName }));
}
