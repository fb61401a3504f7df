using System.Collections.Generic;
using System.Linq;
using CelerData.Generated.Model;

namespace CelerData.Generated.Emitting;

/// <summary>
/// Writes <c>{ClientName}JsonContext</c>: complete System.Text.Json metadata for every model, in the
/// shape the System.Text.Json source generator gives an identical hand-written type. The System.Text.Json
/// generator never sees code another generator emits, so this generator writes the metadata itself.
/// </summary>
internal static class JsonContextEmitter
{
    private const string Metadata = "global::System.Text.Json.Serialization.Metadata";
    private const string Options = "global::System.Text.Json.JsonSerializerOptions";

    private static readonly Dictionary<string, string> Converters = new(System.StringComparer.Ordinal)
    {
        ["string"] = "StringConverter",
        ["int"] = "Int32Converter",
        ["long"] = "Int64Converter",
        ["bool"] = "BooleanConverter",
        ["double"] = "DoubleConverter",
        ["float"] = "SingleConverter",
        ["decimal"] = "DecimalConverter",
        ["global::System.DateTimeOffset"] = "DateTimeOffsetConverter",
        ["global::System.DateOnly"] = "DateOnlyConverter",
        ["global::System.TimeOnly"] = "TimeOnlyConverter",
        ["global::System.TimeSpan"] = "TimeSpanConverter",
        ["global::System.Guid"] = "GuidConverter",
        ["byte[]"] = "ByteArrayConverter",
        ["global::System.Uri"] = "UriConverter",
        ["global::System.Text.Json.JsonElement"] = "JsonElementConverter",
    };

    private static readonly HashSet<string> ReservedMembers = new(System.StringComparer.Ordinal)
    {
        "Default", "Options", "GeneratedSerializerOptions", "GetTypeInfo", "Equals", "GetHashCode", "ToString",
        "GetType", "MemberwiseClone", "Finalize", "TryGetTypeInfoForRuntimeCustomConverter", "GetRuntimeConverterForType",
        "ExpandConverter",
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

    public static string Emit(SpecModel spec)
    {
        var ns = spec.Namespace;
        var context = "global::" + ns + "." + spec.JsonContextName;
        var entries = CollectTypes(spec);
        var byRuntime = entries.ToDictionary(e => e.RuntimeName, System.StringComparer.Ordinal);
        var models = spec.Types.ToDictionary(t => t.Name, System.StringComparer.Ordinal);

        // Each wire name is encoded once, numbered in order of first use.
        var propertyNames = new Dictionary<string, int>(System.StringComparer.Ordinal);
        foreach (var model in spec.Types.Where(t => t.Kind == TypeKind.Object))
        {
            foreach (var property in model.Properties)
            {
                if (!propertyNames.ContainsKey(property.WireName))
                {
                    propertyNames.Add(property.WireName, propertyNames.Count);
                }
            }
        }

        var writer = SourceWriter.CreateFile(nullableWarnings: false);
        writer.Open("namespace " + ns);
        writer.Summary("System.Text.Json metadata for every model of " + spec.Title + ", written out ahead of time: no reflection, safe for trimming and Native AOT.");
        writer.Line(CSharp.GeneratedCodeAttribute);
        writer.Open("public partial class " + spec.JsonContextName + " : global::System.Text.Json.Serialization.JsonSerializerContext, " + Metadata + ".IJsonTypeInfoResolver");
        writer.Line("private static readonly " + Options + " s_defaultOptions = new();");
        writer.Line();
        foreach (var name in propertyNames.OrderBy(n => n.Value))
        {
            writer.Line("private static readonly global::System.Text.Json.JsonEncodedText __Name" + name.Value + " = global::System.Text.Json.JsonEncodedText.Encode(" + CSharp.Literal(name.Key) + ");");
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

        foreach (var entry in entries)
        {
            writer.Line();
            EmitEntry(writer, spec, entry, models, byRuntime, propertyNames);
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
            writer.Open("if (type == typeof(" + entry.RuntimeName + "))");
            writer.Line("return __Create" + entry.Index + "(options);");
            writer.Close();
        }

        writer.Line("return null;");
        writer.Close();
        writer.Line();
        EmitConverterHelpers(writer);
        writer.Close();
        writer.Close();
        return writer.ToString();
    }

    private static List<Entry> CollectTypes(SpecModel spec)
    {
        var ordered = new List<TypeRef>();
        var seen = new HashSet<string>(System.StringComparer.Ordinal);

        void Add(TypeRef type)
        {
            var runtime = CSharp.Runtime(type);
            if (!seen.Add(CSharp.RuntimeType(runtime, spec.Namespace)))
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

            foreach (var body in operation.Parameters.Where(p => p.Location == ParameterLocation.Body))
            {
                Add(body.Type);
            }
        }

        var entries = new List<Entry>();
        for (var i = 0; i < ordered.Count; i++)
        {
            var type = ordered[i];
            var isPublic = type.Kind is TypeRefKind.Model or TypeRefKind.Enum && !type.IsNullable;
            var member = isPublic ? PublicMember(spec, type.Name) : "__TypeInfo" + i;
            entries.Add(new Entry(type, CSharp.RuntimeType(type, spec.Namespace), member, isPublic, i));
        }

        return entries;
    }

    private static string PublicMember(SpecModel spec, string name)
        => ReservedMembers.Contains(name) || name == spec.JsonContextName ? name + "TypeInfo" : name;

    private static void EmitEntry(SourceWriter writer, SpecModel spec, Entry entry, Dictionary<string, TypeModel> models, Dictionary<string, Entry> byRuntime, Dictionary<string, int> propertyNames)
    {
        var info = Metadata + ".JsonTypeInfo<" + entry.RuntimeName + ">";
        writer.Line("private " + info + "? _typeInfo" + entry.Index + ";");
        writer.Line();
        if (entry.IsPublic)
        {
            writer.Line("/// <summary>Metadata for <see cref=\"" + entry.RuntimeName + "\"/>.</summary>");
        }

        writer.Line((entry.IsPublic ? "public " : "private ") + info + " " + entry.Member);
        writer.Line("{");
        writer.Indent().Line("get => _typeInfo" + entry.Index + " ??= (" + info + ")Options.GetTypeInfo(typeof(" + entry.RuntimeName + "));").Outdent();
        writer.Line("}");
        writer.Line();
        writer.Open("private " + info + " __Create" + entry.Index + "(" + Options + " options)");
        writer.Open("if (!TryGetTypeInfoForRuntimeCustomConverter<" + entry.RuntimeName + ">(options, out " + info + " jsonTypeInfo))");
        var type = entry.Type;
        var ns = spec.Namespace;
        if (type.IsNullable)
        {
            writer.Line("jsonTypeInfo = " + Metadata + ".JsonMetadataServices.CreateValueInfo<" + entry.RuntimeName + ">(options, " + Metadata + ".JsonMetadataServices.GetNullableConverter<" + CSharp.RuntimeType(type with { IsNullable = false }, ns) + ">(options));");
        }
        else if (type.Kind == TypeRefKind.Primitive)
        {
            writer.Line("jsonTypeInfo = " + Metadata + ".JsonMetadataServices.CreateValueInfo<" + entry.RuntimeName + ">(options, " + Metadata + ".JsonMetadataServices." + Converters[type.Name] + ");");
        }
        else if (type.Kind == TypeRefKind.Enum || IsUnion(type, models))
        {
            writer.Line("global::System.Text.Json.Serialization.JsonConverter converter = ExpandConverter(typeof(" + entry.RuntimeName + "), new global::" + ns + "." + type.Name + "JsonConverter(), options);");
            writer.Line("jsonTypeInfo = " + Metadata + ".JsonMetadataServices.CreateValueInfo<" + entry.RuntimeName + ">(options, converter);");
        }
        else if (type.Kind == TypeRefKind.List)
        {
            var element = CSharp.RuntimeType(type.Element!, ns);
            writer.Line("var info = new " + Metadata + ".JsonCollectionInfoValues<" + entry.RuntimeName + ">");
            writer.Line("{");
            writer.Indent().Line("ObjectCreator = null,").Line("SerializeHandler = null,").Outdent();
            writer.Line("};");
            writer.Line("jsonTypeInfo = " + Metadata + ".JsonMetadataServices.CreateIEnumerableInfo<" + entry.RuntimeName + ", " + element + ">(options, info);");
            writer.Line("jsonTypeInfo.NumberHandling = null;");
        }
        else if (type.Kind == TypeRefKind.Dictionary)
        {
            var value = CSharp.RuntimeType(type.Element!, ns);
            writer.Line("var info = new " + Metadata + ".JsonCollectionInfoValues<" + entry.RuntimeName + ">");
            writer.Line("{");
            writer.Indent().Line("ObjectCreator = static () => new global::System.Collections.Generic.Dictionary<string, " + value + ">(),").Line("SerializeHandler = null,").Outdent();
            writer.Line("};");
            writer.Line("jsonTypeInfo = " + Metadata + ".JsonMetadataServices.CreateIReadOnlyDictionaryInfo<" + entry.RuntimeName + ", string, " + value + ">(options, info);");
            writer.Line("jsonTypeInfo.NumberHandling = null;");
        }
        else
        {
            EmitObjectInfo(writer, spec, entry, models[type.Name]);
        }

        writer.Close();
        writer.Line();
        writer.Line("jsonTypeInfo.OriginatingResolver = this;");
        writer.Line("return jsonTypeInfo;");
        writer.Close();

        if (type.Kind == TypeRefKind.Model && !type.IsNullable && !IsUnion(type, models))
        {
            var model = models[type.Name];
            writer.Line();
            EmitPropertyInit(writer, spec, entry, model);
            writer.Line();
            if (model.Properties.Count > 0)
            {
                EmitAccessors(writer, spec, entry, model);
                writer.Line();
            }

            EmitSerializeHandler(writer, spec, entry, model, byRuntime, propertyNames);
            if (model.Properties.Count > 0)
            {
                // Only the .NET 8 path creates the object from constructor parameters.
                writer.Line();
                writer.Line("#if !NET9_0_OR_GREATER");
                EmitConstructorParameters(writer, spec, entry, model);
                writer.Line("#endif");
            }
        }
    }

    /// <summary>Whether a model type is a union, which reads and writes through its own converter like an enum.</summary>
    private static bool IsUnion(TypeRef type, Dictionary<string, TypeModel> models)
        => type.Kind == TypeRefKind.Model && models[type.Name].Kind == TypeKind.Union;

    private static void EmitObjectInfo(SourceWriter writer, SpecModel spec, Entry entry, TypeModel model)
    {
        var ns = spec.Namespace;
        writer.Line("var objectInfo = new " + Metadata + ".JsonObjectInfoValues<" + entry.RuntimeName + ">");
        writer.Line("{");
        writer.Indent();
        if (model.Properties.Count == 0)
        {
            writer.Line("ObjectCreator = static () => new " + entry.RuntimeName + "(),");
            writer.Line("ObjectWithParameterizedConstructorCreator = null,");
        }
        else
        {
            // Every property is init-only, so like the System.Text.Json generator the object is created in one
            // step from all the values read, and required members are checked by the serializer.
            // On .NET 9 and later the object is created empty and each init-only property set as it is read, through
            // UnsafeAccessor (no reflection, AOT-safe): no argument array, no boxing, faster than the one-step path.
            var assignments = string.Join(", ", model.Properties.Select((p, i) => p.Name + " = (" + CSharp.RuntimeType(p.Type, ns) + ")args[" + i + "]"));
            writer.Line("#if NET9_0_OR_GREATER");
            writer.Line("ObjectCreator = static () => __New" + entry.Index + "(),");
            writer.Line("#else");
            writer.Line("ObjectCreator = null,");
            writer.Line("ObjectWithParameterizedConstructorCreator = static args => new " + entry.RuntimeName + "() { " + assignments + " },");
            writer.Line("ConstructorParameterMetadataInitializer = __CtorParams" + entry.Index + ",");
            writer.Line("#endif");
        }

        writer.Line("PropertyMetadataInitializer = _ => __Properties" + entry.Index + "(options),");
        writer.Line("SerializeHandler = __Serialize" + entry.Index + ",");
        writer.Outdent();
        writer.Line("};");
        writer.Line("jsonTypeInfo = " + Metadata + ".JsonMetadataServices.CreateObjectInfo<" + entry.RuntimeName + ">(options, objectInfo);");
        writer.Line("jsonTypeInfo.NumberHandling = null;");
    }

    private static void EmitPropertyInit(SourceWriter writer, SpecModel spec, Entry entry, TypeModel model)
    {
        var ns = spec.Namespace;
        writer.Open("private static " + Metadata + ".JsonPropertyInfo[] __Properties" + entry.Index + "(" + Options + " options)");
        writer.Line("var properties = new " + Metadata + ".JsonPropertyInfo[" + model.Properties.Count + "];");
        for (var i = 0; i < model.Properties.Count; i++)
        {
            var property = model.Properties[i];
            var propertyType = CSharp.RuntimeType(property.Type, ns);
            writer.Line();
            writer.Line("var info" + i + " = new " + Metadata + ".JsonPropertyInfoValues<" + propertyType + ">");
            writer.Line("{");
            writer.Indent();
            writer.Line("IsProperty = true,");
            writer.Line("IsPublic = true,");
            writer.Line("IsVirtual = false,");
            writer.Line("DeclaringType = typeof(" + entry.RuntimeName + "),");
            writer.Line("Converter = null,");
            writer.Line("Getter = static obj => ((" + entry.RuntimeName + ")obj)." + property.Name + ",");
            writer.Line("#if NET9_0_OR_GREATER");
            writer.Line("Setter = static (obj, value) => __Set" + entry.Index + "_" + i + "((" + entry.RuntimeName + ")obj, value!),");
            writer.Line("#else");
            writer.Line("Setter = static (obj, value) => throw new global::System.InvalidOperationException(\"Setting init-only properties is not supported in source generation mode.\"),");
            writer.Line("#endif");
            writer.Line("IgnoreCondition = " + (property.Write == PropertyWrite.WhenNotNull ? "global::System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull" : "null") + ",");
            writer.Line("HasJsonInclude = false,");
            writer.Line("IsExtensionData = false,");
            writer.Line("NumberHandling = null,");
            writer.Line("PropertyName = " + CSharp.Literal(property.Name) + ",");
            writer.Line("JsonPropertyName = " + CSharp.Literal(property.WireName) + ",");
            writer.Outdent();
            writer.Line("};");
            writer.Line("properties[" + i + "] = " + Metadata + ".JsonMetadataServices.CreatePropertyInfo<" + propertyType + ">(options, info" + i + ");");
            if (property.IsRequiredOnRead)
            {
                writer.Line("properties[" + i + "].IsRequired = true;");
            }

            if (property.Write == PropertyWrite.WhenSet)
            {
                writer.Line("properties[" + i + "].ShouldSerialize = static (obj, _) => ((" + entry.RuntimeName + ")obj)." + ModelsEmitter.SetField(property) + ";");
            }

            if (!property.Type.IsNullable && !property.Type.IsValueType)
            {
                writer.Line("#if NET9_0_OR_GREATER");
                writer.Line("properties[" + i + "].IsGetNullable = false;");
                writer.Line("properties[" + i + "].IsSetNullable = false;");
                writer.Line("#endif");
            }
        }

        writer.Line();
        writer.Line("return properties;");
        writer.Close();
    }

    private static void EmitAccessors(SourceWriter writer, SpecModel spec, Entry entry, TypeModel model)
    {
        writer.Line("#if NET9_0_OR_GREATER");
        writer.Line("[global::System.Runtime.CompilerServices.UnsafeAccessor(global::System.Runtime.CompilerServices.UnsafeAccessorKind.Constructor)]");
        writer.Line("private static extern " + entry.RuntimeName + " __New" + entry.Index + "();");
        for (var i = 0; i < model.Properties.Count; i++)
        {
            var property = model.Properties[i];
            writer.Line();
            writer.Line("[global::System.Runtime.CompilerServices.UnsafeAccessor(global::System.Runtime.CompilerServices.UnsafeAccessorKind.Method, Name = " + CSharp.Literal("set_" + property.Name) + ")]");
            writer.Line("private static extern void __Set" + entry.Index + "_" + i + "(" + entry.RuntimeName + " obj, " + CSharp.RuntimeType(property.Type, spec.Namespace) + " value);");
        }

        writer.Line("#endif");
    }

    private static void EmitConstructorParameters(SourceWriter writer, SpecModel spec, Entry entry, TypeModel model)
    {
        writer.Open("private static " + Metadata + ".JsonParameterInfoValues[] __CtorParams" + entry.Index + "()");
        writer.Line("var parameters = new " + Metadata + ".JsonParameterInfoValues[" + model.Properties.Count + "];");
        for (var i = 0; i < model.Properties.Count; i++)
        {
            var property = model.Properties[i];
            writer.Line("parameters[" + i + "] = new()");
            writer.Line("{");
            writer.Indent();
            writer.Line("Name = " + CSharp.Literal(property.Name) + ",");
            writer.Line("ParameterType = typeof(" + CSharp.RuntimeType(property.Type, spec.Namespace) + "),");
            writer.Line("Position = " + i + ",");
            writer.Outdent();
            writer.Line("};");
        }

        writer.Line("return parameters;");
        writer.Close();
    }

    private static void EmitSerializeHandler(SourceWriter writer, SpecModel spec, Entry entry, TypeModel model, Dictionary<string, Entry> byRuntime, Dictionary<string, int> propertyNames)
    {
        var ns = spec.Namespace;
        writer.Open("private void __Serialize" + entry.Index + "(global::System.Text.Json.Utf8JsonWriter writer, " + entry.RuntimeName + "? value)");
        writer.Open("if (value is null)");
        writer.Line("writer.WriteNullValue();");
        writer.Line("return;");
        writer.Close();
        writer.Line();
        writer.Line("writer.WriteStartObject();");
        foreach (var property in model.Properties)
        {
            var name = "__Name" + propertyNames[property.WireName];
            var access = "value." + property.Name;
            var runtime = CSharp.RuntimeType(property.Type, ns);
            var guard = property.Write switch
            {
                PropertyWrite.WhenNotNull => access + " is not null",
                PropertyWrite.WhenSet => "value." + ModelsEmitter.SetField(property),
                _ => null,
            };
            if (guard is not null)
            {
                writer.Open("if (" + guard + ")");
            }

            switch (runtime)
            {
                case "string":
                    writer.Line("writer.WriteString(" + name + ", " + access + ");");
                    break;
                case "bool":
                    writer.Line("writer.WriteBoolean(" + name + ", " + access + ");");
                    break;
                case "int":
                case "long":
                    writer.Line("writer.WriteNumber(" + name + ", " + access + ");");
                    break;
                default:
                    writer.Line("writer.WritePropertyName(" + name + ");");
                    writer.Line("global::System.Text.Json.JsonSerializer.Serialize(writer, " + access + ", " + byRuntime[runtime].Member + ");");
                    break;
            }

            if (guard is not null)
            {
                writer.Close();
            }
        }

        writer.Line();
        writer.Line("writer.WriteEndObject();");
        writer.Close();
    }

    private static void EmitConverterHelpers(SourceWriter writer)
    {
        writer.Open("private static bool TryGetTypeInfoForRuntimeCustomConverter<TJsonMetadataType>(" + Options + " options, out " + Metadata + ".JsonTypeInfo<TJsonMetadataType> jsonTypeInfo)");
        writer.Line("global::System.Text.Json.Serialization.JsonConverter? converter = GetRuntimeConverterForType(typeof(TJsonMetadataType), options);");
        writer.Open("if (converter != null)");
        writer.Line("jsonTypeInfo = " + Metadata + ".JsonMetadataServices.CreateValueInfo<TJsonMetadataType>(options, converter);");
        writer.Line("return true;");
        writer.Close();
        writer.Line();
        writer.Line("jsonTypeInfo = null;");
        writer.Line("return false;");
        writer.Close();
        writer.Line();
        writer.Open("private static global::System.Text.Json.Serialization.JsonConverter? GetRuntimeConverterForType(global::System.Type type, " + Options + " options)");
        writer.Open("for (int i = 0; i < options.Converters.Count; i++)");
        writer.Line("global::System.Text.Json.Serialization.JsonConverter? converter = options.Converters[i];");
        writer.Open("if (converter?.CanConvert(type) == true)");
        writer.Line("return ExpandConverter(type, converter, options, validateCanConvert: false);");
        writer.Close();
        writer.Close();
        writer.Line();
        writer.Line("return null;");
        writer.Close();
        writer.Line();
        writer.Open("private static global::System.Text.Json.Serialization.JsonConverter ExpandConverter(global::System.Type type, global::System.Text.Json.Serialization.JsonConverter converter, " + Options + " options, bool validateCanConvert = true)");
        writer.Open("if (validateCanConvert && !converter.CanConvert(type))");
        writer.Line("throw new global::System.InvalidOperationException(string.Format(\"The converter '{0}' is not compatible with the type '{1}'.\", converter.GetType(), type));");
        writer.Close();
        writer.Line();
        writer.Open("if (converter is global::System.Text.Json.Serialization.JsonConverterFactory factory)");
        writer.Line("converter = factory.CreateConverter(type, options);");
        writer.Open("if (converter is null || converter is global::System.Text.Json.Serialization.JsonConverterFactory)");
        writer.Line("throw new global::System.InvalidOperationException(string.Format(\"The converter '{0}' cannot return null or a JsonConverterFactory instance.\", factory.GetType()));");
        writer.Close();
        writer.Close();
        writer.Line();
        writer.Line("return converter;");
        writer.Close();
    }
}
