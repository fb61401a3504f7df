using System.Collections.Generic;
using System.Linq;
using CelerData.Generated.Model;
using CelerData.Generated.Parsing;

namespace CelerData.Generated.Emitting;

/// <summary>
/// Writes <c>{ClientName}JsonContext</c>: a <c>JsonSerializerContext</c> whose models, lists and dictionaries are
/// read and written by generated code (a <c>Utf8JsonReader</c> loop matching UTF-8 property names, a writer with
/// pre-encoded names) behind one shared converter class, and whose primitives use System.Text.Json's own
/// converters. It reads the same values, writes the same bytes and fails with the same exception at the same JSON
/// path as the System.Text.Json generator's metadata for the same types. No reflection: safe for trimming and
/// Native AOT. The shared pieces (converter, list and dictionary loops, error paths) are written once per compilation (<see cref="EmitHelpers"/>).
/// </summary>
internal static partial class JsonContextEmitter
{
    // The file declares these aliases, which keep the many references to System.Text.Json short.
    private const string Json = "__Json";
    private const string Metadata = "__Meta";
    private const string Options = "__Json.JsonSerializerOptions";
    private const string Reader = "ref __Json.Utf8JsonReader reader";
    private const string Writer = "__Json.Utf8JsonWriter writer";
    private const string Services = "__Meta.JsonMetadataServices";

    /// <summary>How a primitive is read and written: System.Text.Json's converter, and the reader and writer calls it makes.</summary>
    private sealed class Primitive
    {
        public Primitive(TypeRef type, string converter, string? read, string? writeValue, string? writeProperty)
        {
            TypeName = type.Name;
            Converter = converter;
            Read = read;
            WriteValue = writeValue;
            WriteProperty = writeProperty;
            IsReference = !type.IsValueType;
        }

        /// <summary>The C# type of a value (not nullable).</summary>
        public string TypeName { get; }

        /// <summary>The System.Text.Json converter property of <c>JsonMetadataServices</c>.</summary>
        public string Converter { get; }

        /// <summary>The reader call the converter makes, or null to call the converter.</summary>
        public string? Read { get; }

        /// <summary>The writer call for a value, or null to call the converter.</summary>
        public string? WriteValue { get; }

        /// <summary>The writer call for a name and a value, or null.</summary>
        public string? WriteProperty { get; }

        /// <summary>Whether the type is a reference type: null is read without calling the converter (System.Text.Json does so for reference types).</summary>
        public bool IsReference { get; }
    }

    private static readonly Dictionary<PrimitiveKind, Primitive> Primitives = new()
    {
        [PrimitiveKind.String] = new(PrimitiveTypes.String, "StringConverter", "GetString", "WriteStringValue", "WriteString"),
        [PrimitiveKind.Int32] = new(PrimitiveTypes.Int32, "Int32Converter", "GetInt32", "WriteNumberValue", "WriteNumber"),
        [PrimitiveKind.Int64] = new(PrimitiveTypes.Int64, "Int64Converter", "GetInt64", "WriteNumberValue", "WriteNumber"),
        [PrimitiveKind.Boolean] = new(PrimitiveTypes.Boolean, "BooleanConverter", "GetBoolean", "WriteBooleanValue", "WriteBoolean"),
        [PrimitiveKind.Double] = new(PrimitiveTypes.Double, "DoubleConverter", "GetDouble", "WriteNumberValue", "WriteNumber"),
        [PrimitiveKind.Single] = new(PrimitiveTypes.Single, "SingleConverter", "GetSingle", "WriteNumberValue", "WriteNumber"),
        [PrimitiveKind.Decimal] = new(PrimitiveTypes.Decimal, "DecimalConverter", "GetDecimal", "WriteNumberValue", "WriteNumber"),
        [PrimitiveKind.DateTimeOffset] = new(PrimitiveTypes.DateTimeOffset, "DateTimeOffsetConverter", "GetDateTimeOffset", "WriteStringValue", "WriteString"),
        [PrimitiveKind.Guid] = new(PrimitiveTypes.Guid, "GuidConverter", "GetGuid", "WriteStringValue", "WriteString"),
        [PrimitiveKind.DateOnly] = new(PrimitiveTypes.DateOnly, "DateOnlyConverter", null, null, null),
        [PrimitiveKind.Bytes] = new(PrimitiveTypes.Bytes, "ByteArrayConverter", null, null, null),
        [PrimitiveKind.Any] = new(PrimitiveTypes.Any, "JsonElementConverter", null, null, null),
    };

    private sealed class Entry
    {
        public Entry(TypeRef type, string runtimeName, string member, bool isPublic, int index)
        {
            Type = type;
            RuntimeName = runtimeName;
            Member = member;
            IsPublic = isPublic;
            Index = index;
        }

        public TypeRef Type { get; }

        public string RuntimeName { get; }

        public string Member { get; }

        public bool IsPublic { get; }

        public int Index { get; }
    }

    /// <summary>What the per-type code refers to: the entries by runtime name and the encoded property names.</summary>
    private sealed class Plan
    {
        public Plan(SpecModel spec, Dictionary<string, Entry> byRuntime, Dictionary<string, TypeModel> models, Dictionary<string, int> names)
        {
            Spec = spec;
            ByRuntime = byRuntime;
            Models = models;
            Names = names;
        }

        public SpecModel Spec { get; }

        public Dictionary<string, Entry> ByRuntime { get; }

        public Dictionary<string, TypeModel> Models { get; }

        public Dictionary<string, int> Names { get; }

        public Entry EntryFor(TypeRef type) => ByRuntime[TypeName(CSharp.Runtime(type))];

        /// <summary>Whether a type reads and writes through its own converter class (<c>__Own{N}</c>): enums and unions.</summary>
        public bool HasOwnConverter(TypeRef type) => IsConverterBacked(type, Models);

        /// <summary>Whether <paramref name="type"/> is a plain model (no hierarchy, no converter of its own), read by its reading constructor.</summary>
        public bool ReadsByConstructor(TypeRef type)
            => type.Kind == TypeRefKind.Model && !type.IsNullable && !HasOwnConverter(type) && Models[type.Name].Hierarchy is null;
    }

    /// <summary>The context's file; <paramref name="helpersClass"/> names the compilation's shared helpers (<see cref="HelpersClass"/>).</summary>
    public static string Emit(SpecModel spec, string helpersClass)
    {
        var ns = spec.Namespace;
        var context = "global::" + ns + "." + spec.JsonContextName;
        var entries = CollectTypes(spec);
        var models = spec.Types.ToDictionary(t => t.Name, System.StringComparer.Ordinal);

        // Each wire name is encoded once, numbered in order of first use.
        var propertyNames = new Dictionary<string, int>(System.StringComparer.Ordinal);
        foreach (var model in spec.Types.Where(t => t.Kind == TypeKind.Object))
        {
            foreach (var wireName in model.Properties.Select(p => p.WireName).Concat(model.Hierarchy is { } h ? new[] { h.DiscriminatorProperty } : Enumerable.Empty<string>()))
            {
                if (!propertyNames.ContainsKey(wireName))
                {
                    propertyNames.Add(wireName, propertyNames.Count);
                }
            }
        }

        var plan = new Plan(spec, entries.ToDictionary(e => e.RuntimeName, System.StringComparer.Ordinal), models, propertyNames);
        var writer = SourceWriter.CreateFile(nullableWarnings: false);
        writer.Line("using __Json = global::System.Text.Json;");
        writer.Line("using __Meta = global::System.Text.Json.Serialization.Metadata;");
        writer.Line(HelpersImport(helpersClass));
        ModelsEmitter.EmitAliases(writer, ns);
        writer.Line("using " + ContextAlias.TrimEnd('.') + " = " + context + ";");
        writer.Line();
        writer.Line("namespace " + ns + ";");
        writer.Line();
        writer.Summary("System.Text.Json metadata and generated readers and writers for every model of " + spec.Title + ": no reflection, safe for trimming and Native AOT.");
        writer.Line(CSharp.GeneratedCodeAttribute);
        writer.Open("public partial class " + spec.JsonContextName + " : __Json.Serialization.JsonSerializerContext, " + Metadata + ".IJsonTypeInfoResolver");
        writer.Line("private static readonly " + Options + " s_defaultOptions = new();");
        writer.Line();
        foreach (var name in propertyNames.OrderBy(n => n.Value))
        {
            writer.Line("private static readonly " + Json + ".JsonEncodedText __Name" + name.Value + " = " + Json + ".JsonEncodedText.Encode(" + CSharp.Literal(name.Key) + ");");
        }

        foreach (var entry in entries.Where(e => !e.Type.IsNullable && plan.HasOwnConverter(e.Type)))
        {
            var converter = models.TryGetValue(entry.Type.Name, out var model) && model.IsOpenEnum ? OpenEnumEmitter.ConverterType(spec, model, ModelsEmitter.ModelsAlias) : ModelsEmitter.ModelsAlias + entry.Type.Name + "JsonConverter";
            writer.Line("internal static readonly " + converter + " __Own" + entry.Index + " = new();");
        }

        writer.Line();
        writer.Line("/// <summary>The context for the default <see cref=\"global::System.Text.Json.JsonSerializerOptions\"/>.</summary>");
        writer.Line("public static " + context + " Default { get; } = new " + context + "(new " + Options + "(s_defaultOptions));");
        writer.Line();
        writer.Line("/// <summary>The options this context's metadata was generated for.</summary>");
        writer.Line("protected override " + Options + "? GeneratedSerializerOptions { get; } = s_defaultOptions;");
        writer.Line();
        writer.Line("/// <summary>Creates a context with its own copy of the default options.</summary>");
        writer.Open("public " + spec.JsonContextName + "() : base(null)");
        writer.Close();
        writer.Line();
        writer.Line("/// <summary>Creates a context bound to <paramref name=\"options\"/>.</summary>");
        writer.Line("/// <param name=\"options\">The options to bind; they must not be bound to another context.</param>");
        writer.Open("public " + spec.JsonContextName + "(" + Options + " options) : base(options)");
        writer.Close();

        // Models and enums have public metadata properties, each cached in its slot of one array; lists, dictionaries
        // and primitives are reached through Options.
        var publicEntries = entries.Where(e => e.IsPublic).ToList();
        writer.Line();
        writer.Line("private readonly " + Metadata + ".JsonTypeInfo?[] __t = new " + Metadata + ".JsonTypeInfo?[" + publicEntries.Count + "];");
        for (var slot = 0; slot < publicEntries.Count; slot++)
        {
            var entry = publicEntries[slot];
            writer.Line();
            writer.Line("/// <summary>Metadata for <see cref=\"" + entry.RuntimeName + "\"/>.</summary>");
            writer.Line("public " + Metadata + ".JsonTypeInfo<" + entry.RuntimeName + "> " + entry.Member + " => __Get<" + entry.RuntimeName + ">(" + slot + ");");
        }

        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Open("public override " + Metadata + ".JsonTypeInfo? GetTypeInfo(global::System.Type type)");
        writer.Line("Options.TryGetTypeInfo(type, out " + Metadata + ".JsonTypeInfo? typeInfo);");
        writer.Line("return typeInfo;");
        writer.Close();
        writer.Line();
        writer.Open(Metadata + ".JsonTypeInfo? " + Metadata + ".IJsonTypeInfoResolver.GetTypeInfo(global::System.Type type, " + Options + " options)");
        foreach (var entry in entries)
        {
            writer.Line("if (type == typeof(" + entry.RuntimeName + ")) return __Info(options, " + ConverterFor(plan, entry) + ");");
        }

        writer.Line("return null;");
        writer.Close();

        foreach (var entry in entries)
        {
            switch (entry.Type.Kind)
            {
                case TypeRefKind.Model when !entry.Type.IsNullable && models[entry.Type.Name].Hierarchy is not null:
                    writer.Line();
                    EmitHierarchyMember(writer, plan, entry, models[entry.Type.Name]);
                    break;
                case TypeRefKind.Model when plan.ReadsByConstructor(entry.Type):
                    writer.Line();
                    EmitConstructorCall(writer, entry, models[entry.Type.Name]);
                    writer.Line();
                    EmitModelWriter(writer, plan, entry, models[entry.Type.Name]);
                    break;
                case TypeRefKind.List:
                case TypeRefKind.Dictionary:
                    writer.Line();
                    EmitCollection(writer, plan, entry);
                    break;
            }
        }

        writer.Line();
        EmitOwnHelpers(writer);
        writer.Close();

        // The reading constructors, one per plain model, in the models' own (partial) declarations.
        foreach (var entry in entries.Where(e => plan.ReadsByConstructor(e.Type)))
        {
            writer.Line();
            EmitReadingConstructor(writer, plan, models[entry.Type.Name]);
        }

        return writer.ToString();
    }

    private static List<Entry> CollectTypes(SpecModel spec)
    {
        var ordered = new List<TypeRef>();
        var seen = new HashSet<string>(System.StringComparer.Ordinal);

        void Add(TypeRef type)
        {
            var runtime = CSharp.Runtime(type);
            if (!seen.Add(TypeName(runtime)))
            {
                return;
            }

            ordered.Add(runtime);
            if (runtime.IsNullable)
            {
                Add(runtime with { IsNullable = false });
            }

            if (runtime.Element is not null)
            {
                Add(runtime.Element);
            }
        }

        foreach (var model in spec.Types)
        {
            Add(new TypeRef(model.Kind == TypeKind.Enum ? TypeRefKind.Enum : TypeRefKind.Model, model.Name, model.Kind == TypeKind.Enum, null, false));
        }

        foreach (var model in spec.Types)
        {
            foreach (var property in model.Properties)
            {
                Add(property.Type);
            }
        }

        foreach (var operation in spec.Operations)
        {
            if (operation.ResponseKind == ResponseKind.Json)
            {
                Add(operation.ResponseType!);
            }

            foreach (var body in operation.Parameters.Where(p => p.Location == ParameterLocation.Body && operation.Body is not { Kind: BodyKind.Text or BodyKind.Binary }))
            {
                Add(body.Type);
            }

            // A parameter sent as its JSON text (described by 'content' of a JSON media type) is written through its metadata.
            foreach (var parameter in operation.Parameters.Where(p => p.AsJsonText && !PrimitiveTypes.IsAny(p.Type)))
            {
                Add(parameter.Type.WithNullable(false));
            }

            // A multipart part sent as JSON (a list of objects, a map, ...) is written through its metadata too.
            foreach (var part in operation.Body is { Kind: BodyKind.Multipart } multipart ? multipart.Parts.Where(p => p.Kind == PartKind.Json) : Enumerable.Empty<PartModel>())
            {
                Add(operation.PartParameter(part).Type.WithNullable(false));
            }
        }

        var members = spec.JsonContext.Members.ToDictionary(m => m.TypeName, m => m.Member, System.StringComparer.Ordinal);
        var entries = new List<Entry>();
        for (var i = 0; i < ordered.Count; i++)
        {
            var type = ordered[i];
            var isPublic = type.Kind is TypeRefKind.Model or TypeRefKind.Enum && !type.IsNullable;
            var member = isPublic ? members[type.Name] : "__TypeInfo" + i;
            entries.Add(new Entry(type, TypeName(type), member, isPublic, i));
        }

        return entries;
    }

    /// <summary>A runtime type as this file spells it, through its aliases of the models' namespace and of System.Collections.Generic.</summary>
    private static string TypeName(TypeRef type) => CSharp.RuntimeType(type, ModelsEmitter.ModelsAlias, ModelsEmitter.CollectionsAlias);

    /// <summary>Whether a type reads and writes through its own converter class (<c>__Own{N}</c>): enums and unions.</summary>
    private static bool IsConverterBacked(TypeRef type, Dictionary<string, TypeModel> models)
        => type.Kind == TypeRefKind.Enum || (type.Kind == TypeRefKind.Model && models[type.Name].Kind == TypeKind.Union);

    /// <summary>The converter behind an entry's metadata.</summary>
    private static string ConverterFor(Plan plan, Entry entry)
    {
        var type = entry.Type;
        if (type.IsNullable)
        {
            return Services + ".GetNullableConverter<" + TypeName(type with { IsNullable = false }) + ">(options)";
        }

        if (plan.HasOwnConverter(type))
        {
            return "__Own" + entry.Index;
        }

        return type.Kind switch
        {
            TypeRefKind.Primitive => Services + "." + Primitives[type.Primitive].Converter,
            _ => "__Convert(__Read" + entry.Index + ", __Write" + entry.Index + ")",
        };
    }

    /// <summary>An expression that reads a value of <paramref name="type"/> at the reader's current token.</summary>
    /// <param name="context">What the context's own members (<c>__Read</c>, <c>__Own</c>) are reached through: nothing in the context, <see cref="ContextAlias"/> in a model's reading constructor.</param>
    private static string ReadExpression(Plan plan, TypeRef type, string context = "")
    {
        var runtime = CSharp.Runtime(type);
        // A nullable value type or a class read through a converter is null at a JSON null without asking the converter
        // (System.Text.Json does the same). That test is in shared helpers, one per kind, so each property's read is one
        // call rather than a target-typed conditional (GitHub's description: 68,763 bytes less; its compilation time
        // within noise, docs/benchmarks.md section 8).
        var inner = runtime with { IsNullable = false };
        var entry = plan.EntryFor(inner);
        if (OwnMethodIndex(plan, inner) is { } own)
        {
            var read = context + "__Read" + own + "(ref reader, options)";
            return runtime.IsNullable ? "__Null(ref reader) ? null : " + read : read;
        }

        switch (runtime.Kind)
        {
            case TypeRefKind.Primitive:
                var primitive = Primitives[runtime.Primitive];
                if (primitive.Read is not null)
                {
                    return runtime.IsNullable ? "__GetOrNull" + runtime.Primitive + "(ref reader)" : "reader." + primitive.Read + "()";
                }

                return ViaConverter(Services + "." + primitive.Converter, runtime);
            default:
                // An enum, or a model with a converter of its own (OwnMethodIndex took the rest).
                return ViaConverter(context + "__Own" + entry.Index, runtime);
        }

        // Through the converter: a nullable value type and a class (a union, a byte array) are null at a JSON null
        // without asking it, as System.Text.Json reads them; a value type is always handed to it.
        static string ViaConverter(string converter, TypeRef runtime)
            => (runtime.IsNullable ? "__ViaOrNull" : runtime.IsValueType ? "__Via" : "__ViaOrNullRef") + "(" + converter + ", ref reader, options)";
    }

    /// <summary>
    /// One statement that writes <paramref name="value"/> of <paramref name="type"/>, after its name when
    /// <paramref name="name"/> is given; <paramref name="notNull"/> when the value is known not to be null.
    /// </summary>
    private static string WriteStatement(Plan plan, TypeRef type, string value, string? name, bool notNull = false)
    {
        var runtime = CSharp.Runtime(type);
        var entry = plan.EntryFor(runtime);
        if (name is not null && PropertyWriter(runtime) is { } kind)
        {
            // A primitive property, null or not: one shared writer of its kind (a string's writes null itself).
            return (runtime.IsNullable && runtime.IsValueType ? "__PutOrNull" : "__Put") + kind + "(writer, " + name + ", " + value + ");";
        }

        if (runtime.IsNullable)
        {
            var present = WriteStatement(plan, runtime with { IsNullable = false }, "__value", name);
            // In braces: a pattern variable of an if statement is in scope for the rest of the enclosing block.
            return "{ if (" + value + " is { } __value) " + present + " else " + (name is null ? "writer.WriteNullValue();" : "writer.WriteNull(" + name + ");") + " }";
        }

        if (runtime.Kind == TypeRefKind.Primitive && Primitives[runtime.Primitive].WriteValue is { } writeValue)
        {
            return "writer." + writeValue + "(" + value + ");";
        }

        var prefix = name is null ? string.Empty : "__Key(writer, " + name + "); ";
        if (OwnMethodIndex(plan, runtime) is { } own)
        {
            return "{ " + prefix + "__Write" + own + "(writer, " + value + ", options); }";
        }

        switch (runtime.Kind)
        {
            case TypeRefKind.Primitive when Primitives[runtime.Primitive].IsReference && !notNull:
                // System.Text.Json writes null itself and never hands it to the converter of a reference type.
                return "{ " + prefix + "if (" + value + " is null) writer.WriteNullValue(); else " + Services + "." + Primitives[runtime.Primitive].Converter + ".Write(writer, " + value + ", options); }";
            case TypeRefKind.Primitive:
                return "{ " + prefix + Services + "." + Primitives[runtime.Primitive].Converter + ".Write(writer, " + value + ", options); }";
            case TypeRefKind.Enum:
                return "{ " + prefix + "__Own" + entry.Index + ".Write(writer, " + value + ", options); }";
            case TypeRefKind.Model when notNull:
                // A model with a converter of its own (OwnMethodIndex took the rest).
                return "{ " + prefix + "__Own" + entry.Index + ".Write(writer, " + value + ", options); }";
            default:
                return "{ " + prefix + "if (" + value + " is null) writer.WriteNullValue(); else __Own" + entry.Index + ".Write(writer, " + value + ", options); }";
        }
    }

    /// <summary>
    /// The kind whose shared property writers (<see cref="EmitPropertyWriters"/>) write a value of
    /// <paramref name="type"/>, or null for a type without them.
    /// </summary>
    private static string? PropertyWriter(TypeRef type)
        => type.Kind == TypeRefKind.Primitive && Primitives[type.Primitive].WriteProperty is not null ? type.Primitive.ToString() : null;

    /// <summary>
    /// The shared writers of a primitive property, three per kind: <c>__Put</c> (the value; a string's null as null),
    /// <c>__PutOrNull</c> (a nullable value type's value or null) and <c>__Optional</c> (the value, only when not
    /// null). Each has its own name and exact parameter types, so every call in the writers has one candidate:
    /// overload resolution among <c>Utf8JsonWriter</c>'s 28 <c>WriteString</c> and <c>WriteNumber</c> overloads,
    /// spans included, was a measurable part of compiling a big description's writers.
    /// </summary>
    private static void EmitPropertyWriters(SourceWriter writer)
    {
        writer.Line("// A primitive property's writers, by kind: one candidate per call in the generated writers.");
        writer.Line("internal static void __Key(__Json.Utf8JsonWriter writer, __Json.JsonEncodedText name) => writer.WritePropertyName(name);");
        foreach (var pair in Primitives.OrderBy(p => p.Key))
        {
            if (pair.Value.WriteProperty is not { } write)
            {
                continue;
            }

            var kind = pair.Key.ToString();
            var type = pair.Value.TypeName;
            var head = "internal static void {0}" + kind + "(__Json.Utf8JsonWriter writer, __Json.JsonEncodedText name, ";
            writer.Line();
            writer.Line(string.Format(head, "__Put") + type + (pair.Value.IsReference ? "?" : string.Empty) + " value) => writer." + write + "(name, value);");
            if (!pair.Value.IsReference)
            {
                writer.Line();
                writer.Line(string.Format(head, "__PutOrNull") + type + "? value) { if (value is { } present) writer." + write + "(name, present); else writer.WriteNull(name); }");
            }

            writer.Line();
            writer.Line(string.Format(head, "__Optional") + type + "? value) { if (value is { } present) writer." + write + "(name, present); }");
        }
    }

    /// <summary>
    /// The shared readers of a nullable primitive value, one per kind with a reader call (<c>__GetOrNullInt64</c>):
    /// null at a JSON null, else the reader's value, so that each property's read is one call (see
    /// <see cref="ReadExpression"/>).
    /// </summary>
    private static void EmitNullableReaders(SourceWriter writer)
    {
        writer.Line("// A nullable primitive's readers, by kind: null at a JSON null, else the reader's value.");
        foreach (var pair in Primitives.OrderBy(p => p.Key))
        {
            if (pair.Value.Read is not { } read || pair.Value.IsReference)
            {
                continue;
            }

            writer.Line("internal static " + pair.Value.TypeName + "? __GetOrNull" + pair.Key + "(ref __Json.Utf8JsonReader reader) => reader.TokenType == __Json.JsonTokenType.Null ? null : reader." + read + "();");
        }
    }

    /// <summary>The file's alias of the context class, with its dot, for the models' reading constructors.</summary>
    private const string ContextAlias = "__C.";

    /// <summary>
    /// The reader of a plain model: the shared <c>__ObjectReader</c> starts the object, and the model's reading
    /// constructor (<see cref="EmitReadingConstructor"/>) sets each property as its name comes; a failure gets the
    /// property's segment in front of the JSON path.
    /// </summary>
    private static void EmitConstructorCall(SourceWriter writer, Entry entry, TypeModel model)
    {
        writer.Block($$"""
            internal static {{entry.RuntimeName}}? __Read{{entry.Index}}({{Reader}}, {{Options}} options)
            {
                {{ObjectReaderStart(entry, model.Properties)}}
                if (__o.IsNull) return null;
                try { return new {{entry.RuntimeName}}(ref reader, ref __o, options); }
                catch (global::System.Exception exception) when (__o.CanWrap(exception)) { throw __o.Wrap(exception, ref reader); }
            }
            """);
    }

    /// <summary>
    /// A plain model's part with its reading constructor: each property is set (its init accessor runs, so a property
    /// written only when set records that it was) as <c>__ObjectReader</c> finds its name, which also checks the
    /// required ones at the end; declaring a constructor takes the implicit parameterless one away, so it is declared too.
    /// </summary>
    private static void EmitReadingConstructor(SourceWriter writer, Plan plan, TypeModel model)
    {
        writer.Open("partial record " + model.Name);
        writer.Line("/// <summary>An empty " + model.Name + ", to fill with an object initializer.</summary>");
        writer.Open("public " + model.Name + "()");
        writer.Close();
        writer.Line();
        writer.Line("[global::System.Diagnostics.CodeAnalysis.SetsRequiredMembers]");
        writer.Open("internal " + model.Name + "(" + Reader + ", ref __ObjectReader __o, " + Options + " options)");
        EmitPropertyLoop(writer, plan, model.Properties, i => model.Properties[i].Name, ContextAlias, model.OtherMembers);
        writer.Close();
        writer.Close();
    }

    /// <summary>The statement that starts a model's <c>__ObjectReader</c> at the reader's value: its type, table of names and count of required properties.</summary>
    private static string ObjectReaderStart(Entry entry, IReadOnlyList<PropertyModel> properties)
        => "var __o = new __ObjectReader(ref reader, typeof(" + entry.RuntimeName + "), " + NameTable(properties) + ", " + properties.Count(p => p.IsRequiredOnRead) + ");";

    /// <summary>
    /// The loop over an object's properties: <c>__ObjectReader</c> moves to each property the model has, and a switch on its
    /// index reads the value into <paramref name="target"/> of the property's index.
    /// </summary>
    /// <param name="context">What the context's own members are reached through (<see cref="ReadExpression"/>).</param>
    /// <param name="others">The property that keeps the members the model does not declare, or null to skip them.</param>
    private static void EmitPropertyLoop(SourceWriter writer, Plan plan, IReadOnlyList<PropertyModel> properties, System.Func<int, string> target, string context = "", string? others = null)
    {
        writer.Open(others is null ? "while (__o.Next(ref reader))" : "while (__o.NextOrOther(ref reader))");
        if (properties.Count > 0 || others is not null)
        {
            writer.Open("switch (__o.Index)");
            if (others is not null)
            {
                // As System.Text.Json fills extension data: made when the first other member comes, a repeated name's last value kept.
                writer.Line("case -1: (" + others + " ??= new " + ModelsEmitter.CollectionsAlias + "Dictionary<string, " + Json + ".JsonElement>())[__o.Other!] = " + Json + ".JsonElement.ParseValue(ref reader); break;");
            }

            for (var i = 0; i < properties.Count; i++)
            {
                writer.Line("case " + i + ": " + target(i) + " = " + ReadExpression(plan, properties[i].Type, context) + "; break;");
            }

            writer.Close();
        }

        writer.Close();
    }

    /// <summary>
    /// The reader of a model: the shared <c>__ObjectReader</c> finds each UTF-8 name in the model's table of names (and
    /// checks the required ones at the end), a switch reads the value into a local, and a failure gets the property's
    /// segment in front of the JSON path; then one object initializer.
    /// </summary>
    /// <param name="prologue">Statements after the start of the object is checked (a hierarchy's dispatch on its discriminator, say).</param>
    /// <param name="arguments">The arguments of the model's constructor.</param>
    private static void EmitModelReader(SourceWriter writer, Plan plan, Entry entry, TypeModel model, System.Action<SourceWriter>? prologue = null, string arguments = "")
    {
        var properties = model.Properties;
        writer.Open("internal static " + entry.RuntimeName + "? __Read" + entry.Index + "(" + Reader + ", " + Options + " options)");
        writer.Line(ObjectReaderStart(entry, properties));
        writer.Line("if (__o.IsNull) return null;");
        prologue?.Invoke(writer);

        // One declaration per type, its locals in the order of the properties.
        foreach (var group in properties.Select((p, i) => (Type: TypeName(p.Type), Index: i)).GroupBy(x => x.Type, System.StringComparer.Ordinal))
        {
            writer.Line(group.Key + " " + string.Join(", ", group.Select(x => "__p" + x.Index + " = default")) + ";");
        }

        if (properties.Count == 0)
        {
            EmitPropertyLoop(writer, plan, properties, i => "__p" + i);
        }
        else
        {
            writer.Open("try");
            EmitPropertyLoop(writer, plan, properties, i => "__p" + i);
            writer.Close();
            writer.Open("catch (global::System.Exception exception) when (__o.CanWrap(exception))");
            writer.Line("throw __o.Wrap(exception, ref reader);");
            writer.Close();
        }

        writer.Line();
        var whenSet = properties.Select((p, i) => (p, i)).Where(x => x.p.Write == PropertyWrite.WhenSet).ToList();
        var result = whenSet.Count == 0 ? "return" : "var __result =";
        if (properties.Count == 0)
        {
            writer.Line(result + " new " + entry.RuntimeName + "(" + arguments + ");");
        }
        else
        {
            writer.Line(result + " new " + entry.RuntimeName + "(" + arguments + ")");
            writer.Line("{");
            writer.Indent();
            for (var i = 0; i < properties.Count; i++)
            {
                writer.Line(properties[i].Name + " = __p" + i + ",");
            }

            writer.Outdent();
            writer.Line("};");
        }

        if (whenSet.Count > 0)
        {
            // The initializer set every property; one the document left out is unset again, so it is not written back.
            foreach (var (property, i) in whenSet)
            {
                writer.Line("__result." + ModelsEmitter.SetField(property) + " = __o.Seen(" + i + ");");
            }

            writer.Line("return __result;");
        }

        writer.Close();
    }

    /// <summary>
    /// The model's table of names for <c>__ObjectReader</c>, as a UTF-8 literal: per property, a header (0x40 when
    /// required, and the name's UTF-8 length in the low six bits, or 0x3F and the length in six-bit groups, high first,
    /// each with 0x40 when another follows), then the name.
    /// </summary>
    private static string NameTable(IReadOnlyList<PropertyModel> properties)
    {
        var table = new System.Text.StringBuilder();
        foreach (var property in properties)
        {
            var flag = property.IsRequiredOnRead ? 0x40 : 0;
            var length = System.Text.Encoding.UTF8.GetByteCount(property.WireName);
            if (length < 0x3F)
            {
                table.Append((char)(flag | length));
            }
            else
            {
                table.Append((char)(flag | 0x3F));
                var groups = new List<int>();
                for (var rest = length; rest > 0 || groups.Count == 0; rest >>= 6)
                {
                    groups.Insert(0, rest & 0x3F);
                }

                for (var i = 0; i < groups.Count; i++)
                {
                    table.Append((char)(groups[i] | (i < groups.Count - 1 ? 0x40 : 0)));
                }
            }

            table.Append(property.WireName);
        }

        return CSharp.Literal(table.ToString()) + "u8";
    }

    /// <param name="prologue">Statements after the null check (a hierarchy's dispatch on the runtime type, say).</param>
    private static void EmitModelWriter(SourceWriter writer, Plan plan, Entry entry, TypeModel model, System.Action<SourceWriter>? prologue = null)
    {
        writer.Open("private static void __Write" + entry.Index + "(" + Writer + ", " + entry.RuntimeName + "? value, " + Options + " options)");
        writer.Line("if (value is null) { writer.WriteNullValue(); return; }");
        prologue?.Invoke(writer);
        if (prologue is null && IsFlat(model))
        {
            EmitFlatAttempt(writer, plan, model);
        }

        writer.Line("writer.WriteStartObject();");
        if (model.Hierarchy is { } hierarchy)
        {
            writer.Line("__PutString(writer, __Name" + plan.Names[hierarchy.DiscriminatorProperty] + ", value." + hierarchy.DiscriminatorMember + ");");
        }

        for (var i = 0; i < model.Properties.Count; i++)
        {
            var property = model.Properties[i];
            var name = "__Name" + plan.Names[property.WireName];
            var value = "value." + property.Name;
            switch (property.Write)
            {
                case PropertyWrite.WhenNotNull when PropertyWriter(property.Type) is { } kind:
                    // A number, string, Boolean, date or Guid written only when not null: one shared helper call.
                    writer.Line("__Optional" + kind + "(writer, " + name + ", " + value + ");");
                    break;
                case PropertyWrite.WhenNotNull:
                    // Written only when not null: the value is bound once and written without a second null check (each
                    // pattern variable has its own name, being in scope for the rest of the method).
                    writer.Line("if (" + value + " is { } __w" + i + ") " + WriteStatement(plan, property.Type with { IsNullable = false }, "__w" + i, name, notNull: true));
                    break;
                case PropertyWrite.WhenSet:
                    writer.Line("if (value." + ModelsEmitter.SetField(property) + ") " + WriteStatement(plan, property.Type, value, name));
                    break;
                default:
                    writer.Line(WriteStatement(plan, property.Type, value, name));
                    break;
            }
        }

        if (model.OtherMembers is { } others)
        {
            writer.Line("__WriteOthers(writer, value." + others + ");");
        }

        writer.Line("writer.WriteEndObject();");
        writer.Close();
    }

    private static void EmitCollection(SourceWriter writer, Plan plan, Entry entry)
    {
        var element = entry.Type.Element!;
        var elementType = TypeName(element);
        var kind = entry.Type.Kind == TypeRefKind.List ? "List" : "Dictionary";
        // An element with a reader and writer of its own is passed as the method group (a static method group's delegate
        // is cached like a lambda's, C# 11); any other element gets a lambda around its read expression or write statement.
        var own = OwnMethodIndex(plan, element);
        var read = own is { } readIndex ? "__Read" + readIndex : "static (" + Reader + ", " + Options + " options) => " + ReadExpression(plan, element);
        var write = own is { } writeIndex ? "__Write" + writeIndex : "static (" + Writer + ", " + elementType + " value, " + Options + " options) => { " + WriteStatement(plan, element, "value", null) + " }";
        writer.Line("internal static " + entry.RuntimeName + "? __Read" + entry.Index + "(" + Reader + ", " + Options + " options) => __Read" + kind + "<" + elementType + ">(ref reader, " + read + ", options);");
        writer.Line();
        writer.Line("private static void __Write" + entry.Index + "(" + Writer + ", " + entry.RuntimeName + "? value, " + Options + " options) => __Write" + kind + "<" + elementType + ">(writer, value, " + write + ", options);");
    }

    /// <summary>
    /// The index of the <c>__Read</c>/<c>__Write</c> pair that reads and writes <paramref name="type"/> with nothing
    /// around the call (a model without a converter of its own, a collection); null when the value needs more (a null
    /// check, a converter). The one place this is decided: <see cref="ReadExpression"/>, <see cref="WriteStatement"/>
    /// and the collections' method groups all ask it.
    /// </summary>
    private static int? OwnMethodIndex(Plan plan, TypeRef type)
    {
        var runtime = CSharp.Runtime(type);
        if (runtime.IsNullable || runtime.Kind is TypeRefKind.Primitive or TypeRefKind.Enum || (runtime.Kind == TypeRefKind.Model && plan.HasOwnConverter(runtime)))
        {
            return null;
        }

        return plan.EntryFor(runtime).Index;
    }

    /// <summary>The characters that make System.Text.Json write a property name in a path as <c>['name']</c>.</summary>
    private const string SpecialPathCharacters = ". '/\"[]()\t\n\r\f\b\\\u0085\u2028\u2029";

    /// <summary>
    /// The members that need the context itself (its options, itself as the resolver of what it creates); the rest is
    /// shared by every context of the compilation (<see cref="EmitHelpers"/>).
    /// </summary>
    private static void EmitOwnHelpers(SourceWriter writer)
    {
        writer.Line("private " + Metadata + ".JsonTypeInfo<T> __Get<T>(int slot) => (" + Metadata + ".JsonTypeInfo<T>)(__t[slot] ??= Options.GetTypeInfo(typeof(T)));");
        writer.Line();
        writer.Open(Metadata + ".JsonTypeInfo<T> __Info<T>(" + Options + " options, __Json.Serialization.JsonConverter<T> converter)");
        writer.Open("for (int i = 0; i < options.Converters.Count; i++)");
        writer.Open("if (options.Converters[i] is { } candidate && candidate.CanConvert(typeof(T)))");
        writer.Line("converter = (__Json.Serialization.JsonConverter<T>)__Expand(candidate, typeof(T), options);");
        writer.Line("break;");
        writer.Close();
        writer.Close();
        writer.Line();
        writer.Line("var typeInfo = " + Metadata + ".JsonMetadataServices.CreateValueInfo<T>(options, converter);");
        writer.Line("typeInfo.OriginatingResolver = this;");
        writer.Line("return typeInfo;");
        writer.Close();
    }
}
