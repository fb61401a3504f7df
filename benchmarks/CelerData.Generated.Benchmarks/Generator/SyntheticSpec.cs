using System.Globalization;
using System.IO;
using System.Text;

namespace CelerData.Generated.Benchmarks.Generator;

/// <summary>
/// Writes an OpenAPI document with <c>n</c> operations, each with a path parameter and its own four-property
/// response schema, and the same <c>n</c> models as C# for the System.Text.Json generator.
/// </summary>
public static class SyntheticSpec
{
    public static string Yaml(int operations, string marker = "")
    {
        var builder = new StringBuilder(operations * 640);
        builder.Append("openapi: 3.0.3\ninfo:\n  title: Synthetic").Append(operations.ToString(CultureInfo.InvariantCulture)).Append("\n  version: \"1.0").Append(marker).Append("\"\n");
        builder.Append("servers:\n  - url: https://synthetic.example.com\npaths:\n");
        for (var i = 0; i < operations; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            builder.Append("  /api/1.0/items").Append(n).Append("/{item_id}:\n");
            builder.Append("    get:\n      operationId: getItem").Append(n).Append('\n');
            builder.Append("      summary: Get item ").Append(n).Append('\n');
            builder.Append("      parameters:\n        - name: item_id\n          in: path\n          required: true\n          schema:\n            type: string\n");
            builder.Append("      responses:\n        \"200\":\n          description: The item.\n          content:\n            application/json:\n              schema:\n");
            builder.Append("                $ref: \"#/components/schemas/Item").Append(n).Append("\"\n");
        }

        builder.Append("components:\n  schemas:\n");
        for (var i = 0; i < operations; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            builder.Append("    Item").Append(n).Append(":\n      type: object\n      required:\n        - item_id\n        - count\n      properties:\n");
            builder.Append("        item_id:\n          type: string\n");
            builder.Append("        count:\n          type: integer\n          format: int32\n");
            builder.Append("        display_name:\n          type: string\n");
            builder.Append("        active:\n          type: boolean\n");
        }

        return builder.ToString();
    }

    /// <summary>The C# of model <paramref name="index"/>, shaped as the generated models are, for the System.Text.Json generator.</summary>
    public static string Model(int index, string extraProperty = "")
        => "namespace Synthetic;\n"
            + "public sealed record Item" + index.ToString(CultureInfo.InvariantCulture) + "\n{\n"
            + "    [System.Text.Json.Serialization.JsonPropertyName(\"item_id\")] public required string ItemId { get; init; }\n"
            + "    [System.Text.Json.Serialization.JsonPropertyName(\"count\")] public required int Count { get; init; }\n"
            + "    [System.Text.Json.Serialization.JsonPropertyName(\"display_name\")] public string? DisplayName { get; init; }\n"
            + "    [System.Text.Json.Serialization.JsonPropertyName(\"active\")] public bool? Active { get; init; }\n"
            + extraProperty
            + "}\n";

    /// <summary>A context with one <c>[JsonSerializable]</c> per model.</summary>
    public static string Context(int types)
    {
        var builder = new StringBuilder(types * 64);
        builder.Append("namespace Synthetic;\n");
        for (var i = 0; i < types; i++)
        {
            builder.Append("[System.Text.Json.Serialization.JsonSerializable(typeof(Item").Append(i.ToString(CultureInfo.InvariantCulture)).Append("))]\n");
        }

        builder.Append("public sealed partial class SyntheticJsonContext : System.Text.Json.Serialization.JsonSerializerContext;\n");
        return builder.ToString();
    }

    /// <summary>Writes the specs the generator suite reads to <paramref name="directory"/> (benchmarks/specs, not committed).</summary>
    public static void WriteAll(string directory, int[] sizes)
    {
        Directory.CreateDirectory(directory);
        foreach (var size in sizes)
        {
            File.WriteAllText(Path.Combine(directory, "synthetic-" + size.ToString(CultureInfo.InvariantCulture) + ".openapi.yaml"), Yaml(size));
        }
    }
}
