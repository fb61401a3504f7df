using System.Linq;
using CelerData.Generated.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CelerData.Generated.Tests.Generator;

/// <summary>
/// A sloppy document still gives its client: an array without items and a requirement naming a missing security
/// scheme are warnings, and an error inside one operation or schema leaves the rest of the spec generated.
/// </summary>
public sealed class LenientTests
{
    private const string Head = "openapi: 3.0.3\ninfo:\n  title: T\n  version: '1'\n";

    private static string Api(GenerationResult result)
        => result.Sources.Single(s => s.HintName.EndsWith(".Api.g.cs", System.StringComparison.Ordinal)).SourceText.ToString();

    private static string Models(GenerationResult result)
        => result.Sources.Single(s => s.HintName.EndsWith(".Models.g.cs", System.StringComparison.Ordinal)).SourceText.ToString();

    [Theory]
    [MemberData(nameof(DiagnosticTests.Cases), MemberType = typeof(DiagnosticTests))]
    public void WhateverABrokenSpecEmitsCompiles(string name)
    {
        var spec = DiagnosticTests.Spec(name);
        var result = GeneratorHarness.Run(new SpecFile("/specs/case.yaml", spec));
        Assert.NotEmpty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompilationProblems());
    }

    [Fact]
    public void ContentKeysThatAreNotMediaTypesAreLeftOut()
    {
        // As spoonacular.com's description has it: an empty key alone (no body is sent), or beside application/json.
        var result = GeneratorHarness.Run(new SpecFile("/specs/a.yaml", Head + """
            paths:
              /a:
                delete:
                  operationId: clearDay
                  requestBody:
                    required: true
                    content:
                      '': { schema: { type: object, properties: { day: { type: string } } } }
                  responses: { '204': { description: done } }
              /b:
                post:
                  operationId: addItem
                  requestBody:
                    content:
                      '': { schema: { type: object } }
                      application/json: { schema: { type: object, properties: { name: { type: string } } } }
                  responses: { '204': { description: done } }
            """));
        Assert.Equal(["CDG0047", "CDG0047"], result.GeneratorDiagnostics.Select(d => d.Id));
        var api = Api(result);
        Assert.Contains("ClearDayAsync(global::System.Threading.CancellationToken cancellationToken = default)", api, System.StringComparison.Ordinal);
        Assert.Contains("@body", api.Split('\n').Single(l => l.Contains("AddItemAsync(", System.StringComparison.Ordinal)), System.StringComparison.Ordinal);
        Assert.Empty(result.CompilationProblems());
    }

    [Fact]
    public void AnArrayWithoutItemsIsAListOfJsonElement()
    {
        var result = GeneratorHarness.Run(new SpecFile("/specs/a.yaml", Head + "paths: {}\ncomponents:\n  schemas:\n    Bag:\n      type: object\n      properties:\n        things:\n          type: array\n"));
        var warning = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("CDG0045", warning.Id);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Contains("IReadOnlyList<global::System.Text.Json.JsonElement>? Things", Models(result), System.StringComparison.Ordinal);
        Assert.Empty(result.CompilationProblems());
    }

    [Fact]
    public void ARequirementNamingAMissingSchemeIsDroppedAndTheNextOneUsed()
    {
        var result = GeneratorHarness.Run(new SpecFile("/specs/a.yaml", Head
            + "paths:\n  /a:\n    get:\n      operationId: getA\n      security:\n        - missing: []\n        - bearer: []\n      responses: {}\n"
            + "components:\n  securitySchemes:\n    bearer: { type: http, scheme: bearer }\n"));
        var warning = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("CDG0046", warning.Id);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Contains("GetAAsync", Api(result), System.StringComparison.Ordinal);
        Assert.Contains("security: bearer.", Api(result), System.StringComparison.Ordinal);
        Assert.Empty(result.CompilationProblems());
    }

    [Fact]
    public void ARequirementNamingOnlyMissingSchemesLeavesTheOperationWithoutCredentials()
    {
        var result = GeneratorHarness.Run(new SpecFile("/specs/a.yaml", Head
            + "security:\n  - missing: []\npaths:\n  /a:\n    get:\n      operationId: getA\n      responses: {}\n"));
        Assert.Equal(new[] { "CDG0046" }, result.GeneratorDiagnostics.Select(d => d.Id).ToArray());
        Assert.Contains("security: none.", Api(result), System.StringComparison.Ordinal);
        Assert.Empty(result.CompilationProblems());
    }

    [Fact]
    public void AnErrorInOneOperationLeavesOnlyThatOperationOut()
    {
        var result = GeneratorHarness.Run(new SpecFile("/specs/a.yaml", Head
            + "paths:\n  /a:\n    get:\n      operationId: getA\n      parameters:\n        - name: id\n          in: body\n          schema: { type: string }\n      responses: {}\n"
            + "  /b:\n    get:\n      operationId: getB\n      responses: {}\n"));
        Assert.Equal("CDG0014", Assert.Single(result.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error).Id);
        var api = Api(result);
        Assert.DoesNotContain("GetAAsync", api, System.StringComparison.Ordinal);
        Assert.Contains("GetBAsync", api, System.StringComparison.Ordinal);
        Assert.Empty(result.CompilationProblems());
    }

    [Fact]
    public void AnErrorInASharedParameterLeavesOutEveryOperationThatUsesIt()
    {
        var result = GeneratorHarness.Run(new SpecFile("/specs/a.yaml", Head
            + "paths:\n  /a:\n    parameters:\n      - name: id\n        in: body\n        schema: { type: string }\n"
            + "    get:\n      operationId: getA\n      responses: {}\n    delete:\n      operationId: deleteA\n      responses: {}\n"
            + "  /b:\n    get:\n      operationId: getB\n      responses: {}\n"));
        var api = Api(result);
        Assert.DoesNotContain("GetAAsync", api, System.StringComparison.Ordinal);
        Assert.DoesNotContain("DeleteAAsync", api, System.StringComparison.Ordinal);
        Assert.Contains("GetBAsync", api, System.StringComparison.Ordinal);
        Assert.Empty(result.CompilationProblems());
    }

    [Fact]
    public void ADuplicateOperationIdLeavesTheFirstOperation()
    {
        var result = GeneratorHarness.Run(new SpecFile("/specs/a.yaml", Head
            + "paths:\n  /a:\n    get:\n      operationId: same\n      responses: {}\n  /b:\n    get:\n      operationId: same\n      responses: {}\n"));
        Assert.Equal("CDG0006", Assert.Single(result.GeneratorDiagnostics).Id);
        Assert.Contains("Get(\"/a\")", Api(result), System.StringComparison.Ordinal);
        Assert.DoesNotContain("Get(\"/b\")", Api(result), System.StringComparison.Ordinal);
        Assert.Empty(result.CompilationProblems());
    }

    [Fact]
    public void AnErrorInOneSchemaLeavesTheOtherSchemas()
    {
        var result = GeneratorHarness.Run(new SpecFile("/specs/a.yaml", Head
            + "paths: {}\ncomponents:\n  schemas:\n    Broken:\n      type: object\n      properties:\n        odd: { type: 42 }\n        fine: { type: string }\n"
            + "    Whole:\n      type: object\n      properties:\n        name: { type: string }\n"));
        Assert.Equal("CDG0014", Assert.Single(result.GeneratorDiagnostics).Id);
        var models = Models(result);
        Assert.Contains("record Whole", models, System.StringComparison.Ordinal);
        Assert.Contains("global::System.Text.Json.JsonElement? Odd", models, System.StringComparison.Ordinal);
        Assert.Contains("string? Fine", models, System.StringComparison.Ordinal);
        Assert.Empty(result.CompilationProblems());
    }

    [Fact]
    public void EnvelopedOperationsStayUnwrappedBesideALeftOutOperationAndAnArrayWithoutItems()
    {
        var envelope = "          content:\n            application/json:\n              schema:\n                type: object\n                required: [code]\n"
            + "                properties:\n                  code: { type: integer }\n                  data: { type: array }\n";
        var result = GeneratorHarness.Run(new SpecFile("/specs/a.yaml", Head
            + "x-response-envelope: { code: code, data: data, success: [0] }\n"
            + "paths:\n  /a:\n    get:\n      operationId: getA\n      parameters:\n        - name: id\n          in: body\n          schema: { type: string }\n"
            + "      responses:\n        '200':\n          description: ok\n" + envelope
            + "  /b:\n    get:\n      operationId: getB\n      security:\n        - missing: []\n      responses:\n        '200':\n          description: ok\n" + envelope));
        Assert.Equal(new[] { "CDG0014", "CDG0045", "CDG0046" }, result.GeneratorDiagnostics.Select(d => d.Id).Distinct().OrderBy(id => id, System.StringComparer.Ordinal).ToArray());
        var api = Api(result);
        Assert.DoesNotContain("GetAAsync", api, System.StringComparison.Ordinal);
        Assert.Contains("Task<global::System.Collections.Generic.IReadOnlyList<global::System.Text.Json.JsonElement>> GetBAsync(", api, System.StringComparison.Ordinal);
        Assert.Empty(result.CompilationProblems());
    }
}
