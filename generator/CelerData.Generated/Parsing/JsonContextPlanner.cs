using System.Collections.Generic;
using CelerData.Generated.Model;

namespace CelerData.Generated.Parsing;

/// <summary>
/// Names the JSON context's public metadata properties: each model and enum by its own name, unless the context
/// already has a member of that name (or it is the context's own name), then by the name and <c>TypeInfo</c> (and a
/// number, when a type already has that name).
/// </summary>
internal static class JsonContextPlanner
{
    /// <summary>The members every context has: its base class's, its own and its helpers'.</summary>
    private static readonly string[] ReservedMembers =
    {
        "Default", "Options", "GeneratedSerializerOptions", "GetTypeInfo", "Equals", "GetHashCode", "ToString",
        "GetType", "MemberwiseClone", "Finalize", "Info", "Converter", "__ReadList", "__WriteList", "__ReadDictionary",
        "__WriteDictionary", "Fail", "Wrap", "CanWrap", "NameOf", "Segment", "__Via", "__ViaOrNull", "__ViaOrNullRef", "__Flat",
        "__WriteOthers",
    };

    public static JsonContextPlan Plan(string clientName, IReadOnlyList<TypeModel> types)
    {
        var taken = new HashSet<string>(ReservedMembers, System.StringComparer.Ordinal) { ClientNames.JsonContext(clientName) };
        var renamed = new HashSet<string>(System.StringComparer.Ordinal);

        // Type names are unique: a type keeps its name unless the context has it; the others are named after all of them.
        foreach (var type in types)
        {
            if (!taken.Add(type.Name))
            {
                renamed.Add(type.Name);
            }
        }

        var members = new List<TypeInfoMember>(types.Count);
        foreach (var type in types)
        {
            var member = type.Name;
            if (renamed.Contains(type.Name))
            {
                member = type.Name + "TypeInfo";
                for (var i = 2; !taken.Add(member); i++)
                {
                    member = type.Name + "TypeInfo" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
            }

            members.Add(new TypeInfoMember(type.Name, member));
        }

        return new JsonContextPlan(members.ToEquatableArray());
    }
}
