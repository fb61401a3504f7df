using System.Collections.Generic;
using System.Globalization;
using System.Text;
using CelerData.Generated.Model;
using CelerData.Generated.Parsing;

namespace CelerData.Generated.Emitting;

/// <summary>C# spelling: literals, doc text and type names.</summary>
internal static class CSharp
{
    /// <summary>The generator's version (the package version, from the assembly) stamped on every generated type.</summary>
    public static readonly string GeneratorVersion = Version(typeof(CSharp).Assembly.GetName().Version);

    public static readonly string GeneratedCodeAttribute = "[global::System.CodeDom.Compiler.GeneratedCodeAttribute(\"CelerData.Generated\", \"" + GeneratorVersion + "\")]";

    /// <summary>The same attribute in a file that declares the <c>__Gen</c> alias (the models' file, whose types are many).</summary>
    public static readonly string GeneratedCodeAttributeAliased = "[__Gen(\"CelerData.Generated\", \"" + GeneratorVersion + "\")]";

    private static string Version(System.Version? version)
        => version is null ? "0.0.0" : version.Major.ToString(CultureInfo.InvariantCulture) + "." + version.Minor.ToString(CultureInfo.InvariantCulture) + "." + System.Math.Max(0, version.Build).ToString(CultureInfo.InvariantCulture);

    /// <summary>A C# bool literal.</summary>
    public static string Bool(bool value) => value ? "true" : "false";

    /// <summary>The generated JSON context's metadata for <paramref name="type"/>, as a <c>JsonTypeInfo</c>.</summary>
    public static string TypeInfo(SpecModel spec, string type)
        => "global::" + spec.Namespace + "." + spec.JsonContextName + ".Default.GetTypeInfo(typeof(" + type + "))!";

    /// <summary>The generated JSON context's metadata for <paramref name="type"/>, as a <c>JsonTypeInfo&lt;T&gt;</c>.</summary>
    public static string TypedTypeInfo(SpecModel spec, string type)
        => "(global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<" + type + ">)" + TypeInfo(spec, type);

    /// <summary>
    /// A C# string literal that holds exactly <paramref name="value"/>: a quote, backslash, <c>\n</c>, <c>\r</c>,
    /// <c>\t</c> or <c>\0</c> by its escape, any other character outside printable ASCII as <c>\uXXXX</c>.
    /// </summary>
    public static string Literal(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\0': builder.Append("\\0"); break;
                default:
                    if (char.IsControl(c) || char.IsSurrogate(c) || c == '\u2028' || c == '\u2029' || c == '\u0085' || c > '\u007E')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>Doc comment lines: XML-escaped, with no character that would end a comment line early.</summary>
    public static IEnumerable<string> DocLines(string text)
    {
        var normalized = text.Replace("\r\n", "\n").Replace('\r', '\n').Replace('\u2028', '\n').Replace('\u2029', '\n').Replace('\u0085', '\n');
        foreach (var raw in normalized.Trim().Split('\n'))
        {
            var builder = new StringBuilder(raw.Length);
            foreach (var c in raw.TrimEnd())
            {
                switch (c)
                {
                    case '&': builder.Append("&amp;"); break;
                    case '<': builder.Append("&lt;"); break;
                    case '>': builder.Append("&gt;"); break;
                    default:
                        builder.Append(char.IsControl(c) ? ' ' : c);
                        break;
                }
            }

            yield return builder.ToString();
        }
    }

    /// <summary>The type as written in a declaration, with nullable annotations.</summary>
    public static string Type(TypeRef type, string ns) => Render(type, "global::" + ns + ".", Collections, runtime: false);

    /// <summary>The type as written in a declaration, spelled through a file's aliases (see the aliased <see cref="RuntimeType(TypeRef, string, string)"/>).</summary>
    public static string Type(TypeRef type, string models, string collections) => Render(type, models, collections, runtime: false);

    /// <summary>The runtime type: nullable only where it makes a different type (<c>Nullable&lt;T&gt;</c>).</summary>
    public static string RuntimeType(TypeRef type, string ns) => Render(type, "global::" + ns + ".", Collections, runtime: true);

    /// <summary>
    /// The runtime type spelled through a file's aliases: <paramref name="models"/> in front of a model's name (an
    /// alias of the models' namespace, with its dot) and <paramref name="collections"/> in front of the collection
    /// interfaces (an alias of System.Collections.Generic, with its dot).
    /// </summary>
    public static string RuntimeType(TypeRef type, string models, string collections) => Render(type, models, collections, runtime: true);

    private const string Collections = "global::System.Collections.Generic.";

    private static string Render(TypeRef type, string models, string collections, bool runtime)
    {
        var core = type.Kind switch
        {
            TypeRefKind.Primitive => type.Name,
            TypeRefKind.Model or TypeRefKind.Enum => models + type.Name,
            TypeRefKind.List => collections + "IReadOnlyList<" + Render(type.Element!, models, collections, runtime) + ">",
            _ => collections + "IReadOnlyDictionary<string, " + Render(type.Element!, models, collections, runtime) + ">",
        };
        var nullable = type.IsNullable && (!runtime || type.IsValueType);
        return nullable ? core + "?" : core;
    }

    public static TypeRef Runtime(TypeRef type)
    {
        var element = type.Element is null ? null : Runtime(type.Element);
        return type with { Element = element, IsNullable = type.IsNullable && type.IsValueType };
    }

    public static string Parameter(string name) => "@" + name;
}
