using System.Collections.Generic;
using System.Linq;
using CelerData.Generated.Model;

namespace CelerData.Generated.Parsing;

/// <summary>
/// Gives structurally identical inline schemas one type. Two inline types are merged when everything emitted for
/// them but their name is the same (the models compare by value): kind, description, deprecation, and each
/// property's name, wire name, type, requiredness, write rule, sensitivity, deprecation and description (or each
/// enum member). The type that keeps
/// its name is the one named first (document order), so the result is stable. Merging can make more types
/// identical (their properties now point at the same type), so it repeats until nothing changes. Named component
/// schemas are never merged away.
/// </summary>
internal static class TypeDeduplicator
{
    public static (IReadOnlyList<TypeModel> Types, IReadOnlyList<OperationModel> Operations) Merge(
        IReadOnlyList<TypeModel> types, IReadOnlyList<OperationModel> operations, IReadOnlyCollection<string> inlineNames)
    {
        var inline = new HashSet<string>(inlineNames, System.StringComparer.Ordinal);
        var current = types.ToList();
        var currentOperations = operations.ToList();
        while (true)
        {
            var canonical = new Dictionary<TypeModel, string>();
            var renames = new Dictionary<string, string>(System.StringComparer.Ordinal);
            foreach (var type in current)
            {
                if (!inline.Contains(type.Name))
                {
                    continue;
                }

                // The model compares by value: with the name blanked, equal means identical in everything emitted.
                var key = type with { Name = string.Empty };
                if (canonical.TryGetValue(key, out var first))
                {
                    renames[type.Name] = first;
                }
                else
                {
                    canonical[key] = type.Name;
                }
            }

            if (renames.Count == 0)
            {
                return (current, currentOperations);
            }

            current = current.Where(t => !renames.ContainsKey(t.Name))
                .Select(t => t with { Properties = t.Properties.Select(p => p with { Type = Rename(p.Type, renames) }).ToEquatableArray() })
                .ToList();
            currentOperations = currentOperations.Select(o => o with
            {
                Parameters = o.Parameters.Select(p => p with { Type = Rename(p.Type, renames) }).ToEquatableArray(),
                ResponseType = o.ResponseType is null ? null : Rename(o.ResponseType, renames),
            }).ToList();
        }
    }

    private static TypeRef Rename(TypeRef type, Dictionary<string, string> renames)
    {
        if (type.Element is not null)
        {
            var element = Rename(type.Element, renames);
            return ReferenceEquals(element, type.Element) ? type : type with { Element = element };
        }

        return type.Kind is TypeRefKind.Model or TypeRefKind.Enum && renames.TryGetValue(type.Name, out var name) ? type with { Name = name } : type;
    }
}
