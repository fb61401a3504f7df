using System.Linq;
using CelerData.Generated.Model;
using CelerData.Generated.Parsing;

namespace CelerData.Generated.Emitting;

/// <summary>
/// Writes an open enum: a readonly struct around the wire value (a string, or a long for integer enums) with the spec's values as static members, a nested
/// C# enum of them to switch on, and its JSON converter. A value the spec does not list reads, compares and writes
/// back unchanged instead of failing, so a value the service adds later does not break deserialization.
/// </summary>
internal static class OpenEnumEmitter
{
    public static void Emit(SourceWriter writer, SpecModel spec, TypeModel type)
    {
        EmitStruct(writer, spec, type);
        writer.Line();
        EmitConverter(writer, spec, type);
    }

    private static void EmitStruct(SourceWriter writer, SpecModel spec, TypeModel type)
    {
        var name = type.Name;
        var known = OpenEnumNames.KnownValue;
        var unknown = type.OpenEnumUnknownMember!;
        writer.Summary(type.Description ?? "The values of " + name + ".");
        writer.Line("/// <remarks>");
        writer.Line("/// An open enum: a value the API description does not list reads without error, is kept and written back as it");
        writer.Line("/// came (<see cref=\"IsKnown\"/> is false, <see cref=\"Known\"/> is <see cref=\"" + known + "." + unknown + "\"/>). Equality is by");
        writer.Line(type.IsIntegerEnum ? "/// wire value. <c>default</c> has the wire value 0." : "/// wire value, ordinal. <c>default</c> has the empty wire value.");
        writer.Line("/// </remarks>");
        writer.Line(CSharp.GeneratedCodeAttribute);
        if (type.IsDeprecated)
        {
            writer.Line("[global::System.Obsolete(\"Deprecated in the API description.\")]");
        }

        writer.Line("[global::System.Text.Json.Serialization.JsonConverter(typeof(global::" + spec.Namespace + "." + name + "JsonConverter))]");
        writer.Open("public readonly partial struct " + name + " : global::System.IEquatable<" + name + ">");
        writer.Line("/// <summary>The values the API description lists, to switch on through <see cref=\"Known\"/>.</summary>");
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
            EmitStringMembers(writer, type);
        }

        var ordinal = type.IsIntegerEnum ? string.Empty : " (ordinal)";
        writer.Line("/// <summary>Whether both have the same wire value" + ordinal + ".</summary>");
        writer.Line("public static bool operator ==(" + name + " left, " + name + " right) => left.Equals(right);");
        writer.Line();
        writer.Line("/// <summary>Whether the wire values differ" + ordinal + ".</summary>");
        writer.Line("public static bool operator !=(" + name + " left, " + name + " right) => !left.Equals(right);");
        writer.Close();
    }

    private static void EmitStringMembers(SourceWriter writer, TypeModel type)
    {
        var name = type.Name;
        var known = OpenEnumNames.KnownValue;
        var unknown = type.OpenEnumUnknownMember!;
        writer.Line("private readonly string? _value;");
        writer.Line();
        writer.Line("private readonly " + known + " _known;");
        writer.Line();
        writer.Line("/// <summary>A value with the given wire value, known or not.</summary>");
        writer.Line("/// <exception cref=\"global::System.ArgumentNullException\"><paramref name=\"value\"/> is null.</exception>");
        writer.Open("public " + name + "(string value)");
        writer.Line("_value = value ?? throw new global::System.ArgumentNullException(nameof(value));");
        writer.Open("_known = value switch");
        foreach (var member in type.EnumMembers)
        {
            writer.Line(CSharp.Literal(member.WireValue) + " => " + known + "." + member.Name + ",");
        }

        writer.Line("_ => " + known + "." + unknown + ",");
        writer.Close(";");
        writer.Close();
        writer.Line();
        writer.Line("/// <summary>The wire value (the empty string for <c>default</c>).</summary>");
        writer.Line("public string " + OpenEnumNames.Value + " => _value ?? string.Empty;");
        writer.Line();
        writer.Line("/// <summary>Which listed value this is, <see cref=\"" + known + "." + unknown + "\"/> for any other.</summary>");
        var empty = type.EnumMembers.FirstOrDefault(m => m.WireValue.Length == 0);
        // default has the empty wire value: when the spec lists it, default is that listed value.
        writer.Line("public " + known + " " + OpenEnumNames.Known + " => " + (empty is null ? "_known;" : "_value is null ? " + known + "." + empty.Name + " : _known;"));
        writer.Line();
        writer.Line("/// <summary>Whether the value is one the API description lists.</summary>");
        writer.Line("public bool " + OpenEnumNames.IsKnown + " => " + OpenEnumNames.Known + " != " + known + "." + unknown + ";");
        writer.Line();
        writer.Line("/// <summary>The wire value.</summary>");
        writer.Line("public override string ToString() => " + OpenEnumNames.Value + ";");
        writer.Line();
        writer.Line("/// <summary>Whether both have the same wire value (ordinal).</summary>");
        writer.Line("public bool Equals(" + name + " other) => string.Equals(" + OpenEnumNames.Value + ", other." + OpenEnumNames.Value + ", global::System.StringComparison.Ordinal);");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line("public override bool Equals(object? obj) => obj is " + name + " other && Equals(other);");
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
        writer.Line("/// <summary>A value with the given wire value, known or not.</summary>");
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
        writer.Line("/// <summary>Whether the value is one the API description lists.</summary>");
        writer.Line("public bool " + OpenEnumNames.IsKnown + " => " + OpenEnumNames.Known + " != " + known + "." + unknown + ";");
        writer.Line();
        writer.Line("/// <summary>The wire value in invariant digits.</summary>");
        writer.Line("public override string ToString() => " + OpenEnumNames.Value + ".ToString(global::System.Globalization.CultureInfo.InvariantCulture);");
        writer.Line();
        writer.Line("/// <summary>Whether both have the same wire value.</summary>");
        writer.Line("public bool Equals(" + name + " other) => " + OpenEnumNames.Value + " == other." + OpenEnumNames.Value + ";");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line("public override bool Equals(object? obj) => obj is " + name + " other && Equals(other);");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line("public override int GetHashCode() => " + OpenEnumNames.Value + ".GetHashCode();");
        writer.Line();
    }

    private static void EmitConverter(SourceWriter writer, SpecModel spec, TypeModel type)
    {
        var enumType = "global::" + spec.Namespace + "." + type.Name;
        writer.Summary("Reads and writes " + type.Name + " as its wire value, listed or not, without reflection.");
        writer.Line(CSharp.GeneratedCodeAttribute);
        writer.Open("public sealed class " + type.Name + "JsonConverter : global::System.Text.Json.Serialization.JsonConverter<" + enumType + ">");
        if (type.IsIntegerEnum)
        {
            EmitIntegerConversion(writer, type, enumType);
        }
        else
        {
            EmitStringConversion(writer, type, enumType);
        }

        writer.Close();
    }

    private static void EmitStringConversion(SourceWriter writer, TypeModel type, string enumType)
    {
        writer.Line("/// <inheritdoc/>");
        writer.Open("public override " + enumType + " Read(ref global::System.Text.Json.Utf8JsonReader reader, global::System.Type typeToConvert, global::System.Text.Json.JsonSerializerOptions options)");
        writer.Open("if (reader.TokenType != global::System.Text.Json.JsonTokenType.String)");
        writer.Line("throw new global::System.Text.Json.JsonException(" + CSharp.Literal("Expected a string for " + type.Name + ".") + ");");
        writer.Close();
        writer.Line();
        foreach (var member in type.EnumMembers)
        {
            // A listed value reuses its static instance instead of allocating a string.
            writer.Open("if (reader.ValueTextEquals(" + CSharp.Literal(member.WireValue) + "))");
            writer.Line("return " + enumType + "." + member.Name + ";");
            writer.Close();
            writer.Line();
        }

        writer.Line("return new " + enumType + "(reader.GetString()!);");
        writer.Close();
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Open("public override void Write(global::System.Text.Json.Utf8JsonWriter writer, " + enumType + " value, global::System.Text.Json.JsonSerializerOptions options)");
        writer.Line("writer.WriteStringValue(value." + OpenEnumNames.Value + ");");
        writer.Close();
    }

    private static void EmitIntegerConversion(SourceWriter writer, TypeModel type, string enumType)
    {
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
    }
}
