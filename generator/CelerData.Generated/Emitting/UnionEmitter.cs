using System.Linq;
using CelerData.Generated.Model;

namespace CelerData.Generated.Emitting;

/// <summary>
/// Writes a union (oneOf/anyOf of several schemas) and its JSON converter: the class keeps the raw JSON value and
/// has, per alternative, <c>TryGet{Alternative}</c> to read it as that alternative and <c>From{Alternative}</c> to
/// build one. Reading goes through the client's JSON context, so it is free of reflection.
/// </summary>
internal static class UnionEmitter
{
    private const string Json = "global::System.Text.Json";

    public static void Emit(SourceWriter writer, SpecModel spec, TypeModel type)
    {
        EmitUnion(writer, spec, type);
        writer.Line();
        EmitConverter(writer, spec, type);
    }

    private static void EmitUnion(SourceWriter writer, SpecModel spec, TypeModel type)
    {
        var union = type.Union!;
        var alternatives = string.Join(", ", type.Properties.Select(p => p.Name));
        writer.Summary(type.Description ?? "One of " + alternatives + ".");
        writer.Remarks(union.DiscriminatorProperty is null
            ? "An alternative matches when the JSON value reads as it (System.Text.Json's rules: a string never reads as a number, an object reads as a model only when its required properties are there); several may match."
            : "An alternative matches when the discriminator property '" + union.DiscriminatorProperty + "' has one of its values; an unknown value matches none and the JSON is still kept in Raw.");
        writer.Line(CSharp.GeneratedCodeAttribute);
        if (type.IsDeprecated)
        {
            writer.Line("[global::System.Obsolete(\"Deprecated in the API description.\")]");
        }

        writer.Line("[" + Json + ".Serialization.JsonConverter(typeof(global::" + spec.Namespace + "." + type.Name + "JsonConverter))]");
        writer.Block($$"""
            public sealed partial class {{type.Name}}
            {
                internal {{type.Name}}({{Json}}.JsonElement raw) => Raw = raw;

                /// <summary>The JSON value as it was read or built, whichever alternative it is.</summary>
                public {{Json}}.JsonElement Raw { get; }

            """);

        // The class stays open for its members; the Close at the end ends it.
        writer.Indent();
        if (union.DiscriminatorProperty is not null)
        {
            writer.Summary("The value of the discriminator property '" + union.DiscriminatorProperty + "', or null when the JSON is not an object with that property as a string.");
            writer.Line("public string? DiscriminatorValue => " + HasStringProperty("Raw", union.DiscriminatorProperty) + " ? value.GetString() : null;");
            writer.Line();
        }

        writer.Line("/// <summary>Holds a copy of <paramref name=\"raw\"/> as it is, whichever alternative it is.</summary>");
        writer.Line("public static " + type.Name + " FromRaw(" + Json + ".JsonElement raw) => new(raw.Clone());");
        for (var i = 0; i < type.Properties.Count; i++)
        {
            var alternative = type.Properties[i];
            var caseType = CSharp.Type(alternative.Type, spec.Namespace);
            var values = union.Cases[i].DiscriminatorValues;
            writer.Line();
            writer.Block($$"""
                /// <summary>Holds <paramref name="value"/> as the {{alternative.Name}} alternative.</summary>
                public static {{type.Name}} From{{alternative.Name}}({{caseType}} value) => new(__Element<{{caseType}}>(value));

                """);
            writer.Summary(values.Count > 0
                ? "Reads the value as the " + alternative.Name + " alternative when the discriminator is " + string.Join(" or ", values.Select(v => "'" + v + "'")) + "; false, never an exception, otherwise."
                : "Reads the value as the " + alternative.Name + " alternative; false, never an exception, when it does not read as one.");
            writer.Open("public bool TryGet" + alternative.Name + "([global::System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out " + caseType + "? value)");
            writer.Line("value = default;");
            if (values.Count > 0)
            {
                writer.Block($$"""
                    if (DiscriminatorValue is not ({{string.Join(" or ", values.Select(CSharp.Literal))}}))
                    {
                        return false;
                    }

                    """);
            }

            writer.Block($$"""
                try
                {
                    value = __Value<{{caseType}}>(Raw);
                }
                catch ({{Json}}.JsonException)
                {
                    return false;
                }

                return value is not null;
                """);
            writer.Close();
        }

        writer.Line();
        // The serializer's calls once per union, not once per alternative: JsonSerializer's dozens of Deserialize and
        // SerializeToElement overloads make each call site costly to compile on big descriptions.
        writer.Line("private static " + Json + ".Serialization.Metadata.JsonTypeInfo<T> __Info<T>() => " + CSharp.TypedTypeInfo(spec, "T") + ";");
        writer.Line();
        writer.Line("private static " + Json + ".JsonElement __Element<T>(T value) => " + Json + ".JsonSerializer.SerializeToElement(value, __Info<T>());");
        writer.Line();
        writer.Line("private static T? __Value<T>(" + Json + ".JsonElement raw) => " + Json + ".JsonSerializer.Deserialize(raw, __Info<T>());");
        writer.Close();
    }

    private static void EmitConverter(SourceWriter writer, SpecModel spec, TypeModel type)
    {
        var unionType = "global::" + spec.Namespace + "." + type.Name;
        writer.Summary("Reads and writes " + type.Name + " as the JSON value it holds, without reflection.");
        writer.Block($$"""
            {{CSharp.GeneratedCodeAttribute}}
            public sealed class {{type.Name}}JsonConverter : {{Json}}.Serialization.JsonConverter<{{unionType}}>
            {
                /// <inheritdoc/>
                public override {{unionType}} Read(ref {{Json}}.Utf8JsonReader reader, global::System.Type typeToConvert, {{Json}}.JsonSerializerOptions options) => new({{Json}}.JsonElement.ParseValue(ref reader));

                /// <inheritdoc/>
                public override void Write({{Json}}.Utf8JsonWriter writer, {{unionType}} value, {{Json}}.JsonSerializerOptions options) => value.Raw.WriteTo(writer);
            }
            """);
    }

    /// <summary>
    /// The condition that the JSON element <paramref name="raw"/> is an object whose property <paramref name="property"/>
    /// is a string, that string's element then in <c>value</c>: how a union and a hierarchy read a discriminator from the raw JSON.
    /// </summary>
    internal static string HasStringProperty(string raw, string property)
        => raw + ".ValueKind == " + Json + ".JsonValueKind.Object && " + raw + ".TryGetProperty(" + CSharp.Literal(property) + ", out var value) && value.ValueKind == " + Json + ".JsonValueKind.String";
}
