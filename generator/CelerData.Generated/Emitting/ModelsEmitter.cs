using System.Linq;
using CelerData.Generated.Model;

namespace CelerData.Generated.Emitting;

/// <summary>Writes the models: a sealed record per object schema; per string enum an open enum struct (<see cref="OpenEnumEmitter"/>) or a C# enum, with its JSON converter; a union class per oneOf/anyOf (<see cref="UnionEmitter"/>).</summary>
internal static class ModelsEmitter
{
    public static string Emit(SpecModel spec)
    {
        // A property the description does not describe has no summary (its name and wire name say all there is).
        // Annotations without warnings, as in every generated file: a record's constructors are flow-analyzed together
        // when any part of the record is in a nullable warnings context, so `#nullable enable` here made the compiler
        // analyze the reading constructors of the JSON context file too (a tenth of the compilation on GitHub's
        // description). The consumer's code still sees every annotation.
        var writer = SourceWriter.CreateFile(nullableWarnings: false, undocumentedMembers: true);
        // Every type and property carries attributes: the aliases keep them short.
        writer.Block("""
            using __Ser = global::System.Text.Json.Serialization;
            using __Name = global::System.Text.Json.Serialization.JsonPropertyNameAttribute;
            using __Ignore = global::System.Text.Json.Serialization.JsonIgnoreAttribute;
            using __When = global::System.Text.Json.Serialization.JsonIgnoreCondition;
            using __Gen = global::System.CodeDom.Compiler.GeneratedCodeAttribute;
            """);
        EmitAliases(writer, spec.Namespace);
        writer.Line();
        writer.Open("namespace " + spec.Namespace);
        var first = true;
        if (OpenEnumEmitter.NeedsShared(spec))
        {
            OpenEnumEmitter.EmitShared(writer, spec);
            first = false;
        }

        foreach (var type in spec.Types)
        {
            if (!first)
            {
                writer.Line();
            }

            first = false;
            if (type.IsOpenEnum)
            {
                OpenEnumEmitter.Emit(writer, spec, type);
            }
            else if (type.Kind == TypeKind.Enum)
            {
                EmitEnum(writer, spec, type);
                writer.Line();
                EmitEnumConverter(writer, spec, type);
            }
            else if (type.Kind == TypeKind.Union)
            {
                UnionEmitter.Emit(writer, spec, type);
            }
            else if (type.Hierarchy is not null)
            {
                HierarchyEmitter.Emit(writer, spec, type);
            }
            else
            {
                EmitRecord(writer, spec, type);
            }
        }

        writer.Close();
        return writer.ToString();
    }

    private static void EmitRecord(SourceWriter writer, SpecModel spec, TypeModel type)
    {
        writer.Summary(type.Description ?? "The " + type.Name + " schema of " + spec.Title + ".");
        writer.Line(CSharp.GeneratedCodeAttributeAliased);
        if (type.IsDeprecated)
        {
            writer.Line("[global::System.Obsolete(\"Deprecated in the API description.\")]");
        }

        writer.Open("public sealed partial record " + type.Name);
        // Records print every property in ToString(); a record with a sensitive property prints it as *** instead
        // (the others keep the compiler's PrintMembers, which prints the same).
        var sensitive = type.Properties.Any(p => p.IsSensitive);
        for (var i = 0; i < type.Properties.Count; i++)
        {
            EmitProperty(writer, spec, type, type.Properties[i], blankLineAfter: sensitive || type.OtherMembers is not null || i < type.Properties.Count - 1);
        }

        if (type.OtherMembers is { } others)
        {
            // Settable, unlike the declared properties: System.Text.Json (reflection and its generator) cannot fill
            // extension data through the constructor it uses for a record with required or init-only members.
            writer.Summary("The members of the JSON object beyond the declared properties (the schema's additionalProperties), each as its JSON value; they are written after the declared ones.");
            writer.Line("[__Ser.JsonExtensionData]");
            writer.Line("public " + CollectionsAlias + "IDictionary<string, global::System.Text.Json.JsonElement>? " + others + " { get; set; }");
            if (sensitive)
            {
                writer.Line();
            }
        }

        if (sensitive)
        {
            writer.Open("private bool PrintMembers(global::System.Text.StringBuilder builder)");
            var separator = string.Empty;
            foreach (var property in type.Properties)
            {
                EmitPrint(writer, property, separator);
                separator = ", ";
            }

            if (type.OtherMembers is { } printed)
            {
                // The dictionary prints as its type, not its values, as the compiler's PrintMembers would print it.
                writer.Line("builder.Append(" + CSharp.Literal(separator + printed + " = ") + ").Append(" + printed + ");");
            }

            writer.Line("return true;");
            writer.Close();
        }

        writer.Close();
    }

    /// <summary>One property of a record, with its documentation and JSON attributes, and a blank line after it unless told otherwise.</summary>
    internal static void EmitProperty(SourceWriter writer, SpecModel spec, TypeModel type, PropertyModel property, bool blankLineAfter = true)
    {
        if (property.Description is { } description)
        {
            writer.Summary(description);
        }

        // C# warns on an obsolete required member of a type that is not obsolete itself (CS9042), and every caller
        // would have to set it anyway: such a property says it is deprecated in its documentation instead.
        var obsolete = property.IsDeprecated && (!property.IsRequired || type.IsDeprecated);
        if (property.IsDeprecated && !obsolete)
        {
            writer.Line("/// <remarks>Deprecated in the API description, but still required.</remarks>");
        }

        writer.Line("[__Name(" + CSharp.Literal(property.WireName) + ")]");
        if (obsolete)
        {
            writer.Line("[global::System.Obsolete(\"Deprecated in the API description.\")]");
        }

        var propertyType = CSharp.Type(property.Type, ModelsAlias, CollectionsAlias);
        if (property.Write != PropertyWrite.Always)
        {
            writer.Line("[__Ignore(Condition = __When.WhenWritingNull)]");
        }

        if (property.Write == PropertyWrite.WhenSet)
        {
            // The setter records that the caller (or the JSON read) set the property, so null is written only then.
            var value = ValueField(property);
            var set = SetField(property);
            writer.Block($$"""
                public {{propertyType}} {{property.Name}} { get => {{value}}; init { {{value}} = value; {{set}} = true; } }

                private readonly {{propertyType}} {{value}};

                /// <summary>Whether {{property.Name}} was set, to null or not: only then is it written to JSON.</summary>
                internal bool {{set}};
                """);
        }
        else
        {
            var modifier = property.IsRequired ? "public required " : "public ";
            writer.Line(modifier + propertyType + " " + property.Name + " { get; init; }");
        }

        if (blankLineAfter)
        {
            writer.Line();
        }
    }

    /// <summary>The statements of <c>PrintMembers</c> that print one property after <paramref name="separator"/>: a sensitive one as <c>***</c>.</summary>
    internal static void EmitPrint(SourceWriter writer, PropertyModel property, string separator)
    {
        writer.Line("builder.Append(" + CSharp.Literal(separator + property.Name + " = ") + ");");
        if (property.IsSensitive && property.Type.IsValueType && !property.Type.IsNullable)
        {
            writer.Line("builder.Append(\"***\");");
        }
        else if (property.IsSensitive)
        {
            writer.Line("builder.Append(" + property.Name + " is null ? \"null\" : \"***\");");
        }
        else
        {
            writer.Line("builder.Append(" + property.Name + ");");
        }
    }

    /// <summary>The file's alias of the models' namespace, with its dot.</summary>
    public const string ModelsAlias = "__M.";

    /// <summary>The file's alias of System.Collections.Generic, with its dot.</summary>
    public const string CollectionsAlias = "__G.";

    /// <summary>Writes the using directives that declare <see cref="ModelsAlias"/> and <see cref="CollectionsAlias"/> for a file.</summary>
    public static void EmitAliases(SourceWriter writer, string ns)
    {
        writer.Block($$"""
            using __M = global::{{ns}};
            using __G = global::System.Collections.Generic;
            """);
    }

    /// <summary>The field behind a property written only when set.</summary>
    public static string ValueField(PropertyModel property) => "__value_" + property.Name;

    /// <summary>The flag recording that a property written only when set was set.</summary>
    public static string SetField(PropertyModel property) => "__set_" + property.Name;

    private static void EmitEnum(SourceWriter writer, SpecModel spec, TypeModel type)
    {
        writer.Summary(type.Description ?? "The values of " + type.Name + ".");
        writer.Line(CSharp.GeneratedCodeAttributeAliased);
        if (type.IsDeprecated)
        {
            writer.Line("[global::System.Obsolete(\"Deprecated in the API description.\")]");
        }

        writer.Line("[global::System.Text.Json.Serialization.JsonConverter(typeof(global::" + spec.Namespace + "." + type.Name + "JsonConverter))]");
        writer.Open("public enum " + type.Name);
        foreach (var member in type.EnumMembers)
        {
            writer.Summary("The wire value " + member.WireValue + ".");
            writer.Line("[global::System.Runtime.Serialization.EnumMember(Value = " + CSharp.Literal(member.WireValue) + ")]");
            writer.Line(member.Name + ",");
        }

        writer.Close();
    }

    private static void EmitEnumConverter(SourceWriter writer, SpecModel spec, TypeModel type)
    {
        var enumType = "global::" + spec.Namespace + "." + type.Name;
        var notListed = CSharp.Literal("The value is not one of the values of " + type.Name + ".");
        writer.Summary("Reads and writes " + type.Name + " as its wire values, without reflection.");
        writer.Block($$"""
            {{CSharp.GeneratedCodeAttributeAliased}}
            public sealed class {{type.Name}}JsonConverter : global::System.Text.Json.Serialization.JsonConverter<{{enumType}}>
            {
            """);
        writer.Indent();
        for (var i = 0; i < type.EnumMembers.Count; i++)
        {
            writer.Line("private static readonly global::System.Text.Json.JsonEncodedText s_value" + i + " = global::System.Text.Json.JsonEncodedText.Encode(" + CSharp.Literal(type.EnumMembers[i].WireValue) + ");");
        }

        writer.Block($$"""

            /// <inheritdoc/>
            public override {{enumType}} Read(ref global::System.Text.Json.Utf8JsonReader reader, global::System.Type typeToConvert, global::System.Text.Json.JsonSerializerOptions options)
            {
                if (reader.TokenType != global::System.Text.Json.JsonTokenType.String)
                {
                    throw new global::System.Text.Json.JsonException({{CSharp.Literal("Expected a string for " + type.Name + ".")}});
                }

            """);
        writer.Indent();
        for (var i = 0; i < type.EnumMembers.Count; i++)
        {
            writer.Block($$"""
                if (reader.ValueTextEquals({{CSharp.Literal(type.EnumMembers[i].WireValue)}}))
                {
                    return {{enumType}}.{{type.EnumMembers[i].Name}};
                }

                """);
        }

        writer.Outdent();
        writer.Block($$"""
                throw new global::System.Text.Json.JsonException({{notListed}});
            }

            /// <inheritdoc/>
            public override void Write(global::System.Text.Json.Utf8JsonWriter writer, {{enumType}} value, global::System.Text.Json.JsonSerializerOptions options)
            {
                switch (value)
                {
            """);
        writer.Indent().Indent();
        for (var i = 0; i < type.EnumMembers.Count; i++)
        {
            writer.Block($$"""
                case {{enumType}}.{{type.EnumMembers[i].Name}}:
                    writer.WriteStringValue(s_value{{i}});
                    return;
                """);
        }

        writer.Block($$"""
            default:
                throw new global::System.Text.Json.JsonException({{notListed}});
            """);
        writer.Close();
        writer.Close();
        writer.Close();
    }
}
