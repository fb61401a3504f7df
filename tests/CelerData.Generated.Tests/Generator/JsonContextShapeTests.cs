using System.Linq;
using CelerData.Generated.Tests.Infrastructure;
using Xunit;

namespace CelerData.Generated.Tests.Generator;

/// <summary>Shapes of models whose generated readers and writers once failed to compile.</summary>
public sealed class JsonContextShapeTests
{
    /// <summary>Several required properties that may be null, of value types, in one model and in a list: each written in its own scope.</summary>
    [Fact]
    public void RequiredNullableValuePropertiesCompile()
    {
        const string spec = """
            openapi: 3.0.3
            info: { title: Shapes, version: "1" }
            paths:
              /events:
                get:
                  operationId: getEvent
                  responses:
                    "200":
                      description: ok
                      content:
                        application/json:
                          schema:
                            type: object
                            required: [id, at, count, times]
                            properties:
                              id: { type: integer, format: int64, nullable: true }
                              at: { type: string, format: date-time, nullable: true }
                              count: { type: integer, nullable: true }
                              times: { type: array, items: { type: integer, nullable: true } }
                              later: { type: string, format: date-time, nullable: true }
            """;
        var result = GeneratorHarness.Run(new SpecFile("/specs/shapes.yaml", spec, "Shapes.Client"));
        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompilationProblems());
        var context = result.Sources.Single(s => s.HintName.EndsWith("JsonContext.g.cs", StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("is { } __value", context, StringComparison.Ordinal);
    }
}
