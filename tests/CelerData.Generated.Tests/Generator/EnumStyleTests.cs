using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using CelerData.Generated.Tests.Infrastructure;
using CelerData.Generated.Tests.Wire;
using Xunit;

namespace CelerData.Generated.Tests.Generator;

/// <summary>The EnumStyle item metadata: Open (the default) gives open enum structs, Closed gives C# enums, anything else CDG0016.</summary>
public sealed class EnumStyleTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: { title: Zoo, version: "1" }
        paths:
          /animals/{kind}:
            get:
              operationId: getAnimal
              parameters:
                - { name: kind, in: path, required: true, schema: { $ref: "#/components/schemas/Kind" } }
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/Animal" }
        components:
          schemas:
            Kind:
              type: string
              enum: [Unknown, RUNNING, Value, Known, IsKnown, KnownValue, ToString, Equals]
            Known:
              type: string
              enum: [a, b]
            Animal:
              type: object
              properties:
                species: { $ref: "#/components/schemas/Kind" }
                other: { $ref: "#/components/schemas/Known" }
        """;

    private static SpecFile File(string? style)
        => new("/specs/zoo.yaml", Spec, "Zoo", null, style is null ? null : new Dictionary<string, string> { ["EnumStyle"] = style });

    [Theory]
    [InlineData(null)]
    [InlineData("Open")]
    [InlineData(" open ")]
    public void OpenIsTheDefaultAndNamesAvoidTheStructsOwnMembers(string? style)
    {
        using var client = CompiledClient.Compile(File(style));
        var kind = client.Type("Kind");
        Assert.True(kind.IsValueType);
        Assert.False(kind.IsEnum);
        var known = kind.GetNestedType("KnownValue")!;
        Assert.Equal(
            new[] { "Unknown2", "Unknown", "RUNNING", "Value2", "Known2", "IsKnown2", "KnownValue2", "ToString2", "Equals2" },
            System.Enum.GetNames(known));
        // A type named like a fixed member of the struct is renamed.
        Assert.Equal("Known2", client.Assembly.GetTypes().Single(t => t.Namespace == "Zoo" && t.GetNestedType("KnownValue") is not null && t != kind).Name);

        var animal = client.Type("Animal");
        var read = client.Read("""{"species":"NEW_STATE"}""", animal)!;
        var value = animal.GetProperty("Species")!.GetValue(read)!;
        Assert.Equal("NEW_STATE", value.ToString());
        Assert.False((bool)kind.GetProperty("IsKnown")!.GetValue(value)!);
        Assert.Equal("""{"species":"NEW_STATE"}""", client.Write(read, animal));
        var unknownMember = client.Read("\"Unknown\"", kind)!;
        Assert.True((bool)kind.GetProperty("IsKnown")!.GetValue(unknownMember)!);
        // The listed Unknown keeps the name Unknown; the member for unlisted values gives way.
        Assert.Equal("Unknown", kind.GetProperty("Known")!.GetValue(unknownMember)!.ToString());
        Assert.Equal("Unknown2", kind.GetProperty("Known")!.GetValue(value)!.ToString());
    }

    [Fact]
    public void ClosedKeepsCSharpEnums()
    {
        using var client = CompiledClient.Compile(File("Closed"));
        var kind = client.Type("Kind");
        Assert.True(kind.IsEnum);
        Assert.Equal(new[] { "Unknown", "RUNNING", "Value", "Known", "IsKnown", "KnownValue", "ToString", "Equals" }, System.Enum.GetNames(kind));
        Assert.True(client.Type("Known").IsEnum);
        var animal = client.Type("Animal");
        var read = client.Read("""{"species":"RUNNING"}""", animal)!;
        Assert.Equal("RUNNING", animal.GetProperty("Species")!.GetValue(read)!.ToString());
        Assert.Throws<JsonException>(() => client.Read("""{"species":"NEW_STATE"}""", animal));
    }

    [Theory]
    [InlineData("Closd")]
    [InlineData("true")]
    public void AnInvalidStyleIsReported(string style)
    {
        var result = GeneratorHarness.Run(File(style));
        var diagnostic = Assert.Single(result.Diagnostics("CDG0016"));
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("/specs/zoo.yaml", diagnostic.Location.GetLineSpan().Path);
        Assert.Contains(style, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Empty(result.Sources);
    }
}
