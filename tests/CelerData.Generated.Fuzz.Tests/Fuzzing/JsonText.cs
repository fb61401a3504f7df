using System.Globalization;
using System.Linq;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CelerData.Generated.Fuzz.Tests.Fuzzing;

/// <summary>Writes a YAML representation tree as JSON, so that JSON seeds stay JSON (and reach the JSON reader) after mutation.</summary>
internal static class JsonText
{
    public static string Write(YamlNode root)
    {
        var builder = new StringBuilder();
        Write(builder, root, 0);
        builder.Append('\n');
        return builder.ToString();
    }

    private static void Write(StringBuilder builder, YamlNode node, int indent)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                builder.Append('{');
                var first = true;
                foreach (var entry in mapping.Children)
                {
                    builder.Append(first ? "\n" : ",\n").Append(' ', indent + 2);
                    first = false;
                    String(builder, (entry.Key as YamlScalarNode)?.Value ?? "");
                    builder.Append(": ");
                    Write(builder, entry.Value, indent + 2);
                }

                builder.Append(first ? "" : "\n" + new string(' ', indent)).Append('}');
                break;
            case YamlSequenceNode sequence:
                builder.Append('[');
                builder.AppendJoin(", ", sequence.Children.Select(child =>
                {
                    var inner = new StringBuilder();
                    Write(inner, child, indent + 2);
                    return inner.ToString();
                }));
                builder.Append(']');
                break;
            case YamlScalarNode scalar:
                var value = scalar.Value ?? "";
                if (scalar.Style is ScalarStyle.Plain or ScalarStyle.Any && IsLiteral(value))
                {
                    builder.Append(value);
                }
                else
                {
                    String(builder, value);
                }

                break;
            default:
                builder.Append("null");
                break;
        }
    }

    private static bool IsLiteral(string value) =>
        value is "true" or "false" or "null" || double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _) && value.Length > 0 && (char.IsDigit(value[0]) || value[0] == '-') && !value.EndsWith('.');

    private static void String(StringBuilder builder, string value)
    {
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case < ' ':
                    builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        builder.Append('"');
    }
}
