using System.Linq;
using System.Text;
using System.Text.Json;
using CelerData.Generated.Tests.Infrastructure;
using Xunit;

namespace CelerData.Generated.Tests.Wire;

/// <summary>
/// The shared object reader on a model of more than 64 properties (seen flags past the first 64) and with names of 70
/// and 4,100 UTF-8 bytes (the long forms of a name table's header): order, unknown properties, missing required
/// properties and failure paths.
/// </summary>
public sealed class WideModelJsonTests
{
    private static readonly string LongName = "L" + new string('x', 69);
    private static readonly string HugeName = "M" + new string('y', 4099);

    /// <summary>The spec as JSON: YAML limits a plain key to 1,024 characters.</summary>
    private static string Spec()
    {
        var properties = string.Join(",", Pairs().Select(p => JsonSerializer.Serialize(p.Name) + ":{\"type\":\"string\"}"));
        return "{\"openapi\":\"3.0.3\",\"info\":{\"title\":\"Wide\",\"version\":\"1\"},\"paths\":{\"/wide\":{\"get\":{\"operationId\":\"getWide\","
            + "\"responses\":{\"200\":{\"description\":\"ok\",\"content\":{\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/Wide\"}}}}}}}},"
            + "\"components\":{\"schemas\":{\"Wide\":{\"type\":\"object\",\"required\":[\"p66\"," + JsonSerializer.Serialize(LongName) + "],\"properties\":{" + properties + "}}}}}";
    }

    private static (string Name, string Value)[] Pairs()
        => Enumerable.Range(0, 70).Select(i => ("p" + i.ToString("00", System.Globalization.CultureInfo.InvariantCulture), "v" + i)).Append((LongName, "long")).Append((HugeName, "huge")).ToArray();

    private static string Document(System.Collections.Generic.IEnumerable<(string Name, string Value)> pairs)
        => "{" + string.Join(",", pairs.Select(p => JsonSerializer.Serialize(p.Name) + ":" + p.Value)) + "}";

    [Fact]
    public void ReadsAnyOrderSkipsUnknownPropertiesAndReportsMissingOnesAndPaths()
    {
        using var client = CompiledClient.Compile(new SpecFile("/specs/wide.json", Spec(), "Wide.Client"));
        var type = client.Type("Wide");
        var quoted = Pairs().Select(p => (p.Name, JsonSerializer.Serialize(p.Value))).ToArray();

        // Backwards, with unknown properties between: written back in the model's order, without the unknown ones.
        var backwards = quoted.Reverse().SelectMany((p, i) => i % 10 == 0 ? new[] { ("zz" + i, "{\"a\":[1,{\"b\":2}]}"), p } : new[] { p });
        Assert.Equal(Document(quoted), client.Write(client.Read(Document(backwards), type), type));

        // Required p66 and the 70-byte name left out (p00 twice): both named, in the model's order.
        var missing = quoted.Where(p => p.Name != "p66" && p.Name != LongName).Prepend(("p00", "\"again\""));
        var error = Assert.Throws<JsonException>(() => client.Read(Document(missing), type));
        Assert.Contains("was missing required properties including: 'p66', '" + LongName + "'.", error.Message, System.StringComparison.Ordinal);

        // A number where a string belongs: the path names the property, past the first 64 and in the long forms.
        foreach (var name in new[] { "p67", LongName, HugeName })
        {
            var wrong = quoted.Select(p => p.Name == name ? (p.Name, "5") : p);
            var failure = Assert.Throws<JsonException>(() => client.Read(Document(wrong), type));
            Assert.Equal("$." + name, failure.Path);
        }
    }
}
