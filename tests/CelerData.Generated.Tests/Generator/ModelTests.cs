using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using CelerData.Generated.Model;
using CelerData.Generated.Parsing;
using CelerData.Generated.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CelerData.Generated.Tests.Generator;

/// <summary>The cached model is plain data: it compares by value and holds nothing from the compilation.</summary>
public sealed class ModelTests
{
    /// <summary>
    /// Values the model may hold as they are: immutable and compared by value. A diagnostic descriptor travels with
    /// its diagnostic's data, as in the System.Text.Json generator; it is data (ids and message formats), not a symbol.
    /// </summary>
    private static readonly HashSet<System.Type> AllowedLeaves = new() { typeof(string), typeof(int), typeof(long), typeof(bool), typeof(DiagnosticDescriptor) };

    [Fact]
    public void ModelTypesHoldNoSymbolsOrCompilationData()
    {
        var visited = new HashSet<System.Type>();
        Walk(typeof(ParseResult), visited);
        Walk(typeof(PlanResult), visited);
        Assert.Contains(typeof(ParsedSpec), visited);
        Assert.Contains(typeof(SpecModel), visited);
        Assert.Contains(typeof(TypeRef), visited);
        Assert.Contains(typeof(DiagnosticInfo), visited);
    }

    [Fact]
    public void ParsingTheSameTextTwiceGivesEqualModels()
    {
        var text = File.ReadAllText(RepositoryPaths.Spec);
        var first = SpecParser.Parse(new SpecInput("/a.yaml", text, "N", null, null), CancellationToken.None);
        var second = SpecParser.Parse(new SpecInput("/a.yaml", text, "N", null, null), CancellationToken.None);
        Assert.NotNull(first.Spec);
        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());

        var edited = SpecParser.Parse(new SpecInput("/a.yaml", text.Replace("Create access token", "Create an access token", StringComparison.Ordinal), "N", null, null), CancellationToken.None);
        Assert.NotEqual(first, edited);
    }

    [Fact]
    public void TheTokenOperationIsFoundWithItsRateLimit()
    {
        var model = PlannedModel.Of(new SpecInput("/a.yaml", File.ReadAllText(RepositoryPaths.Spec), "N", null, null))!;
        Assert.Equal("CelerDataCloud", model.ClientName);
        Assert.Equal(new TokenOperationModel("CreateAccessTokenAsync", "AccessToken", "ExpiresIn", "RefreshToken", "TokenType", 600), model.TokenOperation);
        var token = model.Operations.Single(o => o.OperationId == "createAccessToken");
        Assert.Equal(new SecurityRequirementModel(new[] { new SecuritySchemeUse(SecuritySchemeKind.Basic) }.ToEquatableArray()), Assert.Single(token.Security.Alternatives));
        Assert.Empty(token.Parameters);
        Assert.Equal(new ConstantQueryModel("grant_type", "client_credentials"), Assert.Single(token.ConstantQuery));
        Assert.Equal(new PathTemplateModel(new[] { new PathSegment(PathSegmentKind.Literal, "/api/1.0/token") }.ToEquatableArray(), "grant_type=client_credentials", "/api/1.0/token?grant_type=client_credentials"), token.Template);
        Assert.All(model.Operations.Where(o => o != token), o => Assert.Equal("bearer", o.Security.ToRequirementText()));
        Assert.Equal("https://cloud-api.celerdata.com/", model.DefaultServerUrl);
    }

    [Theory]
    [InlineData("spec/celerdata-cloud.openapi.yaml")]
    [InlineData("tests/CelerData.Generated.Tests/Specs/features.openapi.yaml")]
    [InlineData("tests/CelerData.Generated.Tests/Specs/bodies.openapi.yaml")]
    [InlineData("tests/CelerData.Generated.Tests/Specs/maps.openapi.yaml")]
    public void EveryPrimitiveTypeCarriesItsKind(string spec)
    {
        var model = PlannedModel.Of(new SpecInput("/" + Path.GetFileName(spec), File.ReadAllText(Path.Combine(RepositoryPaths.Root, spec)), "N", null, null))!;
        var spelled = typeof(PrimitiveTypes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(TypeRef))
            .Select(f => (TypeRef)f.GetValue(null)!)
            .Concat([BodyReader.FilePart, BodyReader.Stream])
            .ToDictionary(t => t.Primitive, t => t.Name);
        Assert.Equal(System.Enum.GetValues<PrimitiveKind>().Length - 1, spelled.Count);

        var references = model.Types.SelectMany(t => t.Properties).Select(p => p.Type)
            .Concat(model.Operations.SelectMany(o => o.Parameters).Select(p => p.Type))
            .Concat(model.Operations.Select(o => o.ResponseType).OfType<TypeRef>())
            .SelectMany(Flatten)
            .ToList();
        Assert.Contains(references, t => t.Kind == TypeRefKind.Primitive);
        foreach (var type in references)
        {
            // A primitive names its kind, spelled as PrimitiveTypes spells it; anything else has none.
            Assert.Equal(type.Kind == TypeRefKind.Primitive, type.Primitive != PrimitiveKind.None);
            if (type.Kind == TypeRefKind.Primitive)
            {
                Assert.Equal(spelled[type.Primitive], type.Name);
            }
        }

        static IEnumerable<TypeRef> Flatten(TypeRef type) => type.Element is null ? [type] : Flatten(type.Element).Prepend(type);
    }

    [Fact]
    public void AParameterStyleIsReadOnceIntoItsKind()
    {
        const string Spec = """
            openapi: 3.0.3
            info: { title: Styles, version: "1" }
            paths:
              /items/{id}:
                get:
                  operationId: getItem
                  parameters:
                    - { name: id, in: path, required: true, style: matrix, schema: { type: string } }
                    - { name: tags, in: query, style: pipeDelimited, explode: false, schema: { type: array, items: { type: string } } }
                    - { name: where, in: query, style: deepObject, schema: { type: object, properties: { kind: { type: string } } } }
                    - { name: plain, in: query, schema: { type: string } }
                    - { name: x-flag, in: header, schema: { type: string } }
                    - { name: odd, in: query, style: DeepObject, schema: { type: object, properties: { kind: { type: string } } } }
                  responses: { "204": { description: none } }
            """;
        var operation = PlannedModel.Of(new SpecInput("/styles.yaml", Spec, "Styles", null, null))!.Operations.Single();
        Assert.Equal(
            [ParameterStyle.Matrix, ParameterStyle.PipeDelimited, ParameterStyle.DeepObject, ParameterStyle.Form, ParameterStyle.Simple, ParameterStyle.Form],
            operation.Parameters.Select(p => p.Style));

        // OpenAPI's names are case-sensitive: 'DeepObject' is no style (CDG0033, sent in the query's default, form).
        foreach (var style in System.Enum.GetValues<ParameterStyle>().Where(s => s != ParameterStyle.None))
        {
            Assert.Equal(style, ParameterStyles.Parse(style.WireName()));
        }

        Assert.Null(ParameterStyles.Parse("DeepObject"));
        Assert.Null(ParameterStyles.Parse(string.Empty));
    }

    [Fact]
    public void TheWirePlanDecidesBodyHelpersEnumFormattersAndUnionsOnce()
    {
        const string Spec = """
            openapi: 3.0.3
            info: { title: Planned, version: "1" }
            paths:
              /items:
                get:
                  operationId: listItems
                  parameters:
                    - { name: color, in: query, schema: { $ref: '#/components/schemas/Color' } }
                    - { name: sizes, in: header, schema: { type: array, items: { $ref: '#/components/schemas/Size' } } }
                    - { name: key, in: query, schema: { $ref: '#/components/schemas/Key' } }
                    - { name: since, in: query, schema: { type: string, format: date } }
                  responses: { "204": { description: none } }
                post:
                  operationId: addItem
                  requestBody:
                    content:
                      application/x-www-form-urlencoded:
                        schema: { $ref: '#/components/schemas/Item' }
                  responses: { "204": { description: none } }
            components:
              schemas:
                Size: { type: string, enum: [s, m] }
                Shade: { type: string, enum: [dark, light] }
                Color: { type: string, enum: [red, blue] }
                Key:
                  oneOf:
                    - type: string
                    - type: integer
                Item:
                  type: object
                  properties:
                    shade: { $ref: '#/components/schemas/Shade' }
            """;
        var wire = PlannedModel.Of(new SpecInput("/planned.yaml", Spec, "Planned", null, null))!.Wire;

        Assert.True(wire.Forms);
        Assert.False(wire.Multipart);

        // One Text overload: the date; the enums have their formatters, the union and the form go as JSON.
        Assert.Equal(PrimitiveKind.DateOnly, wire.TextTypes);

        // In the spec's type order; Shade is only a body property, written by the form's JSON metadata.
        Assert.Equal(["Size", "Color"], wire.FormattedEnums);
        Assert.Equal(["Key"], wire.Unions);
        Assert.True(wire.IsUnion(new TypeRef(TypeRefKind.Model, "Key", false, null, false)));
        Assert.False(wire.IsUnion(new TypeRef(TypeRefKind.Model, "Item", false, null, false)));
    }

    [Theory]
    [InlineData("/a/{id}/b", new[] { "L/a/", "Pid", "L/b" }, "", "/a/{id}/b", "/a/{id}/b")]
    [InlineData("/{Bucket}?uploads", new[] { "L/", "PBucket" }, "uploads&mode=x%20y", "/{Bucket}?uploads&mode=x%20y", "/{Bucket}?uploads&mode=x%20y")]
    [InlineData("/#X-Amz-Target=Get", new[] { "L/" }, "mode=x%20y", "/?mode=x%20y#X-Amz-Target=Get", "/?mode=x%20y")]
    [InlineData("/#X-Amz-Target=Get?x=1", new[] { "L/" }, "", "/#X-Amz-Target=Get?x=1", "/")]
    [InlineData("/{Bucket}?uploads#X-Amz-Target=Get", new[] { "L/", "PBucket" }, "uploads&mode=x%20y", "/{Bucket}?uploads&mode=x%20y#X-Amz-Target=Get", "/{Bucket}?uploads&mode=x%20y")]
    [InlineData("/tags/{arn}#tagKeys", new[] { "L/tags/", "Parn" }, "", "/tags/{arn}#tagKeys", "/tags/{arn}")]
    [InlineData("/{a}{b}", new[] { "L/", "Pa", "Pb" }, "", "/{a}{b}", "/{a}{b}")]
    public void APathTemplateIsParsedOnceIntoSegmentsAndQuery(string template, string[] segments, string query, string refitTemplate, string sent)
    {
        var constants = refitTemplate.Contains("mode=", StringComparison.Ordinal) ? new[] { new ConstantQueryModel("mode", "x y") } : [];
        var planned = PathTemplatePlanner.Plan(template, constants);
        Assert.Equal(segments, planned.Segments.Select(s => (s.Kind == PathSegmentKind.Literal ? "L" : "P") + s.Text));
        Assert.Equal(query, planned.Query);
        Assert.Equal(refitTemplate, planned.RefitTemplate);
        Assert.Equal(sent, planned.SentTemplate);
    }

    [Fact]
    public void AMethodsDocShowsTheRequestWithoutTheFragmentThatIsNotSent()
    {
        const string Spec = """
            openapi: 3.0.3
            info: { title: Tags, version: "1" }
            paths:
              /tags/{arn}#tagKeys:
                delete:
                  operationId: untag
                  parameters:
                    - { name: arn, in: path, required: true, schema: { type: string } }
                  responses: { "204": { description: none } }
            """;
        var api = GeneratorHarness.Run(new SpecFile("/tags.yaml", Spec, "Tags")).Sources.Single(s => s.HintName.EndsWith(".Api.g.cs", StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("Sends <c>DELETE /tags/{arn}</c>", api, StringComparison.Ordinal);
        Assert.Contains("[global::Refit.Delete(\"/tags/{arn}#tagKeys\")]", api, StringComparison.Ordinal);
    }

    [Fact]
    public void OnlyOperationIdsTheSpecDeclaresReachTheDescriptor()
    {
        const string Spec = """
            openapi: 3.0.3
            info: { title: Ids, version: "1" }
            paths:
              /named:
                get:
                  operationId: getNamed
                  responses: { "204": { description: none } }
              /unnamed:
                get:
                  responses: { "204": { description: none } }
            """;
        var model = PlannedModel.Of(new SpecInput("/ids.yaml", Spec, "Ids", null, null))!;
        Assert.Equal([("getNamed", true), ("get /unnamed", false)], model.Operations.Select(o => (o.OperationId, o.HasDeclaredOperationId)));

        var registration = GeneratorHarness.Run(new SpecFile("/ids.yaml", Spec, "Ids")).Sources.Single(s => s.HintName.EndsWith("Registration.g.cs", StringComparison.Ordinal)).SourceText.ToString();
        var operationIds = registration[registration.IndexOf("OperationIds =", StringComparison.Ordinal)..];
        operationIds = operationIds[..operationIds.IndexOf("},", StringComparison.Ordinal)];
        Assert.Contains("[\"GetNamedAsync\"] = \"getNamed\",", operationIds, StringComparison.Ordinal);
        Assert.DoesNotContain("unnamed", operationIds, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("CelerData Cloud API", "CelerDataCloud")]
    [InlineData("Swagger Petstore", "SwaggerPetstore")]
    [InlineData("api", "Api")]
    [InlineData("  ", "FallbackName")]
    [InlineData("1 2 3 API", "_123")]
    public void ClientNamesComeFromTheTitle(string title, string expected)
        => Assert.Equal(expected, SpecParser.ClientNameFromTitle(title, "/specs/fallback-name.yaml"));

    [Theory]
    [InlineData("access_token", "AccessToken")]
    [InlineData("createAccessToken", "CreateAccessToken")]
    [InlineData("x-rate-limit", "XRateLimit")]
    [InlineData("1st", "_1st")]
    [InlineData("$$$", "Fallback")]
    [InlineData("HTTPServer", "HTTPServer")]
    [InlineData("日本語", "日本語")]
    public void PascalCase(string input, string expected) => Assert.Equal(expected, Identifiers.ToPascalCase(input, "Fallback"));

    [Theory]
    [InlineData("cluster_id", "clusterId")]
    [InlineData("HTTPServer", "httpServer")]
    [InlineData("ID", "id")]
    [InlineData("X-Request-Id", "xRequestId")]
    [InlineData("class", "class")]
    public void CamelCase(string input, string expected) => Assert.Equal(expected, Identifiers.ToCamelCase(input, "value"));

    private static void Walk(System.Type type, HashSet<System.Type> visited)
    {
        if (!visited.Add(type) || AllowedLeaves.Contains(type) || type.IsEnum)
        {
            return;
        }

        Assert.False(typeof(ISymbol).IsAssignableFrom(type), type + " is a symbol");
        Assert.False(typeof(SyntaxNode).IsAssignableFrom(type), type + " is a syntax node");
        Assert.False(typeof(Compilation).IsAssignableFrom(type), type + " is a compilation");
        Assert.False(typeof(Location).IsAssignableFrom(type), type + " is a location");
        Assert.False(typeof(SpecNode).IsAssignableFrom(type), type + " is a parse-tree node");

        var underlying = System.Nullable.GetUnderlyingType(type);
        if (underlying is not null)
        {
            Walk(underlying, visited);
            return;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(EquatableArray<>))
        {
            Walk(type.GetGenericArguments()[0], visited);
            return;
        }

        Assert.True(type.Namespace == typeof(SpecModel).Namespace, type + " is not a model type of the generator");
        Assert.True(typeof(System.IEquatable<>).MakeGenericType(type).IsAssignableFrom(type), type + " does not compare by value");
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            Walk(property.PropertyType, visited);
        }
    }
}
