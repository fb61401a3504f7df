using System.Linq;
using CelerData.Generated.Model;
using CelerData.Generated.Parsing;

namespace CelerData.Generated.Emitting;

/// <summary>
/// Writes an open enum: a readonly struct around the wire value (a string, or a long for integer enums) with the
/// spec's values as static members and a nested C# enum of them to switch on. A value the spec does not list
/// reads, compares and writes back unchanged instead of failing, so a value the service adds later does not break
/// deserialization. String enums share one generic JSON converter and one interface per client
/// (<see cref="EmitShared"/>); an integer enum has its own small converter.
/// </summary>
internal static class OpenEnumEmitter
{
    public static void Emit(SourceWriter writer, SpecModel spec, TypeModel type)
    {
        EmitStruct(writer, spec, type);
        if (type.IsIntegerEnum)
        {
            writer.Line();
            EmitIntegerConverter(writer, spec, type);
        }
    }

    /// <summary>The converter class of an open enum, spelled with <paramref name="models"/> (the models' namespace with its dot) in front.</summary>
    public static string ConverterType(SpecModel spec, TypeModel type, string models)
        => type.IsIntegerEnum ? models + type.Name + "JsonConverter" : models + spec.OpenEnumConverterName + "<" + models + type.Name + ">";

    /// <summary>Whether the spec has an open string enum, which needs the shared pieces.</summary>
    public static bool NeedsShared(SpecModel spec) => spec.Types.Any(t => t.IsOpenEnum && !t.IsIntegerEnum);

    /// <summary>
    /// The pieces every open string enum of a client shares: the interface through which the generic converter
    /// creates a struct and learns its listed values, and the converter, which reads a listed value as the
    /// struct's static instance without allocating a string.
    /// </summary>
    public static void EmitShared(SourceWriter writer, SpecModel spec)
    {
        var face = spec.OpenEnumInterfaceName;
        var wireValues = OpenEnumNames.WireValues;
        var value = OpenEnumNames.Value;
        writer.Block($$"""
            /// <summary>An open string enum of {{Doc(spec.Title)}}: what its JSON converter needs.</summary>
            /// <typeparam name="TSelf">The struct.</typeparam>
            {{CSharp.GeneratedCodeAttributeAliased}}
            internal interface {{face}}<TSelf> : global::System.IEquatable<TSelf> where TSelf : struct, {{face}}<TSelf>
            {
                /// <summary>The wire values the API description lists.</summary>
                static abstract string[] {{wireValues}} { get; }

                /// <summary>The wire value.</summary>
                string {{value}} { get; }

                /// <summary>A value with the given wire value, listed or not.</summary>
                static abstract TSelf Create(string value);
            }

            /// <summary>Reads and writes an open string enum of {{Doc(spec.Title)}} as its wire value, listed or not, without reflection.</summary>
            /// <typeparam name="T">The struct.</typeparam>
            {{CSharp.GeneratedCodeAttributeAliased}}
            internal sealed class {{spec.OpenEnumConverterName}}<T> : global::System.Text.Json.Serialization.JsonConverter<T> where T : struct, {{face}}<T>
            {
                private static readonly T[] s_known = global::System.Array.ConvertAll(T.{{wireValues}}, T.Create);

                private static readonly byte[][] s_utf8 = global::System.Array.ConvertAll(T.{{wireValues}}, global::System.Text.Encoding.UTF8.GetBytes);

                /// <inheritdoc/>
                public override T Read(ref global::System.Text.Json.Utf8JsonReader reader, global::System.Type typeToConvert, global::System.Text.Json.JsonSerializerOptions options)
                {
                    if (reader.TokenType != global::System.Text.Json.JsonTokenType.String)
                    {
                        throw new global::System.Text.Json.JsonException("Expected a string for " + typeof(T).Name + ".");
                    }

                    if (!reader.ValueIsEscaped && !reader.HasValueSequence)
                    {
                        // A listed value is its static instance: no string is allocated.
                        for (int i = 0; i < s_utf8.Length; i++)
                        {
                            if (global::System.MemoryExtensions.SequenceEqual(reader.ValueSpan, s_utf8[i]))
                            {
                                return s_known[i];
                            }
                        }
                    }

                    return T.Create(reader.GetString()!);
                }

                /// <inheritdoc/>
                public override void Write(global::System.Text.Json.Utf8JsonWriter writer, T value, global::System.Text.Json.JsonSerializerOptions options) => writer.WriteStringValue(value.{{value}});
            }
            """);
    }

    private static string Doc(string text) => string.Join(" ", CSharp.DocLines(text));

    private static void EmitStruct(SourceWriter writer, SpecModel spec, TypeModel type)
    {
        var name = type.Name;
        var known = OpenEnumNames.KnownValue;
        var knownProperty = OpenEnumNames.Known;
        var unknown = type.OpenEnumUnknownMember!;
        var ordinal = type.IsIntegerEnum ? string.Empty : " (ordinal)";
        writer.Summary(type.Description ?? "The values of " + name + ".");
        writer.Block($$"""
            /// <remarks>An open enum: a wire value the API description does not list reads, compares{{ordinal}} and writes back unchanged (<see cref="{{knownProperty}}"/> is then <see cref="{{known}}.{{unknown}}"/>).</remarks>
            {{CSharp.GeneratedCodeAttributeAliased}}
            """);
        if (type.IsDeprecated)
        {
            writer.Line("[global::System.Obsolete(\"Deprecated in the API description.\")]");
        }

        var models = ModelsEmitter.ModelsAlias;
        var face = type.IsIntegerEnum ? "global::System.IEquatable<" + name + ">" : models + spec.OpenEnumInterfaceName + "<" + name + ">";
        writer.Block($$"""
            [__Ser.JsonConverter(typeof({{ConverterType(spec, type, models)}}))]
            public readonly partial struct {{name}} : {{face}}
            {
                /// <summary>The values the API description lists, to switch on through <see cref="{{knownProperty}}"/>.</summary>
                public enum {{known}}
                {
                    /// <summary>A value the API description does not list (or <c>default</c>).</summary>
                    {{unknown}} = 0,
            """);

        // The struct and its nested enum stay open for the listed values; the Close calls below end them.
        writer.Indent().Indent();
        foreach (var member in type.EnumMembers)
        {
            writer.Line();
            writer.Summary("The wire value " + member.WireValue + ".");
            writer.Line(member.Name + ",");
        }

        writer.Close();
        writer.Line();
        if (!type.IsIntegerEnum)
        {
            // Declared before the static instances, whose constructor reads it.
            writer.Line("private static readonly string[] " + OpenEnumNames.WireValues + " = { " + string.Join(", ", type.EnumMembers.Select(m => CSharp.Literal(m.WireValue))) + " };");
            writer.Line();
        }

        foreach (var member in type.EnumMembers)
        {
            writer.Summary("The wire value " + member.WireValue + ".");
            var literal = type.IsIntegerEnum ? member.WireValue + "L" : CSharp.Literal(member.WireValue);
            writer.Line("public static readonly " + name + " " + member.Name + " = new " + name + "(" + literal + ");");
            writer.Line();
        }

        if (type.IsIntegerEnum)
        {
            EmitIntegerMembers(writer, type);
        }
        else
        {
            EmitStringMembers(writer, spec, type);
        }

        writer.Block($$"""
            /// <summary>Whether the value is one the API description lists.</summary>
            public bool {{OpenEnumNames.IsKnown}} => {{knownProperty}} != {{known}}.{{unknown}};

            /// <inheritdoc/>
            public override bool Equals(object? obj) => obj is {{name}} other && Equals(other);

            /// <summary>Whether both have the same wire value{{ordinal}}.</summary>
            public static bool operator ==({{name}} left, {{name}} right) => left.Equals(right);

            /// <summary>Whether the wire values differ{{ordinal}}.</summary>
            public static bool operator !=({{name}} left, {{name}} right) => !left.Equals(right);
            """);
        writer.Close();
    }

    private static void EmitStringMembers(SourceWriter writer, SpecModel spec, TypeModel type)
    {
        var name = type.Name;
        var known = OpenEnumNames.KnownValue;
        var wireValues = OpenEnumNames.WireValues;
        var value = OpenEnumNames.Value;
        var face = ModelsEmitter.ModelsAlias + spec.OpenEnumInterfaceName + "<" + name + ">";

        // default has the empty wire value: when the spec lists it, default is that listed value.
        var empty = type.EnumMembers.FirstOrDefault(m => m.WireValue.Length == 0);
        var knownValue = empty is null ? "_known" : "_value is null ? " + known + "." + empty.Name + " : _known";
        writer.Block($$"""
            private readonly string? _value;

            private readonly {{known}} _known;

            /// <summary>A value with the given wire value, listed or not.</summary>
            /// <exception cref="global::System.ArgumentNullException"><paramref name="value"/> is null.</exception>
            public {{name}}(string value)
            {
                _value = value ?? throw new global::System.ArgumentNullException(nameof(value));
                _known = ({{known}})(global::System.Array.IndexOf({{wireValues}}, value) + 1);
            }

            static string[] {{face}}.{{wireValues}} => {{wireValues}};

            static {{name}} {{face}}.Create(string value) => new {{name}}(value);

            /// <summary>The wire value (the empty string for <c>default</c>).</summary>
            public string {{value}} => _value ?? string.Empty;

            /// <summary>Which listed value this is, <see cref="{{known}}.{{type.OpenEnumUnknownMember}}"/> for any other.</summary>
            public {{known}} {{OpenEnumNames.Known}} => {{knownValue}};

            /// <summary>The wire value.</summary>
            public override string ToString() => {{value}};

            /// <summary>Whether both have the same wire value (ordinal).</summary>
            public bool Equals({{name}} other) => string.Equals({{value}}, other.{{value}}, global::System.StringComparison.Ordinal);

            /// <inheritdoc/>
            public override int GetHashCode() => global::System.StringComparer.Ordinal.GetHashCode({{value}});

            """);
    }

    /// <summary>An integer enum's members: the wire value is a <c>long</c>; <c>default</c> is 0, listed or not.</summary>
    private static void EmitIntegerMembers(SourceWriter writer, TypeModel type)
    {
        var name = type.Name;
        var known = OpenEnumNames.KnownValue;
        var unknown = type.OpenEnumUnknownMember!;
        var value = OpenEnumNames.Value;
        writer.Block($$"""
            /// <summary>A value with the given wire value, listed or not.</summary>
            public {{name}}(long value) => {{value}} = value;

            /// <summary>The wire value (0 for <c>default</c>).</summary>
            public long {{value}} { get; }

            /// <summary>Which listed value this is, <see cref="{{known}}.{{unknown}}"/> for any other.</summary>
            public {{known}} {{OpenEnumNames.Known}} => {{value}} switch
            {
            """);
        writer.Indent();
        foreach (var member in type.EnumMembers)
        {
            writer.Line(member.WireValue + "L => " + known + "." + member.Name + ",");
        }

        writer.Line("_ => " + known + "." + unknown + ",");
        writer.Outdent();
        writer.Block($$"""
            };

            /// <summary>The wire value in invariant digits.</summary>
            public override string ToString() => {{value}}.ToString(global::System.Globalization.CultureInfo.InvariantCulture);

            /// <summary>Whether both have the same wire value.</summary>
            public bool Equals({{name}} other) => {{value}} == other.{{value}};

            /// <inheritdoc/>
            public override int GetHashCode() => {{value}}.GetHashCode();

            """);
    }

    private static void EmitIntegerConverter(SourceWriter writer, SpecModel spec, TypeModel type)
    {
        var enumType = "global::" + spec.Namespace + "." + type.Name;
        writer.Summary("Reads and writes " + type.Name + " as its wire value, listed or not, without reflection.");
        writer.Block($$"""
            {{CSharp.GeneratedCodeAttributeAliased}}
            public sealed class {{type.Name}}JsonConverter : global::System.Text.Json.Serialization.JsonConverter<{{enumType}}>
            {
                /// <inheritdoc/>
                public override {{enumType}} Read(ref global::System.Text.Json.Utf8JsonReader reader, global::System.Type typeToConvert, global::System.Text.Json.JsonSerializerOptions options)
                {
                    if (reader.TokenType != global::System.Text.Json.JsonTokenType.Number || !reader.TryGetInt64(out var value))
                    {
                        throw new global::System.Text.Json.JsonException({{CSharp.Literal("Expected a whole number for " + type.Name + ".")}});
                    }

                    return new {{enumType}}(value);
                }

                /// <inheritdoc/>
                public override void Write(global::System.Text.Json.Utf8JsonWriter writer, {{enumType}} value, global::System.Text.Json.JsonSerializerOptions options)
                {
                    writer.WriteNumberValue(value.{{OpenEnumNames.Value}});
                }
            }
            """);
    }
}
