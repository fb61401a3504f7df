using System.Linq;
using CelerData.Generated.Model;
using CelerData.Generated.Parsing;
using CelerData.Generated.Tests.Infrastructure;
using Xunit;

namespace CelerData.Generated.Tests.Generator;

/// <summary>Structurally identical inline schemas become one type, deterministically, and different shapes never do.</summary>
public sealed class DeduplicationTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: { title: Shop, version: "1" }
        paths:
          /a:
            get:
              operationId: getA
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [id]
                        properties:
                          id: { type: integer, format: int64 }
                          owner: { type: object, properties: { login: { type: string } } }
          /b:
            get:
              operationId: getB
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [id]
                        properties:
                          id: { type: integer, format: int64 }
                          owner: { type: object, properties: { login: { type: string } } }
          /c:
            get:
              operationId: getC
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          id: { type: integer, format: int64 }
                          owner: { type: object, properties: { login: { type: string } } }
          /d:
            get:
              operationId: getD
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [id]
                        properties:
                          id: { type: integer, format: int32 }
                          owner: { type: object, properties: { name: { type: string } } }
          /e:
            get:
              operationId: getE
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/Named" }
        components:
          schemas:
            Named:
              type: object
              required: [id]
              properties:
                id: { type: integer, format: int64 }
                owner: { type: object, properties: { login: { type: string } } }
        """;

    [Fact]
    public void IdenticalInlineSchemasShareTheFirstName()
    {
        var model = Parse();
        var response = model.Operations.ToDictionary(o => o.OperationId, o => o.ResponseType!.Name);

        // getA and getB: the same shape, nested inline object included; the first in the document keeps its name.
        Assert.Equal(response["getA"], response["getB"]);
        Assert.Equal("GetAResponse", response["getA"]);
        Assert.DoesNotContain(model.Types, t => t.Name == "GetBResponse" || t.Name == "GetBResponseOwner");

        // getC differs in requiredness, getD in a format and a nested property: each keeps its own type.
        Assert.Equal(4, new[] { response["getA"], response["getC"], response["getD"], response["getE"] }.Distinct().Count());

        // A named component is never merged away, though the inline owner it holds is the same as the others'.
        Assert.Equal("Named", response["getE"]);
        var owners = model.Types.Where(t => t.Name.EndsWith("Owner", StringComparison.Ordinal)).Select(t => t.Name).ToList();
        Assert.Equal(new[] { "NamedOwner", "GetDResponseOwner" }, owners);
        Assert.Equal("NamedOwner", model.Types.Single(t => t.Name == "GetAResponse").Properties.Single(p => p.WireName == "owner").Type.Name);
    }

    [Fact]
    public void TheMergeIsTheSameOnEveryRunAndCompiles()
    {
        Assert.Equal(Parse(), Parse());
        var result = GeneratorHarness.Run(new SpecFile("/specs/shop.yaml", Spec, "Shop.Client"));
        Assert.Empty(result.CompilationProblems());
    }

    [Fact]
    public void EveryTypeThatRemainsIsUsedAndEveryReferenceResolves()
    {
        var model = Parse();
        var names = model.Types.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var references = model.Types.SelectMany(t => t.Properties).Select(p => p.Type)
            .Concat(model.Operations.Select(o => o.ResponseType!))
            .Where(t => t.Kind == TypeRefKind.Model)
            .Select(t => t.Name)
            .ToList();
        Assert.All(references, name => Assert.Contains(name, names));
        Assert.Equal(names.Count, new System.Collections.Generic.HashSet<string>(names, StringComparer.Ordinal).Count);
    }

    private static SpecModel Parse()
        => PlannedModel.Of(new SpecInput("/specs/shop.yaml", Spec, "Shop.Client", null, null))!;
}
