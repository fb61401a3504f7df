using System.Collections.Generic;
using System.Linq;
using CelerData.Generated.Model;

namespace CelerData.Generated.Parsing;

/// <summary>
/// oneOf/anyOf of several schemas: a union type that keeps the raw JSON and has one accessor per alternative.
/// With a discriminator, an alternative is selected by the discriminator's value (its mapping, or the
/// component name of the alternative's <c>$ref</c>); without one, by reading the JSON as that alternative.
/// </summary>
internal sealed partial class SchemaReader
{
    // The union's own members; an alternative never takes their names (its accessors are TryGet{Name} and From{Name}).
    private static readonly string[] UnionMembers = { "Raw", "DiscriminatorValue" };

    private static readonly Dictionary<string, string> PrimitiveCaseNames = new(System.StringComparer.Ordinal)
    {
        ["string"] = "String",
        ["int"] = "Int32",
        ["long"] = "Int64",
        ["bool"] = "Boolean",
        ["double"] = "Double",
        ["float"] = "Single",
        ["decimal"] = "Decimal",
        ["byte[]"] = "Bytes",
        ["global::System.Text.Json.JsonElement"] = "Json",
    };

    /// <summary>Whether a oneOf/anyOf schema becomes a union: it has two or more alternatives besides null.</summary>
    private static bool IsUnion(MappingNode schema)
        => (schema.Get("oneOf") ?? schema.Get("anyOf")) is SequenceNode options && options.Items.Count(item => !IsNullSchema(item)) > 1;

    private TypeRef Union(MappingNode schema, IReadOnlyList<SpecNode> alternatives, string nameHint)
    {
        if (!_declared.TryGetValue(schema, out var name))
        {
            name = ClaimTypeName(_context.GetCSharpName(schema, "schema") ?? nameHint, TypeKind.Union);
            _declared[schema] = name;
        }

        // Registered before the alternatives are read, so an alternative that refers back to the union ends here.
        var reference = new TypeRef(TypeRefKind.Model, name, IsValueType: false, Element: null, IsNullable: false);
        _resolved[schema] = reference;

        var discriminator = _context.GetMapping(schema, "discriminator", name);
        var property = discriminator is null ? null : _context.GetString(discriminator, "propertyName", name + ".discriminator", required: true);
        var mapping = discriminator is null ? null : _context.GetMapping(discriminator, "mapping", name + ".discriminator");
        var scope = new NameScope(UnionMembers);
        var properties = new List<PropertyModel>();
        var cases = new List<UnionCaseModel>();
        for (var i = 0; i < alternatives.Count; i++)
        {
            var type = Resolve(alternatives[i], name + "Option" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)).WithNullable(false);
            var caseName = scope.Claim(CaseName(type));
            properties.Add(new PropertyModel(caseName, caseName, type, IsRequired: false, IsSensitive: false, IsDeprecated: false, Description: null, IsRequiredOnRead: false, PropertyWrite.WhenNotNull));
            var values = property is null ? new List<string>() : DiscriminatorValues(alternatives[i], mapping);
            cases.Add(new UnionCaseModel(values.ToEquatableArray()));
        }

        SetType(name, new TypeModel(
            TypeKind.Union,
            name,
            _context.GetDescription(schema, name),
            _context.GetBoolean(schema, "deprecated", name),
            properties.ToEquatableArray(),
            EquatableArray<EnumMemberModel>.Empty,
            Union: new UnionModel(property, cases.ToEquatableArray())));
        return reference;
    }

    /// <summary>The values of the discriminator that select an alternative: its mapping entries, else the component name it refers to.</summary>
    private static List<string> DiscriminatorValues(SpecNode alternative, MappingNode? mapping)
    {
        var values = new List<string>();
        if (alternative is not MappingNode { } schema || schema.Get("$ref") is not ScalarNode { } reference)
        {
            return values;
        }

        const string Components = "#/components/schemas/";
        foreach (var entry in mapping?.Entries ?? Enumerable.Empty<KeyValuePair<ScalarNode, SpecNode>>())
        {
            if (entry.Value is ScalarNode target && (target.Value == reference.Value || Components + target.Value == reference.Value))
            {
                values.Add(entry.Key.Value);
            }
        }

        if (values.Count == 0 && reference.Value.StartsWith(Components, System.StringComparison.Ordinal))
        {
            values.Add(reference.Value.Substring(Components.Length));
        }

        return values;
    }

    /// <summary>The name of an alternative's accessors: the model's name, or a word for a framework type or collection.</summary>
    private static string CaseName(TypeRef type) => type.Kind switch
    {
        TypeRefKind.Model or TypeRefKind.Enum => type.Name,
        TypeRefKind.List => "ListOf" + CaseName(type.Element!),
        TypeRefKind.Dictionary => "MapOf" + CaseName(type.Element!),
        _ => PrimitiveCaseNames.TryGetValue(type.Name, out var word) ? word : type.Name.Substring(type.Name.LastIndexOf('.') + 1),
    };
}
