using System.Linq;
using CelerData.Generated.Model;
using CelerData.Generated.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CelerData.Generated.Tests.Generator;

/// <summary>
/// An object schema with <c>additionalProperties</c> beside its properties keeps the other members as JSON values
/// (System.Text.Json's extension data); where they cannot be kept (a hierarchy's member, a multipart body's parts)
/// CDG0025 says so at the keyword. Reading and writing them is compared with System.Text.Json in JsonEquivalenceTests.
/// Alternatives inside an object that only require or narrow its declared properties lose nothing and are not
/// reported (CDG0023); nor are those that add untyped members (any JSON value) to an object that keeps other members or
/// allows none; any others are, and what they add is kept as those other members.
/// </summary>
public sealed class OtherMembersTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: { title: Others, version: '1' }
        paths:
          /a:
            post:
              operationId: postA
              requestBody:
                content:
                  multipart/form-data:
                    schema: { $ref: '#/components/schemas/Upload' }
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/Kept' }
        components:
          schemas:
            Kept:
              type: object
              properties:
                name: { type: string }
              additionalProperties: { type: integer }
            Clash:
              type: object
              properties:
                additional_properties: { type: string }
              additionalProperties: true
            Secret:
              type: object
              properties:
                password: { type: string, format: password }
              additionalProperties: true
            Closed:
              type: object
              properties:
                name: { type: string }
              additionalProperties: false
            Merged:
              allOf:
                - $ref: '#/components/schemas/Closed'
                - type: object
                  properties:
                    size: { type: integer }
                  additionalProperties: {}
            Animal:
              type: object
              required: [kind]
              properties:
                kind: { type: string }
              discriminator: { propertyName: kind }
            Dog:
              allOf:
                - $ref: '#/components/schemas/Animal'
                - type: object
                  properties:
                    bark: { type: boolean }
                  additionalProperties: true
            Upload:
              type: object
              properties:
                file: { type: string, format: binary }
              additionalProperties: { type: string }
        """;

    [Fact]
    public void APlainObjectKeepsTheOtherMembersUnderAFreeName()
    {
        var model = PlannedModel.Of(new SpecInput("/specs/others.yaml", Spec, "Others", null, null))!;
        TypeModel Type(string name) => model.Types.Single(t => t.Name == name);

        Assert.Equal("AdditionalProperties", Type("Kept").OtherMembers);
        Assert.Equal("AdditionalProperties", Type("Secret").OtherMembers);
        Assert.Equal("AdditionalProperties", Type("Merged").OtherMembers);
        Assert.Null(Type("Closed").OtherMembers);
        Assert.Null(Type("Dog").OtherMembers);

        // A declared property keeps the name; the other members take the next free one.
        var clash = Type("Clash");
        Assert.Equal("AdditionalProperties", Assert.Single(clash.Properties).Name);
        Assert.Equal("AdditionalProperties2", clash.OtherMembers);
    }

    [Fact]
    public void WhereTheyCannotBeKeptCDG0025SaysSoAndTheCodeCompiles()
    {
        var result = GeneratorHarness.Run(new SpecFile("/specs/others.yaml", Spec, "Others"));

        Assert.Empty(result.CompilationProblems());
        var lines = result.Diagnostics("CDG0025").Select(d => d.Location.GetLineSpan().StartLinePosition.Line + 1).Order().ToList();
        // Dog's allOf part (a hierarchy's member) and Upload as a multipart body; none for Kept, Clash, Secret or Merged.
        Assert.Equal([LineOf("additionalProperties: true", after: "Dog:"), LineOf("additionalProperties: { type: string }", after: "Upload:")], lines);

        var models = result.Sources.Single(s => s.HintName.EndsWith(".Models.g.cs", System.StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("[__Ser.JsonExtensionData]", models, System.StringComparison.Ordinal);
        // The record with a sensitive property prints the dictionary (its type, not its values) after the properties.
        Assert.Contains("builder.Append(\", AdditionalProperties = \").Append(AdditionalProperties);", models, System.StringComparison.Ordinal);
    }

    [Fact]
    public void APropertyGivenOnlyConstraintsBesideAnAllOfPartKeepsThatPartsType()
    {
        // linode's firewall rules: the body is the Rules schema (allOf) with `inbound: { required: [...] }` beside it,
        // which narrows the array of rules (JSON Schema's allOf holds a value to both) rather than making it any JSON.
        const string spec = """
            openapi: 3.0.3
            info: { title: Narrow, version: '1' }
            paths:
              /rules:
                put:
                  operationId: putRules
                  requestBody:
                    content:
                      application/json:
                        schema:
                          allOf: [{ $ref: '#/components/schemas/Rules' }]
                          properties:
                            inbound: { required: [action], description: narrowed }
                            label: { maxLength: 5 }
                            renamed: { x-csharp-name: Other }
                  responses:
                    '200': { description: ok }
            components:
              schemas:
                Rule:
                  type: object
                  properties:
                    action: { type: string }
                Rules:
                  type: object
                  properties:
                    inbound: { type: array, items: { $ref: '#/components/schemas/Rule' } }
                    label: { type: string }
                    renamed: { type: integer }
            """;
        var result = GeneratorHarness.Run(new SpecFile("/specs/narrow.yaml", spec, "Narrow"));

        Assert.Empty(result.CompilationProblems());
        var models = result.Sources.Single(s => s.HintName.EndsWith(".Models.g.cs", System.StringComparison.Ordinal)).SourceText.ToString();
        var body = models[models.IndexOf("record PutRulesRequest", System.StringComparison.Ordinal)..];
        body = body[..body.IndexOf("\n\t}", System.StringComparison.Ordinal)];
        Assert.Contains("__G.IReadOnlyList<__M.Rule>? Inbound", body, System.StringComparison.Ordinal);
        Assert.Contains("string? Label", body, System.StringComparison.Ordinal);
        // A schema with more than constraints (here a name of its own) still replaces the part's: it is not only narrowing.
        Assert.Contains("JsonElement? Other", body, System.StringComparison.Ordinal);
    }

    [Fact]
    public void ShapesThatDifferOnlyInKeepingOtherMembersAreNotMerged()
    {
        const string spec = """
            openapi: 3.0.3
            info: { title: Shapes, version: '1' }
            paths:
              /a:
                get:
                  operationId: getA
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            type: object
                            properties:
                              open: { type: object, properties: { n: { type: integer } }, additionalProperties: true }
                              closed: { type: object, properties: { n: { type: integer } } }
            """;
        var model = PlannedModel.Of(new SpecInput("/specs/shapes.yaml", spec, "Shapes", null, null))!;
        var objects = model.Types.Where(t => t.Properties.Count == 1 && t.Properties[0].WireName == "n").ToList();
        Assert.Equal(2, objects.Count);
        Assert.Single(objects, t => t.OtherMembers is not null);
    }

    [Fact]
    public void AlternativesThatOnlyRequireOrNarrowDeclaredPropertiesAreNotReported()
    {
        const string spec = """
            openapi: 3.0.3
            info: { title: Alternatives, version: '1' }
            paths: {}
            components:
              schemas:
                OneMustBeSet:
                  type: object
                  properties:
                    state: { type: string }
                    assignees: { type: array, items: { type: string } }
                  anyOf:
                    - required: [state]
                    - { required: [assignees], description: 'or the assignees', x-note: 1 }
                Narrowed:
                  type: object
                  properties:
                    status: { type: string }
                    conclusion: { type: string }
                  anyOf:
                    - { type: object, properties: { status: { enum: [completed] } }, required: [conclusion], additionalProperties: true }
                    - { properties: { status: { enum: [queued] } } }
                OwnMember:
                  type: object
                  properties:
                    state: { type: string }
                  oneOf:
                    - required: [state]
                    - { properties: { other: { type: string } } }
                UndeclaredRequired:
                  type: object
                  properties:
                    state: { type: string }
                  oneOf:
                    - required: [state]
                    - required: [elsewhere]
                UntypedProperty:
                  type: object
                  properties:
                    state: { type: string }
                  anyOf:
                    - { properties: { note: { description: 'any value' } }, required: [note] }
                ClosedUndeclared:
                  type: object
                  additionalProperties: false
                  properties:
                    code: { type: string }
                  oneOf:
                    - required: [code]
                    - required: [secret]
                RequiresUndeclared:
                  type: object
                  required: [key]
                  properties:
                    blob_key: { type: string }
                ClosedRequiresUndeclared:
                  type: object
                  additionalProperties: false
                  required: [key]
                  properties:
                    blob_key: { type: string }
                Pet:
                  type: object
                  required: [kind]
                  properties:
                    kind: { type: string }
                  discriminator: { propertyName: kind }
                Cat:
                  allOf:
                    - $ref: '#/components/schemas/Pet'
                    - type: object
                      properties:
                        meow: { type: boolean }
                      oneOf:
                        - required: [purr]
                OtherSchema:
                  type: object
                  properties:
                    state: { type: string }
                  oneOf:
                    - $ref: '#/components/schemas/OneMustBeSet'
            """;
        var result = GeneratorHarness.Run(new SpecFile("/specs/alternatives.yaml", spec, "Alternatives"));

        Assert.Empty(result.CompilationProblems());
        var reported = result.Diagnostics("CDG0023").Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        // Members with schemas of their own, another schema, and an untyped member a hierarchy's member cannot keep.
        Assert.Equal(3, reported.Count);
        Assert.Contains(reported, m => m.Contains("OwnMember", System.StringComparison.Ordinal));
        Assert.Contains(reported, m => m.Contains("OtherSchema", System.StringComparison.Ordinal));
        Assert.Contains(reported, m => m.Contains("Cat", System.StringComparison.Ordinal));

        // What the alternatives add is kept as JSON values (an untyped member is any JSON value, so nothing is lost and
        // it is not reported), as is a required name the object does not declare; alternatives that add nothing, or only
        // members the object does not allow, need no room.
        var model = PlannedModel.Of(new SpecInput("/specs/alternatives.yaml", spec, "Alternatives", null, null))!;
        Assert.Equal(
            ["Cat:", "ClosedRequiresUndeclared:", "ClosedUndeclared:", "Narrowed:", "OneMustBeSet:", "OtherSchema:AdditionalProperties", "OwnMember:AdditionalProperties",
             "Pet:", "RequiresUndeclared:AdditionalProperties", "UndeclaredRequired:AdditionalProperties", "UnknownPet:", "UntypedProperty:AdditionalProperties"],
            model.Types.Where(t => t.Kind == CelerData.Generated.Model.TypeKind.Object).Select(t => t.Name + ":" + t.OtherMembers).Order(System.StringComparer.Ordinal));
    }

    /// <summary>The 1-based line of the first line reading <paramref name="text"/> (trimmed) after the one reading <paramref name="after"/>.</summary>
    private static int LineOf(string text, string after)
    {
        var lines = Spec.Split('\n').Select(l => l.Trim()).ToArray();
        return System.Array.IndexOf(lines, text, System.Array.IndexOf(lines, after)) + 1;
    }
}
