using System.Collections.Generic;
using System.Linq;
using CelerData.Generated.Model;
using CelerData.Generated.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace CelerData.Generated.Tests.Generator;

/// <summary>
/// The IncludeTags, IncludeOperationIds, ExcludeTags and ExcludeOperationIds item metadata select operations by
/// glob, and only the models the selected operations reach are generated.
/// </summary>
public sealed class OperationFilterTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: { title: Shop, version: "1" }
        paths:
          /pets:
            get:
              operationId: listPets
              tags: [pets]
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema: { type: array, items: { $ref: "#/components/schemas/Pet" } }
            post:
              operationId: createPet
              tags: [pets, admin]
              requestBody:
                required: true
                content:
                  application/json:
                    schema: { $ref: "#/components/schemas/NewPet" }
              responses:
                "204": { description: ok }
          /stores/{id}:
            get:
              operationId: getStore
              tags: [stores]
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          address: { $ref: "#/components/schemas/Address" }
          /health:
            get:
              operationId: health
              responses:
                "204": { description: ok }
        components:
          schemas:
            Pet:
              type: object
              properties:
                name: { type: string }
                owner: { $ref: "#/components/schemas/Owner" }
                kind: { type: string, enum: [dog, cat] }
            Owner:
              type: object
              properties:
                friends: { type: array, items: { $ref: "#/components/schemas/Owner" } }
                pets: { type: object, additionalProperties: { $ref: "#/components/schemas/Pet" } }
            NewPet:
              type: object
              properties:
                name: { type: string }
            Address:
              type: object
              properties:
                street: { type: string }
            Orphan:
              type: object
              properties:
                unused: { type: string }
        """;

    [Fact]
    public void WithoutMetadataEveryOperationAndSchemaIsGenerated()
    {
        var (methods, types) = Generate(new Dictionary<string, string>());
        Assert.Equal(new[] { "CreatePetAsync", "GetStoreAsync", "HealthAsync", "ListPetsAsync" }, methods);
        Assert.Contains("Orphan", types);
        Assert.Contains("Address", types);
    }

    [Fact]
    public void IncludedTagsKeepTheirOperationsAndTheModelsTheyReach()
    {
        var (methods, types) = Generate(new Dictionary<string, string> { ["IncludeTags"] = "pets" });
        Assert.Equal(new[] { "CreatePetAsync", "ListPetsAsync" }, methods);
        // Pet through the list response, Owner through Pet, Owner again through itself (a cycle), Pet through a dictionary, the enum through a property.
        Assert.Equal(new[] { "NewPet", "Owner", "Pet", "PetKind" }, types);
    }

    [Fact]
    public void ExcludesWinOverIncludesAndOperationIdsMatchGlobs()
    {
        var (methods, types) = Generate(new Dictionary<string, string> { ["IncludeOperationIds"] = "*Pet*; get*", ["ExcludeTags"] = "ADMIN" });
        Assert.Equal(new[] { "GetStoreAsync", "ListPetsAsync" }, methods);
        Assert.DoesNotContain("NewPet", types);
        Assert.Contains("Address", types);
        Assert.DoesNotContain("Orphan", types);
    }

    [Fact]
    public void ExcludingAloneKeepsTheRest()
    {
        var (methods, types) = Generate(new Dictionary<string, string> { ["ExcludeOperationIds"] = "getStore,health" });
        Assert.Equal(new[] { "CreatePetAsync", "ListPetsAsync" }, methods);
        Assert.DoesNotContain("Address", types);
    }

    [Fact]
    public void AFilterThatLeavesNothingIsReported()
    {
        var result = GeneratorHarness.Run(new SpecFile("/specs/shop.yaml", Spec, "Shop.Client", null, new Dictionary<string, string> { ["IncludeTags"] = "nothing-*" }));
        var diagnostic = Assert.Single(result.Diagnostics("CDG0050"));
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Contains("4 operations", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
        Assert.Empty(result.CompilationProblems());
    }

    [Theory]
    [InlineData("repos", "repos", true)]
    [InlineData("repos", "Repos", true)]
    [InlineData("repo", "repos", false)]
    [InlineData("repos/*", "repos/get", true)]
    [InlineData("repos/*", "repos/", true)]
    [InlineData("*/get", "repos/get", true)]
    [InlineData("*/get", "repos/get-all", false)]
    [InlineData("r?pos", "repos", true)]
    [InlineData("r?pos", "rpos", false)]
    [InlineData("*a*b*", "xxaxxbxx", true)]
    [InlineData("*a*b", "xxaxxbxxc", false)]
    [InlineData("*", "", true)]
    [InlineData("", "x", false)]
    public void GlobsMatchWholeNames(string glob, string text, bool expected) => Assert.Equal(expected, OperationFilter.Matches(glob, text));

    [Fact]
    public void BlankMetadataIsNoFilter() => Assert.Null(OperationFilter.From(" ", ";", null, ", ;"));

    private static (string[] Methods, string[] Types) Generate(Dictionary<string, string> metadata)
    {
        var result = GeneratorHarness.Run(new SpecFile("/specs/shop.yaml", Spec, "Shop.Client", null, metadata));
        Assert.Empty(result.CompilationProblems());
        Assert.Empty(result.GeneratorDiagnostics);
        var trees = result.Output.SyntaxTrees.ToList();
        var api = trees.Single(t => t.FilePath.EndsWith("Shop.Api.g.cs", System.StringComparison.Ordinal)).GetRoot();
        var models = trees.Single(t => t.FilePath.EndsWith("Shop.Models.g.cs", System.StringComparison.Ordinal)).GetRoot();
        var methods = api.DescendantNodes().OfType<MethodDeclarationSyntax>().Select(m => m.Identifier.Text).Order(System.StringComparer.Ordinal).ToArray();
        var types = models.DescendantNodes().OfType<BaseTypeDeclarationSyntax>()
            .Where(t => t.Parent is BaseNamespaceDeclarationSyntax && t is not InterfaceDeclarationSyntax && !t.Identifier.Text.EndsWith("JsonConverter", System.StringComparison.Ordinal))
            .Select(t => t.Identifier.Text).Order(System.StringComparer.Ordinal).ToArray();
        return (methods, types);
    }
}
