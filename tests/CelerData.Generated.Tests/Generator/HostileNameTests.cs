using System.Collections.Generic;
using System.Linq;
using CelerData.Generated.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CelerData.Generated.Tests.Generator;

/// <summary>Names that are keywords, start with digits, hold symbols or collide after PascalCase still compile, deterministically.</summary>
public sealed class HostileNameTests
{
    private const string Spec = """
        openapi: 3.1.0
        info:
          title: "class \"Quoted\" */ API"
          version: "1"
          description: "Ends a comment */ and has <xml> & \u2028 separators"
        paths:
          /things/{class}/{1st}:
            get:
              operationId: "get-things"
              summary: "</summary> <!-- injection"
              parameters:
                - { name: class, in: path, required: true, schema: { type: string } }
                - { name: 1st, in: path, required: true, schema: { type: integer } }
                - { name: namespace, in: query, schema: { type: string } }
                - { name: cancellationToken, in: query, schema: { type: string } }
                - { name: "x-weird header", in: header, schema: { type: string } }
                - { name: "a&b=c d", in: query, schema: { type: string } }
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/default" }
          /things:
            get:
              operationId: getThings
              responses:
                "204": { description: none }
            post:
              operationId: GetThings
              responses:
                "204": { description: none }
        components:
          schemas:
            default:
              type: object
              required: [default]
              properties:
                default: { type: string }
                Default: { type: string }
                "123": { type: integer }
                "$ref-ish": { type: string }
                "new": { type: string }
                "": { type: string }
                "日本語": { type: string }
                "quote\"d": { type: string }
                "Equals": { type: string }
                "ToString": { type: string }
                "EqualityContract": { type: string }
                "kind": { $ref: "#/components/schemas/1kind" }
                "1kind": { $ref: "#/components/schemas/1kind" }
            "1kind":
              type: string
              enum: ["", "a b", "A-B", "a_b", "null-ish", "class", "1", "\"", "\\", "é"]
            Default_:
              type: object
              properties:
                x: { type: string }
            CelerDataJsonContext:
              type: object
              properties:
                x: { type: string }
            Options:
              type: object
              properties:
                x: { type: string }
            OptionsTypeInfo:
              type: object
              properties:
                x: { type: string }
        """;

    [Fact]
    public void CompilesCleanWithStableNames()
    {
        var result = GeneratorHarness.Run(new SpecFile("/specs/hostile.yaml", Spec, "Hostile.Names", "CelerData"));
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Empty(result.CompilationProblems());

        var models = result.Sources.Single(s => s.HintName.EndsWith("Models.g.cs", StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("public sealed partial record Default\n", models, StringComparison.Ordinal);
        Assert.Contains("public sealed partial record Default2\n", models, StringComparison.Ordinal);
        Assert.Contains("public required string DefaultValue { get; init; }", models, StringComparison.Ordinal);
        Assert.Contains("public readonly partial struct _1kind ", models, StringComparison.Ordinal);
        // The spec lists the empty value, so default (empty wire value) is that listed value.
        Assert.Contains("public KnownValue Known => _value is null ? KnownValue.Value2 : _known;", models, StringComparison.Ordinal);
        Assert.Contains("public sealed partial record CelerDataJsonContext2", models, StringComparison.Ordinal);

        // The context's members: Options is the context's own, so its metadata takes the next name OptionsTypeInfo leaves.
        var context = result.Sources.Single(s => s.HintName.EndsWith("JsonContext.g.cs", StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("public __Meta.JsonTypeInfo<__M.Options> OptionsTypeInfo2 => ", context, StringComparison.Ordinal);
        Assert.Contains("public __Meta.JsonTypeInfo<__M.OptionsTypeInfo> OptionsTypeInfo => ", context, StringComparison.Ordinal);
        Assert.Contains("public __Meta.JsonTypeInfo<__M.CelerDataJsonContext2> CelerDataJsonContext2 => ", context, StringComparison.Ordinal);

        var api = result.Sources.Single(s => s.HintName.EndsWith("Api.g.cs", StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("GetThingsAsync(", api, StringComparison.Ordinal);
        Assert.Contains("GetThingsAsync2(", api, StringComparison.Ordinal);
        Assert.Contains("GetThingsAsync3(", api, StringComparison.Ordinal);
        Assert.Contains("string @class, [global::Refit.AliasAs(\"1st\")] long @_1st", api, StringComparison.Ordinal);
        Assert.Contains("string? @namespace", api, StringComparison.Ordinal);
        Assert.Contains("string? @cancellationToken2", api, StringComparison.Ordinal);

        var again = GeneratorHarness.Run(new SpecFile("/specs/hostile.yaml", Spec, "Hostile.Names", "CelerData"));
        Assert.Equal(result.Sources.Select(s => s.SourceText.ToString()), again.Sources.Select(s => s.SourceText.ToString()));
    }

    [Theory]
    [InlineData("Open")]
    [InlineData("Closed")]
    public void APropertyNamedLikeItsTypeKeepsItsNameAndOnlyRealCollisionsAreRenamed(string enumStyle)
    {
        const string Shapes = """
            openapi: 3.0.3
            info: { title: Shapes, version: "1" }
            paths:
              /holder:
                get:
                  operationId: getHolder
                  responses:
                    "200":
                      description: ok
                      content:
                        application/json:
                          schema: { $ref: "#/components/schemas/Holder" }
            components:
              schemas:
                Shade: { type: string, enum: [light, dark] }
                Owner: { type: object, properties: { name: { type: string } } }
                Holder:
                  type: object
                  required: [shade]
                  properties:
                    shade: { $ref: "#/components/schemas/Shade" }
                    owner: { $ref: "#/components/schemas/Owner" }
                    holder: { type: string }
                    Owner: { type: integer }
            """;
        var result = GeneratorHarness.Run(new SpecFile("/specs/shapes.yaml", Shapes, "Shapes", Metadata: new Dictionary<string, string> { ["EnumStyle"] = enumStyle }));
        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompilationProblems());

        var models = result.Sources.Single(s => s.HintName.EndsWith("Models.g.cs", StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("public required __M.Shade Shade { get; init; }", models, StringComparison.Ordinal);
        Assert.Contains("public __M.Owner? Owner { get; init; }", models, StringComparison.Ordinal);
        // The enclosing type's name and another member's name are real collisions.
        Assert.Contains("public string? HolderValue { get; init; }", models, StringComparison.Ordinal);
        Assert.Contains("public long? OwnerValue { get; init; }", models, StringComparison.Ordinal);
    }

    [Fact]
    public void EnormousNamesAreCutDeterministicallyAndStayDistinct()
    {
        // YAML caps implicit keys at 1024 characters, so this spec is JSON.
        var longName = new string('a', 5000);
        var spec = "{\"openapi\":\"3.0.3\",\"info\":{\"title\":\"" + new string('T', 3000) + "\",\"version\":\"1\"},\"paths\":{\"/x\":{\"get\":{\"operationId\":\"" + longName
            + "\",\"responses\":{\"200\":{\"description\":\"ok\",\"content\":{\"application/json\":{\"schema\":{\"type\":\"object\",\"properties\":{\""
            + longName + "b\":{\"type\":\"string\"},\"" + longName + "c\":{\"type\":\"string\"},\"" + longName + "\":{\"type\":\"string\",\"enum\":[\"" + longName + "x\",\"" + longName + "y\"]}}}}}}}}}}}";
        var result = GeneratorHarness.Run(new SpecFile("/specs/long.json", spec, "Long"));
        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompilationProblems());
        Assert.All(result.Sources, s => Assert.True(s.HintName.Length < 200, s.HintName));
        var models = result.Sources.Single(s => s.HintName.EndsWith("Models.g.cs", StringComparison.Ordinal)).SourceText.ToString();
        Assert.Equal(3, models.Split('\n').Count(line => line.Contains("{ get; init; }", StringComparison.Ordinal)));
    }

    [Fact]
    public void LongReferenceChainsDoNotOverflowTheStack()
    {
        var builder = new System.Text.StringBuilder("openapi: 3.0.3\ninfo:\n  title: Chain\n  version: '1'\npaths: {}\ncomponents:\n  schemas:\n");
        builder.Append("    Holder: { type: object, properties: { first: { $ref: '#/components/schemas/R0' } } }\n");
        for (var i = 0; i < 3000; i++)
        {
            builder.Append("    R").Append(i).Append(": { $ref: '#/components/schemas/R").Append(i + 1).Append("' }\n");
        }

        for (var i = 0; i < 300; i++)
        {
            builder.Append("    S").Append(i).Append(": { allOf: [ { $ref: '#/components/schemas/S").Append(i + 1).Append("' }, { type: object, description: level } ] }\n");
        }

        builder.Append("    S300: { type: object, properties: { end: { type: string } } }\n    R3000: { type: string }\n");
        var result = GeneratorHarness.Run(new SpecFile("/specs/chain.yaml", builder.ToString(), "Chain"));
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id == "CDG0099");
        Assert.Contains(result.GeneratorDiagnostics, d => d.Id == "CDG0022");
        Assert.Empty(result.CompilationProblems());
    }
}
