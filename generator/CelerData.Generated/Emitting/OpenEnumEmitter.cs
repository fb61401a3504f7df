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
        var self = "TSelf";
        var face = spec.OpenEnumInterfaceName;
        writer.Line("/// <summary>An open string enum of " + Doc(spec.Title) + ": what its JSON converter needs.</summary>");
        writer.Line("/// <typeparam name=\"" + self + "\">The struct.</typeparam>");
        writer.Line(CSharp.GeneratedCodeAttributeAliased);
        writer.Open("internal interface " + face + "<" + self + "> : global::System.IEquatable<" + self + "> where " + self + " : struct, " + face + "<" + self + ">");
        writer.Line("/// <summary>The wire values the API description lists.</summary>");
        writer.Line("static abstract string[] " + OpenEnumNames.WireValues + " { get; }");
        writer.Line();
        writer.Line("/// <summary>The wire value.</summary>");
        writer.Line("string " + OpenEnumNames.Value + " { get; }");
        writer.Line();
        writer.Line("/// <summary>A value with the given wire value, listed or not.</summary>");
        writer.Line("static abstract " + self + " Create(string value);");
        writer.Close();
        writer.Line();
        writer.Line("/// <summary>Reads and writes an open string enum of " + Doc(spec.Title) + " as its wire value, listed or not, without reflection.</summary>");
        writer.Line("/// <typeparam name=\"T\">The struct.</typeparam>");
        writer.Line(CSharp.GeneratedCodeAttributeAliased);
        writer.Open("internal sealed class " + spec.OpenEnumConverterName + "<T> : global::System.Text.Json.Serialization.JsonConverter<T> where T : struct, " + face + "<T>");
        writer.Line("private static readonly T[] s_known = global::System.Array.ConvertAll(T." + OpenEnumNames.WireValues + ", T.Create);");
        writer.Line();
        writer.Line("private static readonly byte[][] s_utf8 = global::System.Array.ConvertAll(T." + OpenEnumNames.WireValues + ", global::System.Text.Encoding.UTF8.GetBytes);");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Open("public override T Read(ref global::System.Text.Json.Utf8JsonReader reader, global::System.Type typeToConvert, global::System.Text.Json.JsonSerializerOptions options)");
        writer.Open("if (reader.TokenType != global::System.Text.Json.JsonTokenType.String)");
        writer.Line("throw new global::System.Text.Json.JsonException(\"Expected a string for \" + typeof(T).Name + \".\");");
        writer.Close();
        writer.Line();
        writer.Open("if (!reader.ValueIsEscaped && !reader.HasValueSequence)");
        writer.Line("// A listed value is its static instance: no string is allocated.");
        writer.Open("for (int i = 0; i < s_utf8.Length; i++)");
        writer.Open("if (global::System.MemoryExtensions.SequenceEqual(reader.ValueSpan, s_utf8[i]))");
        writer.Line("return s_known[i];");
        writer.Close();
        writer.Close();
        writer.Close();
        writer.Line();
        writer.Line("return T.Create(reader.GetString()!);");
        writer.Close();
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line("public override void Write(global::System.Text.Json.Utf8JsonWriter writer, T value, global::System.Text.Json.JsonSerializerOptions options) => writer.WriteStringValue(value." + OpenEnumNames.Value + ");");
        writer.Close();
    }

    private static string Doc(string text) => string.Join(" ", CSharp.DocLines(text));

    private static void EmitStruct(SourceWriter writer, SpecModel spec, TypeModel type)
    {
        var name = type.Name;
        var known = OpenEnumNames.KnownValue;
        var unknown = type.OpenEnumUnknownMember!;
        var ordinal = type.IsIntegerEnum ? string.Empty : " (ordinal)";
        writer.Summary(type.Description ?? "The values of " + name + ".");
        writer.Line("/// <remarks>An open enum: a wire value the API description does not list reads, compares" + ordinal + " and writes back unchanged (<see cref=\"" + OpenEnumNames.Known + "\"/> is then <see cref=\"" + known + "." + unknown + "\"/>).</remarks>");
        writer.Line(CSharp.GeneratedCodeAttributeAliased);
        if (type.IsDeprecated)
        {
            writer.Line("[global::System.Obsolete(\"Deprecated in the API description.\")]");
        }

        var models = ModelsEmitter.ModelsAlias;
        writer.Line("[__Ser.JsonConverter(typeof(" + ConverterType(spec, type, models) + "))]");
        var face = type.IsIntegerEnum ? "global::System.IEquatable<" + name + ">" : models + spec.OpenEnumInterfaceName + "<" + name + ">";
        writer.Open("public readonly partial struct " + name + " : " + face);
        writer.Line("/// <summary>The values the API description lists, to switch on through <see cref=\"" + OpenEnumNames.Known + "\"/>.</summary>");
        writer.Open("public enum " + known);
        writer.Line("/// <summary>A value the API description does not list (or <c>default</c>).</summary>");
        writer.Line(unknown + " = 0,");
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

        writer.Line("/// <summary>Whether the value is one the API description lists.</summary>");
        writer.Line("public bool " + OpenEnumNames.IsKnown + " => " + OpenEnumNames.Known + " != " + known + "." + unknown + ";");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line("public override bool Equals(object? obj) => obj is " + name + " other && Equals(other);");
        writer.Line();
        writer.Line("/// <summary>Whether both have the same wire value" + ordinal + ".</summary>");
        writer.Line("public static bool operator ==(" + name + " left, " + name + " right) => left.Equals(right);");
        writer.Line();
        writer.Line("/// <summary>Whether the wire values differ" + ordinal + ".</summary>");
        writer.Line("public static bool operator !=(" + name + " left, " + name + " right) => !left.Equals(right);");
        writer.Close();
    }

    private static void EmitStringMembers(SourceWriter writer, SpecModel spec, TypeModel type)
    {
        var name = type.Name;
        var known = OpenEnumNames.KnownValue;
        var face = ModelsEmitter.ModelsAlias + spec.OpenEnumInterfaceName + "<" + name + ">";
        writer.Line("private readonly string? _value;");
        writer.Line();
        writer.Line("private readonly " + known + " _known;");
        writer.Line();
        writer.Line("/// <summary>A value with the given wire value, listed or not.</summary>");
        writer.Line("/// <exception cref=\"global::System.ArgumentNullException\"><paramref name=\"value\"/> is null.</exception>");
        writer.Open("public " + name + "(string value)");
        writer.Line("_value = value ?? throw new global::System.ArgumentNullException(nameof(value));");
        writer.Line("_known = (" + known + ")(global::System.Array.IndexOf(" + OpenEnumNames.WireValues + ", value) + 1);");
        writer.Close();
        writer.Line();
        writer.Line("static string[] " + face + "." + OpenEnumNames.WireValues + " => " + OpenEnumNames.WireValues + ";");
        writer.Line();
        writer.Line("static " + name + " " + face + ".Create(string value) => new " + name + "(value);");
        writer.Line();
        writer.Line("/// <summary>The wire value (the empty string for <c>default</c>).</summary>");
        writer.Line("public string " + OpenEnumNames.Value + " => _value ?? string.Empty;");
        writer.Line();
        writer.Line("/// <summary>Which listed value this is, <see cref=\"" + known + "." + type.OpenEnumUnknownMember + "\"/> for any other.</summary>");
        var empty = type.EnumMembers.FirstOrDefault(m => m.WireValue.Length == 0);
        // default has the empty wire value: when the spec lists it, default is that listed value.
        writer.Line("public " + known + " " + OpenEnumNames.Known + " => " + (empty is null ? "_known;" : "_value is null ? " + known + "." + empty.Name + " : _known;"));
        writer.Line();
        writer.Line("/// <summary>The wire value.</summary>");
        writer.Line("public override string ToString() => " + OpenEnumNames.Value + ";");
        writer.Line();
        writer.Line("/// <summary>Whether both have the same wire value (ordinal).</summary>");
        writer.Line("public bool Equals(" + name + " other) => string.Equals(" + OpenEnumNames.Value + ", other." + OpenEnumNames.Value + ", global::System.StringComparison.Ordinal);");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line("public override int GetHashCode() => global::System.StringComparer.Ordinal.GetHashCode(" + OpenEnumNames.Value + ");");
        writer.Line();
    }

    /// <summary>An integer enum's members: the wire value is a <c>long</c>; <c>default</c> is 0, listed or not.</summary>
    private static void EmitIntegerMembers(SourceWriter writer, TypeModel type)
    {
        var name = type.Name;
        var known = OpenEnumNames.KnownValue;
        var unknown = type.OpenEnumUnknownMember!;
        writer.Line("/// <summary>A value with the given wire value, listed or not.</summary>");
        writer.Line("public " + name + "(long value) => " + OpenEnumNames.Value + " = value;");
        writer.Line();
        writer.Line("/// <summary>The wire value (0 for <c>default</c>).</summary>");
        writer.Line("public long " + OpenEnumNames.Value + " { get; }");
        writer.Line();
        writer.Line("/// <summary>Which listed value this is, <see cref=\"" + known + "." + unknown + "\"/> for any other.</summary>");
        writer.Line("public " + known + " " + OpenEnumNames.Known + " => " + OpenEnumNames.Value + " switch");
        writer.Line("{");
        writer.Indent();
        foreach (var member in type.EnumMembers)
        {
            writer.Line(member.WireValue + "L => " + known + "." + member.Name + ",");
        }

        writer.Line("_ => " + known + "." + unknown + ",");
        writer.Outdent();
        writer.Line("};");
        writer.Line();
        writer.Line("/// <summary>The wire value in invariant digits.</summary>");
        writer.Line("public override string ToString() => " + OpenEnumNames.Value + ".ToString(global::System.Globalization.CultureInfo.InvariantCulture);");
        writer.Line();
        writer.Line("/// <summary>Whether both have the same wire value.</summary>");
        writer.Line("public bool Equals(" + name + " other) => " + OpenEnumNames.Value + " == other." + OpenEnumNames.Value + ";");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line("public override int GetHashCode() => " + OpenEnumNames.Value + ".GetHashCode();");
        writer.Line();
    }

    private static void EmitIntegerConverter(SourceWriter writer, SpecModel spec, TypeModel type)
    {
        var enumType = "global::" + spec.Namespace + "." + type.Name;
        writer.Summary("Reads and writes " + type.Name + " as its wire value, listed or not, without reflection.");
        writer.Line(CSharp.GeneratedCodeAttributeAliased);
        writer.Open("public sealed class " + type.Name + "JsonConverter : global::System.Text.Json.Serialization.JsonConverter<" + enumType + ">");
        writer.Line("/// <inheritdoc/>");
        writer.Open("public override " + enumType + " Read(ref global::System.Text.Json.Utf8JsonReader reader, global::System.Type typeToConvert, global::System.Text.Json.JsonSerializerOptions options)");
        writer.Open("if (reader.TokenType != global::System.Text.Json.JsonTokenType.Number || !reader.TryGetInt64(out var value))");
        writer.Line("throw new global::System.Text.Json.JsonException(" + CSharp.Literal("Expected a whole number for " + type.Name + ".") + ");");
        writer.Close();
        writer.Line();
        writer.Line("return new " + enumType + "(value);");
        writer.Close();
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Open("public override void Write(global::System.Text.Json.Utf8JsonWriter writer, " + enumType + " value, global::System.Text.Json.JsonSerializerOptions options)");
        writer.Line("writer.WriteNumberValue(value." + OpenEnumNames.Value + ");");
        writer.Close();
        writer.Close();
    }
}
