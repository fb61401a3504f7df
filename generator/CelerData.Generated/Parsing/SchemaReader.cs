using System.Collections.Generic;
using System.Linq;
using CelerData.Generated.Model;

namespace CelerData.Generated.Parsing;

/// <summary>
/// Turns schemas into <see cref="TypeRef"/>s and the models they need. Named component schemas keep
/// their names; inline object and enum schemas are named after where they appear. Object bodies are
/// built from a queue, so recursive schemas never recurse here.
/// </summary>
internal sealed partial class SchemaReader
{
    private static readonly string[] RecordMembers =
    {
        "EqualityContract", "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize",
        "PrintMembers", "Deconstruct", "Clone",
    };

    private readonly ParseContext _context;
    private readonly bool _openEnums;
    private readonly NameScope _typeNames;
    private readonly Dictionary<SpecNode, string> _declared = new();
    private readonly Dictionary<SpecNode, TypeRef> _resolved = new();
    private readonly HashSet<SpecNode> _following = new();
    private readonly HashSet<SpecNode> _classifying = new();
    private readonly Queue<KeyValuePair<MappingNode, string>> _pendingObjects = new();
    private readonly List<KeyValuePair<string, TypeModel?>> _types = new();
    private readonly List<string> _inlineNames = new();

    // Chains of references and inline schemas are followed by recursion; this bounds it well inside any stack.
    private const int MaxResolveDepth = 200;
    private int _depth;
    private readonly Dictionary<string, int> _typeIndex = new(System.StringComparer.Ordinal);

    /// <param name="openEnums">Whether string enums become open value types (<see cref="OpenEnumNames"/>) rather than C# enums.</param>
    public SchemaReader(ParseContext context, IEnumerable<string> reservedTypeNames, bool openEnums)
    {
        _context = context;
        _openEnums = openEnums;
        _typeNames = new NameScope(reservedTypeNames);
    }

    private enum Shape
    {
        Reference,
        Object,

        /// <summary>An object that lists no properties and leaves <c>additionalProperties</c> open: a map of any JSON.</summary>
        EmptyObject,
        Dictionary,

        /// <summary>An enum of strings (or of values without a declared type).</summary>
        StringEnum,

        /// <summary>An enum of whole numbers (<c>type: integer</c>), an open enum around <c>long</c>.</summary>
        IntegerEnum,
        Array,
        Primitive,
        Composite,

        /// <summary>An <c>allOf</c> whose only substantive member is not an object to merge: that member's type.</summary>
        AllOfMember,
        Any,
    }

    /// <summary>Keywords that describe a value without constraining its type: a schema made of them only adds nothing to merge.</summary>
    private static readonly HashSet<string> AnnotationKeywords = new(System.StringComparer.Ordinal)
    {
        "description", "title", "nullable", "readOnly", "writeOnly", "deprecated", "example", "examples", "default",
        "externalDocs", "xml", "$comment",
    };

    /// <summary>Claims the names of the component schemas that become types, in document order.</summary>
    public void DeclareComponents(MappingNode? schemas)
    {
        if (schemas is null)
        {
            return;
        }

        FindHierarchies(schemas);
        foreach (var entry in schemas.Entries)
        {
            if (entry.Value is not MappingNode schema)
            {
                _context.Report(DiagnosticDescriptors.WrongType, entry.Value, "components.schemas." + entry.Key.Value, "a schema mapping");
                continue;
            }

            var shape = Classify(schema);
            var isUnion = shape == Shape.Composite && IsUnion(schema);
            if (shape is Shape.Object or Shape.StringEnum or Shape.IntegerEnum || isUnion)
            {
                var name = _context.GetCSharpName(schema, "components.schemas." + entry.Key.Value)
                    ?? Identifiers.ToPascalCase(entry.Key.Value, "Model");
                _declared[schema] = ClaimTypeName(name, shape is Shape.StringEnum or Shape.IntegerEnum ? TypeKind.Enum : isUnion ? TypeKind.Union : TypeKind.Object);
            }
        }

        DeclareFallbacks();
    }

    /// <summary>Makes sure every component schema has its type, referenced or not.</summary>
    public void ResolveComponents(MappingNode? schemas)
    {
        if (schemas is null)
        {
            return;
        }

        foreach (var entry in schemas.Entries)
        {
            if (entry.Value is MappingNode schema)
            {
                Resolve(schema, Identifiers.ToPascalCase(entry.Key.Value, "Model"));
            }
        }
    }

    /// <summary>The types named after where an inline schema appears (not components, not <c>x-csharp-name</c>).</summary>
    public IReadOnlyList<string> InlineNames => _inlineNames;

    /// <summary>Builds every object body still waiting and returns all types in the order their names were claimed.</summary>
    public IReadOnlyList<TypeModel> Complete()
    {
        while (_pendingObjects.Count > 0)
        {
            _context.CancellationToken.ThrowIfCancellationRequested();
            var next = _pendingObjects.Dequeue();
            SetType(next.Value, BuildObject(next.Key, next.Value));
        }

        return _types.Where(t => t.Value is not null).Select(t => t.Value!).ToList();
    }

    /// <summary>The .NET type for a schema; <paramref name="nameHint"/> names an inline object or enum.</summary>
    public TypeRef Resolve(SpecNode node, string nameHint)
    {
        _context.CancellationToken.ThrowIfCancellationRequested();
        if (node is not MappingNode schema)
        {
            if (node is ScalarNode scalar && scalar.AsBoolean() == true)
            {
                return PrimitiveTypes.Any;
            }

            _context.Report(DiagnosticDescriptors.WrongType, node, "schema", "a mapping");
            return PrimitiveTypes.Any;
        }

        if (_resolved.TryGetValue(schema, out var known))
        {
            return known;
        }

        if (_depth >= MaxResolveDepth)
        {
            _context.Report(DiagnosticDescriptors.SchemaTooDeep, schema, MaxResolveDepth.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return PrimitiveTypes.Any;
        }

        _depth++;
        try
        {
            var result = ResolveUncached(schema, nameHint);
            _resolved[schema] = result;
            return result;
        }
        finally
        {
            _depth--;
        }
    }


    /// <summary>The schema a <c>$ref</c> leads to, following chains; null (reported) when it cannot be followed.</summary>
    public MappingNode? Follow(MappingNode schema) => _context.FollowReferences(schema, ParseContext.ExternalSchema, "a schema mapping");

    /// <summary>Whether a schema (through its references) says <c>format: {format}</c>.</summary>
    public bool HasFormat(SpecNode? schema, string format)
        => schema is MappingNode mapping && Follow(mapping)?.Get("format") is ScalarNode declared && declared.Value == format;

    private MappingNode? FollowOnce(SpecNode referenceNode) => _context.FollowReference(referenceNode, ParseContext.ExternalSchema, "a schema mapping");

    private TypeRef ResolveUncached(MappingNode schema, string nameHint)
    {
        var shape = Classify(schema);
        var nullable = IsNullable(schema);
        switch (shape)
        {
            case Shape.Reference:
                return ResolveReference(schema, nameHint).WithNullable(nullable);
            case Shape.Object:
                return ModelFor(schema, nameHint, TypeRefKind.Model, integerEnum: false).WithNullable(nullable);
            case Shape.EmptyObject:
                // An object schema that lists no properties allows any members: a map keeps them, an empty record would drop them.
                return Dictionary(PrimitiveTypes.Any).WithNullable(nullable);
            case Shape.StringEnum:
            case Shape.IntegerEnum:
                return ModelFor(schema, nameHint, TypeRefKind.Enum, integerEnum: shape == Shape.IntegerEnum).WithNullable(nullable);
            case Shape.Dictionary:
                {
                    var additional = schema.Get("additionalProperties")!;
                    var valueType = additional is ScalarNode ? PrimitiveTypes.Any : Resolve(additional, nameHint + "Value");
                    return Dictionary(valueType).WithNullable(nullable);
                }

            case Shape.Array:
                {
                    var items = schema.Get("items");
                    TypeRef element;
                    if (items is null)
                    {
                        _context.Report(DiagnosticDescriptors.ArrayWithoutItems, ParseContext.KeyOrSelf(schema, "type"), nameHint);
                        element = PrimitiveTypes.Any;
                    }
                    else
                    {
                        element = Resolve(items, nameHint + "Item");
                    }

                    return new TypeRef(TypeRefKind.List, string.Empty, IsValueType: false, element, nullable);
                }

            case Shape.Composite:
                {
                    // oneOf: [null, X] makes the composite nullable by itself.
                    var composite = ResolveComposite(schema, nameHint);
                    return composite.WithNullable(nullable || composite.IsNullable);
                }

            case Shape.AllOfMember:
                {
                    var allOf = (SequenceNode)schema.Get("allOf")!;
                    var member = Resolve(AllOfMember(allOf)!, nameHint);
                    var annotatedNull = allOf.Items.Any(item => item is MappingNode m && IsAnnotationOnly(m) && IsNullable(m));
                    return member.WithNullable(nullable || annotatedNull || member.IsNullable);
                }

            case Shape.Primitive:
                return Primitive(schema).WithNullable(nullable);
            default:
                return PrimitiveTypes.Any.WithNullable(nullable);
        }
    }

    private TypeRef ResolveReference(MappingNode schema, string nameHint)
    {
        var referenceNode = schema.Get("$ref")!;
        if (!_following.Add(schema))
        {
            _context.Report(DiagnosticDescriptors.ReferenceCycle, referenceNode, (referenceNode as ScalarNode)?.Value ?? "$ref");
            return PrimitiveTypes.Any;
        }

        try
        {
            var target = FollowOnce(referenceNode);
            if (target is null)
            {
                return PrimitiveTypes.Any;
            }

            var reference = ((ScalarNode)referenceNode).Value;
            var hint = Identifiers.ToPascalCase(reference.Substring(reference.LastIndexOf('/') + 1), nameHint);
            return Resolve(target, hint);
        }
        finally
        {
            _following.Remove(schema);
        }
    }

    private TypeRef ResolveComposite(MappingNode schema, string nameHint)
    {
        var keyword = schema.Get("oneOf") is not null ? "oneOf" : "anyOf";
        var options = schema.Get(keyword) as SequenceNode;
        if (options is not null)
        {
            // oneOf: [X, {type: 'null'}] is how 3.1 spells a nullable X.
            var nonNull = options.Items.Where(item => !IsNullSchema(item)).ToList();
            if (nonNull.Count == 1 && nonNull.Count < options.Items.Count)
            {
                return Resolve(nonNull[0], nameHint).WithNullable(true);
            }

            if (options.Items.Count == 1)
            {
                return Resolve(options.Items[0], nameHint);
            }

            if (nonNull.Count > 1)
            {
                return Union(schema, nonNull, nameHint).WithNullable(nonNull.Count < options.Items.Count);
            }
        }

        if (schema.Get(keyword) is { } notAList and not SequenceNode)
        {
            _context.Report(DiagnosticDescriptors.WrongType, notAList, keyword, "a list of schemas");
        }
        else
        {
            _context.Report(DiagnosticDescriptors.CompositionNotSupported, ParseContext.KeyOrSelf(schema, keyword), keyword);
        }

        return PrimitiveTypes.Any;
    }

    /// <summary>
    /// The member an <c>allOf</c> stands for when there are no objects to merge: the only member that is more than
    /// annotations (a description, nullable, ...), or the first of several that are not objects (a string with a
    /// pattern and a string with a length, say). Null when an object member asks for a merged record.
    /// </summary>
    private SpecNode? AllOfMember(SequenceNode allOf)
    {
        var substantive = allOf.Items.Where(item => item is not MappingNode m || !IsAnnotationOnly(m)).ToList();
        if (substantive.Count == 0)
        {
            return null;
        }

        if (substantive.Count == 1)
        {
            return substantive[0];
        }

        return substantive.All(item => item is MappingNode m && (Follow(m) is not { } target || Classify(target) is not (Shape.Object or Shape.EmptyObject or Shape.Reference)))
            ? substantive[0]
            : null;
    }

    /// <summary>
    /// Keywords that describe or constrain a value without giving it a type or changing how it is read, written or named
    /// (unlike <c>readOnly</c>, <c>nullable</c>, <c>x-csharp-name</c> or <c>x-sensitive</c>).
    /// </summary>
    private static readonly HashSet<string> NarrowingKeywords = new(System.StringComparer.Ordinal)
    {
        "required", "description", "title", "example", "examples", "default", "deprecated", "externalDocs", "xml", "$comment",
        "minProperties", "maxProperties", "minItems", "maxItems", "uniqueItems", "minLength", "maxLength", "pattern",
        "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
    };

    /// <summary>Whether a property's schema only narrows or describes the property (or is empty): no type of its own.</summary>
    private static bool OnlyNarrows(SpecNode schema)
        => schema is MappingNode mapping && mapping.Entries.All(e => NarrowingKeywords.Contains(e.Key.Value));

    private static bool IsAnnotationOnly(MappingNode schema)
        => schema.Entries.All(e => AnnotationKeywords.Contains(e.Key.Value) || e.Key.Value.StartsWith("x-", System.StringComparison.Ordinal));

    private static bool IsNullSchema(SpecNode node)
        => node is MappingNode mapping && mapping.Get("type") is ScalarNode { Value: "null" };

    private TypeRef ModelFor(MappingNode schema, string nameHint, TypeRefKind kind, bool integerEnum)
    {
        if (!_declared.TryGetValue(schema, out var name))
        {
            var explicitName = _context.GetCSharpName(schema, "schema");
            name = ClaimTypeName(explicitName ?? nameHint, kind == TypeRefKind.Enum ? TypeKind.Enum : TypeKind.Object);
            _declared[schema] = name;
            if (explicitName is null)
            {
                _inlineNames.Add(name);
            }
        }

        var reference = new TypeRef(kind, name, IsValueType: kind == TypeRefKind.Enum, Element: null, IsNullable: false);
        _resolved[schema] = reference;
        if (kind == TypeRefKind.Enum)
        {
            SetType(name, BuildEnum(schema, name, integerEnum));
        }
        else
        {
            _pendingObjects.Enqueue(new KeyValuePair<MappingNode, string>(schema, name));
        }

        return reference;
    }

    private string ClaimTypeName(string name, TypeKind kind)
    {
        // An enum or a union brings its JSON converter, {Name}JsonConverter, so both names must be free; an open enum's
        // name must also differ from the members its struct declares.
        var claimed = _typeNames.Claim(name);
        while ((kind != TypeKind.Object && _typeNames.IsTaken(claimed + "JsonConverter")) || (kind == TypeKind.Enum && _openEnums && OpenEnumNames.IsMember(claimed)))
        {
            claimed = _typeNames.Claim(name);
        }

        if (kind != TypeKind.Object)
        {
            _typeNames.Reserve(claimed + "JsonConverter");
        }

        _typeIndex[claimed] = _types.Count;
        _types.Add(new KeyValuePair<string, TypeModel?>(claimed, null));
        return claimed;
    }

    private void SetType(string name, TypeModel model) => _types[_typeIndex[name]] = new KeyValuePair<string, TypeModel?>(name, model);

    private static TypeRef Dictionary(TypeRef value) => new(TypeRefKind.Dictionary, string.Empty, IsValueType: false, value, IsNullable: false);

    private Shape Classify(MappingNode schema)
    {
        if (schema.Get("$ref") is not null)
        {
            return Shape.Reference;
        }

        // A member of a hierarchy is a record even when it adds nothing to its base (allOf: [$ref: Base]).
        if (_members.ContainsKey(schema))
        {
            return Shape.Object;
        }

        if (schema.Get("allOf") is SequenceNode allOf)
        {
            if (!_classifying.Add(schema))
            {
                return Shape.Object;
            }

            try
            {
                return schema.Get("properties") is null && AllOfMember(allOf) is not null ? Shape.AllOfMember : Shape.Object;
            }
            finally
            {
                _classifying.Remove(schema);
            }
        }

        var types = ReadTypes(schema);
        // 'type: object' beside oneOf/anyOf (and no properties of its own) is common and says nothing more.
        if ((schema.Get("oneOf") ?? schema.Get("anyOf")) is not null && schema.Get("properties") is null && schema.Get("enum") is null
            && (types.Count == 0 || (types.Count == 1 && types[0] == "object")))
        {
            return Shape.Composite;
        }

        if (schema.Get("enum") is SequenceNode values && values.Items.Count > 0
            && (types.Count == 0 ? values.Items.All(v => v is ScalarNode s && (!s.IsPlain || s.IsNull || !IsNumberOrBool(s))) : types.Count == 1 && types[0] == "string"))
        {
            return Shape.StringEnum;
        }

        // Integer enums are open value types too; EnumStyle="Closed" keeps them plain integers, as they always were.
        if (_openEnums && schema.Get("enum") is SequenceNode integers && integers.Items.Any(v => v is ScalarNode { IsNull: false })
            && types.Count == 1 && types[0] == "integer" && integers.Items.All(v => v is ScalarNode s && (s.IsNull || IntegerValue(s) is not null)))
        {
            return Shape.IntegerEnum;
        }

        if (types.Count > 1)
        {
            return Shape.Any;
        }

        var type = types.Count == 1 ? types[0] : null;
        if (type == "object" || (type is null && (schema.Get("properties") is not null || schema.Get("additionalProperties") is not null)))
        {
            if (schema.Get("properties") is MappingNode { Entries.Count: > 0 })
            {
                return Shape.Object;
            }

            var additional = schema.Get("additionalProperties");
            if (additional is MappingNode || (additional is ScalarNode scalar && scalar.AsBoolean() == true))
            {
                return Shape.Dictionary;
            }

            // additionalProperties: false leaves only {}: an empty record says exactly that.
            return AllowsNoOthers(schema) ? Shape.Object : Shape.EmptyObject;
        }

        if (type == "array")
        {
            return Shape.Array;
        }

        if (type is "string" or "integer" or "number" or "boolean")
        {
            return Shape.Primitive;
        }

        if (schema.Get("oneOf") is not null || schema.Get("anyOf") is not null)
        {
            return Shape.Composite;
        }

        return Shape.Any;
    }

    /// <summary>The whole number a scalar holds, in its canonical spelling (<c>07</c> is <c>7</c>), or null.</summary>
    private static string? IntegerValue(ScalarNode scalar)
        => long.TryParse(scalar.Value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? number.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : null;

    private static bool IsNumberOrBool(ScalarNode scalar)
        => scalar.AsBoolean() is not null || double.TryParse(scalar.Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);

    private List<string> ReadTypes(MappingNode schema)
    {
        var result = new List<string>();
        switch (schema.Get("type"))
        {
            case null:
                break;
            case ScalarNode scalar:
                if (scalar.Value != "null")
                {
                    AddType(result, scalar);
                }

                break;
            case SequenceNode sequence:
                foreach (var item in sequence.Items)
                {
                    if (item is ScalarNode { Value: not "null" } itemScalar)
                    {
                        AddType(result, itemScalar);
                    }
                }

                break;
            case var other:
                _context.Report(DiagnosticDescriptors.WrongType, other, "type", "a string or a list of strings");
                break;
        }

        return result;
    }

    private void AddType(List<string> types, ScalarNode scalar)
    {
        if (scalar.Value is "string" or "integer" or "number" or "boolean" or "object" or "array")
        {
            types.Add(scalar.Value);
            return;
        }

        _context.Report(DiagnosticDescriptors.InvalidValue, scalar, "type", scalar.Value, "one of string, integer, number, boolean, object, array or null");
    }

    private bool IsNullable(MappingNode schema)
    {
        if (_context.GetBoolean(schema, "nullable", "schema"))
        {
            return true;
        }

        if (schema.Get("type") is SequenceNode types && types.Items.Any(t => t is ScalarNode { Value: "null" }))
        {
            return true;
        }

        return schema.Get("enum") is SequenceNode values && values.Items.Any(v => v is ScalarNode s && s.IsNull);
    }

    private TypeRef Primitive(MappingNode schema)
    {
        var type = ReadTypes(schema).FirstOrDefault();
        var format = schema.Get("format") is ScalarNode f ? f.Value : null;
        return type switch
        {
            "string" => PrimitiveTypes.ForString(format),
            "integer" => PrimitiveTypes.ForInteger(format),
            "number" => PrimitiveTypes.ForNumber(format),
            "boolean" => PrimitiveTypes.Boolean,
            _ => PrimitiveTypes.Any,
        };
    }

    /// <summary>The enum type of a schema <see cref="Classify"/> found to be an enum; <paramref name="isInteger"/> when it found an integer enum.</summary>
    private TypeModel BuildEnum(MappingNode schema, string name, bool isInteger)
    {
        var members = new List<EnumMemberModel>();
        var scope = _openEnums ? OpenEnumNames.MemberScope(name) : new NameScope();
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        var values = (SequenceNode)schema.Get("enum")!;
        // x-enum-varnames (OpenAPI Generator) or x-enumNames (NSwag) name the values.
        var varNames = (schema.Get("x-enum-varnames") ?? schema.Get("x-enumNames")) as SequenceNode;
        for (var i = 0; i < values.Items.Count; i++)
        {
            if (values.Items[i] is not ScalarNode value || value.IsNull)
            {
                continue;
            }

            var wireValue = isInteger ? IntegerValue(value)! : value.Value;
            if (!seen.Add(wireValue))
            {
                continue;
            }

            string? explicitName = null;
            if (varNames is not null && i < varNames.Items.Count && varNames.Items[i] is ScalarNode varName && Identifiers.IsValidIdentifier(varName.Value))
            {
                explicitName = varName.Value;
            }

            var generated = isInteger
                ? (wireValue[0] == '-' ? "ValueMinus" + wireValue.Substring(1) : "Value" + wireValue)
                : Identifiers.ToPascalCase(value.Value, "Value");
            members.Add(new EnumMemberModel(scope.Claim(explicitName ?? generated), wireValue));
        }

        return new TypeModel(
            TypeKind.Enum,
            name,
            _context.GetDescription(schema, name),
            _context.GetBoolean(schema, "deprecated", name),
            EquatableArray<PropertyModel>.Empty,
            members.ToEquatableArray(),
            _openEnums ? scope.Claim(OpenEnumNames.UnknownMember) : null,
            IsIntegerEnum: isInteger);
    }

    private TypeModel BuildObject(MappingNode schema, string name)
    {
        if (_members.TryGetValue(schema, out var member))
        {
            return BuildMember(member, name);
        }

        var members = new List<KeyValuePair<ScalarNode, SpecNode>>();
        var required = new HashSet<string>(System.StringComparer.Ordinal);
        var others = new List<SpecNode>();
        CollectMembers(schema, members, required, new HashSet<SpecNode>(), name, others: others);

        // A name the object requires but does not declare is a member of any JSON value: kept with the other members
        // (so a request can carry it and a reply keeps it), unless the object allows no other members, when no
        // object can be valid: the description contradicts itself, which the user hears of.
        var undeclared = others.Count == 0 ? required.Where(r => !members.Exists(m => m.Key.Value == r)).ToList() : new List<string>();
        if (undeclared.Count > 0 && AllowsNoOthers(schema))
        {
            undeclared.Sort(System.StringComparer.Ordinal);
            _context.Report(DiagnosticDescriptors.UnsatisfiableObject, ParseContext.KeyOrSelf(schema, "required"), name, string.Join("', '", undeclared));
        }
        else if (undeclared.Count > 0)
        {
            others.Add(schema);
        }

        var scope = new NameScope(RecordMembers);
        scope.Reserve(name);
        var properties = BuildProperties(members, required, name, scope).ToEquatableArray();
        // Members beyond the declared properties (additionalProperties beside them, alternatives that add members) are
        // kept as JSON values under a property claimed after the declared ones, so a declared "additional_properties"
        // keeps its name.
        return new TypeModel(
            TypeKind.Object,
            name,
            _context.GetDescription(schema, name),
            _context.GetBoolean(schema, "deprecated", name),
            properties,
            EquatableArray<EnumMemberModel>.Empty,
            OtherMembers: others.Count > 0 ? scope.Claim("AdditionalProperties") : null);
    }

    /// <summary>The properties of a record named <paramref name="name"/> from its schema members, named in <paramref name="scope"/>.</summary>
    private List<PropertyModel> BuildProperties(List<KeyValuePair<ScalarNode, SpecNode>> members, HashSet<string> required, string name, NameScope scope)
    {
        var properties = new List<PropertyModel>();
        foreach (var member in members)
        {
            _context.CancellationToken.ThrowIfCancellationRequested();
            var wireName = member.Key.Value;
            var propertySchema = member.Value as MappingNode;
            var explicitName = propertySchema is null ? null : _context.GetCSharpName(propertySchema, name + "." + wireName);
            var pascal = Identifiers.ToPascalCase(wireName, "Property");
            var type = Resolve(member.Value, name + pascal);
            var propertyName = explicitName ?? pascal;
            // A property may share its type's name (C# binds `ClusterState ClusterState` by context); it is
            // renamed only on a real collision: the enclosing type or another member.
            if (scope.IsTaken(propertyName))
            {
                propertyName += "Value";
            }

            propertyName = scope.Claim(propertyName);
            var resolvedSchema = propertySchema is null ? null : Follow(propertySchema);
            // readOnly: only servers send it, so a caller never has to; writeOnly: only callers send it, so reading never needs it.
            var readOnly = IsFlagged(propertySchema, resolvedSchema, "readOnly", wireName);
            var writeOnly = IsFlagged(propertySchema, resolvedSchema, "writeOnly", wireName);
            var inSchema = required.Contains(wireName);
            var isRequired = inSchema && !readOnly;
            var write = isRequired ? PropertyWrite.Always : !readOnly && type.IsNullable ? PropertyWrite.WhenSet : PropertyWrite.WhenNotNull;
            var sensitive = propertySchema is not null
                && (_context.GetBoolean(propertySchema, "x-sensitive", wireName)
                    || (propertySchema.Get("format") is ScalarNode { Value: "password" })
                    || (resolvedSchema is not null && resolvedSchema.Get("format") is ScalarNode { Value: "password" }));
            properties.Add(new PropertyModel(
                propertyName,
                wireName,
                isRequired ? type : type.WithNullable(true),
                isRequired,
                sensitive,
                propertySchema is not null && _context.GetBoolean(propertySchema, "deprecated", wireName),
                propertySchema is null ? null : _context.GetDescription(propertySchema, wireName),
                inSchema && !writeOnly,
                write));
        }

        return properties;
    }

    /// <summary>The properties of an object schema with its allOf parts and references merged (later ones win), and the names it requires.</summary>
    public (List<KeyValuePair<ScalarNode, SpecNode>> Members, HashSet<string> Required) MergedMembers(MappingNode schema, string owner)
    {
        var members = new List<KeyValuePair<ScalarNode, SpecNode>>();
        var required = new HashSet<string>(System.StringComparer.Ordinal);
        CollectMembers(schema, members, required, new HashSet<SpecNode>(), owner);
        return (members, required);
    }

    /// <summary>The keywords an alternative may have and still describe only the declared properties: what they require and how they narrow them.</summary>
    private static readonly HashSet<string> ConstraintKeywords = new(System.StringComparer.Ordinal)
    {
        "required", "properties", "type", "description", "title", "additionalProperties", "example", "examples", "deprecated", "nullable",
    };

    /// <summary>What the <c>oneOf</c>/<c>anyOf</c> alternatives inside an object add to its declared properties.</summary>
    private enum Additions
    {
        /// <summary>Nothing: every alternative only requires or narrows declared properties.</summary>
        None,

        /// <summary>Members with no schema of their own (names only required, or properties with an empty schema): any JSON value.</summary>
        Untyped,

        /// <summary>Members with schemas, or other schemas: not typed yet (CDG0023).</summary>
        Typed,
    }

    /// <summary>
    /// What the alternatives of a <c>oneOf</c>/<c>anyOf</c> inside an object add to the properties it declares: nothing
    /// when they only require or narrow them (so the object's properties already hold any value it allows), untyped
    /// members when they also require (or list with an empty schema) names it does not declare, or typed members and
    /// other schemas.
    /// </summary>
    private static Additions AlternativesAdd(SpecNode alternatives, List<KeyValuePair<ScalarNode, SpecNode>> members)
    {
        if (alternatives is not SequenceNode { Items.Count: > 0 } sequence)
        {
            return Additions.Typed;
        }

        bool Declared(string name) => members.Exists(m => m.Key.Value == name);
        bool Untyped(SpecNode schema) => schema is MappingNode mapping && IsAnnotationOnly(mapping);
        var additions = Additions.None;
        foreach (var item in sequence.Items)
        {
            if (item is not MappingNode alternative)
            {
                return Additions.Typed;
            }

            foreach (var entry in alternative.Entries)
            {
                var key = entry.Key.Value;
                var fits = key switch
                {
                    "required" => entry.Value is SequenceNode names && names.Items.All(n => n is ScalarNode),
                    "properties" => entry.Value is MappingNode properties && properties.Entries.All(p => Declared(p.Key.Value) || Untyped(p.Value)),
                    "type" => entry.Value is ScalarNode { Value: "object" },
                    _ => ConstraintKeywords.Contains(key) || key.StartsWith("x-", System.StringComparison.Ordinal),
                };
                if (!fits)
                {
                    return Additions.Typed;
                }

                var undeclared = key switch
                {
                    "required" => ((SequenceNode)entry.Value).Items.Any(n => !Declared(((ScalarNode)n).Value)),
                    "properties" => ((MappingNode)entry.Value).Entries.Any(p => !Declared(p.Key.Value)),
                    _ => false,
                };
                if (undeclared)
                {
                    additions = Additions.Untyped;
                }
            }
        }

        return additions;
    }

    /// <summary>Whether an object schema allows no members beyond its properties (<c>additionalProperties: false</c>).</summary>
    private static bool AllowsNoOthers(MappingNode schema) => schema.Get("additionalProperties") is ScalarNode closed && closed.AsBoolean() == false;

    private bool IsFlagged(MappingNode? schema, MappingNode? resolved, string keyword, string where)
        => (schema is not null && _context.GetBoolean(schema, keyword, where)) || (resolved is not null && resolved != schema && _context.GetBoolean(resolved, keyword, where));

    /// <param name="inherited">An allOf item of <paramref name="schema"/> whose members are left out: the reference to a base type, which declares them.</param>
    /// <param name="others">
    /// Where what brings members beyond the declared properties is recorded (an <c>additionalProperties</c> beside them,
    /// <c>oneOf</c>/<c>anyOf</c> alternatives with members of their own), for a model that keeps the other members;
    /// without it, an <c>additionalProperties</c> beside properties is reported as not kept (CDG0025).
    /// </param>
    private void CollectMembers(MappingNode schema, List<KeyValuePair<ScalarNode, SpecNode>> members, HashSet<string> required, HashSet<SpecNode> visiting, string owner, SpecNode? inherited = null, List<SpecNode>? others = null)
    {
        if (!visiting.Add(schema))
        {
            _context.Report(DiagnosticDescriptors.ReferenceCycle, schema, owner + " (allOf)");
            return;
        }

        if (visiting.Count > MaxResolveDepth)
        {
            _context.Report(DiagnosticDescriptors.AllOfTooDeep, schema, MaxResolveDepth.ToString(System.Globalization.CultureInfo.InvariantCulture), owner);
            visiting.Remove(schema);
            return;
        }

        if (schema.Get("$ref") is { } referenceNode)
        {
            var target = FollowOnce(referenceNode);
            if (target is not null)
            {
                CollectMembers(target, members, required, visiting, owner, others: others);
            }

            visiting.Remove(schema);
            return;
        }

        if (_context.GetSequence(schema, "allOf", owner) is { } allOf)
        {
            foreach (var part in allOf.Items)
            {
                if (part == inherited)
                {
                    continue;
                }

                if (part is MappingNode partSchema)
                {
                    CollectMembers(partSchema, members, required, visiting, owner, others: others);
                }
                else
                {
                    _context.Report(DiagnosticDescriptors.WrongType, part, owner + ".allOf[]", "a schema mapping");
                }
            }
        }

        if (_context.GetMapping(schema, "properties", owner) is { } properties)
        {
            foreach (var entry in properties.Entries)
            {
                var existing = members.FindIndex(m => m.Key.Value == entry.Key.Value);
                if (existing >= 0)
                {
                    // A property an earlier part declares, given here only constraints or words (linode's
                    // `inbound: { required: [...] }` beside an allOf part's array of rules), is that property narrowed:
                    // allOf holds a value to both, so the earlier part's type stays.
                    if (!OnlyNarrows(entry.Value))
                    {
                        members[existing] = entry;
                    }
                }
                else
                {
                    members.Add(entry);
                }
            }

            var additional = schema.Get("additionalProperties");
            if (additional is MappingNode || (additional is ScalarNode scalar && scalar.AsBoolean() == true))
            {
                if (others is not null)
                {
                    others.Add(additional);
                }
                else
                {
                    _context.Report(DiagnosticDescriptors.AdditionalPropertiesBesideProperties, ParseContext.KeyOrSelf(schema, "additionalProperties"), owner);
                }
            }
        }

        // Checked once this level's properties are in: alternatives that only require or narrow declared properties
        // (GitHub's "one of these must be set") lose nothing. Members they add with no schema are any JSON value: kept
        // as such where the model keeps other members, and impossible where the object allows no others
        // (additionalProperties: false), so nothing is lost either way. Members of any other alternatives are kept as
        // JSON where the model keeps other members, and the alternatives are reported as not typed.
        foreach (var keyword in new[] { "oneOf", "anyOf" })
        {
            if (schema.Get(keyword) is not { } alternatives)
            {
                continue;
            }

            var additions = AlternativesAdd(alternatives, members);
            if (additions == Additions.None || (additions == Additions.Untyped && AllowsNoOthers(schema)))
            {
                continue;
            }

            others?.Add(alternatives);
            if (additions == Additions.Typed || others is null)
            {
                _context.Report(DiagnosticDescriptors.CompositionInsideObject, ParseContext.KeyOrSelf(schema, keyword), keyword, owner);
            }
        }

        if (_context.GetSequence(schema, "required", owner) is { } requiredList)
        {
            foreach (var item in requiredList.Items)
            {
                if (item is ScalarNode scalar)
                {
                    required.Add(scalar.Value);
                }
                else
                {
                    _context.Report(DiagnosticDescriptors.WrongType, item, owner + ".required[]", "a property name");
                }
            }
        }

        visiting.Remove(schema);
    }
}
