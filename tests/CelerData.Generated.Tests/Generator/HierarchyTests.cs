using System.Linq;
using System.Text;
using CelerData.Generated.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CelerData.Generated.Tests.Generator;

/// <summary>Hierarchies of types (discriminator and allOf) where the document is unusual: names that collide, cycles, depth, mappings that name outsiders.</summary>
public sealed class HierarchyTests
{
    private const string Head = "openapi: 3.0.3\ninfo: { title: T, version: '1' }\npaths: {}\ncomponents:\n  schemas:\n";

    private static GenerationResult Run(string schemas)
    {
        var result = GeneratorHarness.Run(new SpecFile("/specs/h.yaml", Head + schemas, "H"));
        Assert.Empty(result.CompilationProblems());
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id == "CDG0099");
        return result;
    }

    private static string Models(GenerationResult result) => result.Sources.Single(s => s.HintName.EndsWith(".Models.g.cs", StringComparison.Ordinal)).SourceText.ToString();

    [Fact]
    public void NamesThatCollideWithTheHierarchysOwnMembersAreNumbered()
    {
        var result = Run("""
                Pet:
                  type: object
                  discriminator: { propertyName: pet_type }
                  properties:
                    pet_type: { type: string }
                    Raw: { type: string }
                Cat:
                  allOf:
                    - $ref: '#/components/schemas/Pet'
                    - properties:
                        petType: { type: string }
                        raw: { type: integer }
                UnknownPet:
                  type: object
                  properties:
                    x: { type: string }
            """);

        var models = Models(result);
        Assert.Contains("public abstract string PetType { get; }", models, StringComparison.Ordinal);
        Assert.Contains("public string? PetTypeValue { get; init; }", models, StringComparison.Ordinal);
        Assert.Contains("public long? RawValue { get; init; }", models, StringComparison.Ordinal);
        Assert.Contains("public sealed partial record UnknownPet2 : Pet", models, StringComparison.Ordinal);
        Assert.Contains("public global::System.Text.Json.JsonElement Raw2 { get; }", models, StringComparison.Ordinal);
    }

    [Fact]
    public void AMappingEntryNamingASchemaThatDoesNotExtendTheRootIsReportedWhereItIs()
    {
        var result = Run("""
                Pet:
                  type: object
                  discriminator:
                    propertyName: kind
                    mapping:
                      cat: '#/components/schemas/Cat'
                      rock: '#/components/schemas/Rock'
                  properties:
                    kind: { type: string }
                Cat:
                  allOf: [ { $ref: '#/components/schemas/Pet' } ]
                Rock:
                  type: object
                  properties:
                    kind: { type: string }
            """);

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("CDG0024", diagnostic.Id);
        Assert.Equal(12, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Contains("'rock'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void ADiscriminatorNothingExtendsIsAnOrdinaryProperty()
    {
        var result = Run("""
                Event:
                  type: object
                  discriminator: { propertyName: type }
                  properties:
                    type: { type: string }
            """);

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Contains("public sealed partial record Event", Models(result), StringComparison.Ordinal);
        Assert.Contains("public string? Type { get; init; }", Models(result), StringComparison.Ordinal);
    }

    [Fact]
    public void ACycleOfAllOfReferencesNeverMakesATypeItsOwnAncestor()
    {
        var result = Run("""
                A:
                  discriminator: { propertyName: kind }
                  allOf: [ { $ref: '#/components/schemas/B' } ]
                  properties:
                    kind: { type: string }
                B:
                  allOf: [ { $ref: '#/components/schemas/A' } ]
                  properties:
                    b: { type: string }
            """);

        Assert.Contains("public sealed partial record B : A", Models(result), StringComparison.Ordinal);
    }

    [Fact]
    public void AVeryDeepHierarchyIsCutAtTheSchemaDepthBound()
    {
        var schemas = new StringBuilder("    L0:\n      type: object\n      discriminator: { propertyName: kind }\n      properties:\n        kind: { type: string }\n");
        for (var i = 1; i <= 260; i++)
        {
            schemas.Append("    L").Append(i).Append(":\n      allOf: [ { $ref: '#/components/schemas/L").Append(i - 1).Append("' } ]\n      properties:\n        p").Append(i).Append(": { type: integer }\n");
        }

        var models = Models(Run(schemas.ToString()));

        Assert.Contains("public partial record L199 : L198", models, StringComparison.Ordinal);
        Assert.Contains("public sealed partial record L200 : L199", models, StringComparison.Ordinal);
        Assert.Contains("public sealed partial record L201\n", models.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
