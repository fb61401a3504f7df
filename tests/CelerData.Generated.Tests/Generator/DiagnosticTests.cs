using System.Collections.Generic;
using System.Linq;
using CelerData.Generated.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CelerData.Generated.Tests.Generator;

/// <summary>Every way a spec can be wrong gets its CDG diagnostic at the right line and column, and no crash.</summary>
public sealed class DiagnosticTests
{
    private const string Head = "openapi: 3.0.3\ninfo:\n  title: T\n  version: '1'\n";

    /// <summary>One way a spec can be wrong: the diagnostic it gets, where (1-based line and column) and a fragment of the message.</summary>
    public sealed record Case(string Id, string Spec, int Line, int Column, string Message);

    private static readonly IReadOnlyDictionary<string, Case> AllCases = new Dictionary<string, Case>(System.StringComparer.Ordinal)
    {
        ["InvalidYaml"] = new("CDG0001", "openapi: 3.0.3\ninfo: [unclosed\n", 3, 1, ""),
        ["InvalidJsonMissingComma"] = new("CDG0001", "{ \"openapi\": \"3.0.3\", \"info\": { \"title\": \"T\" \"version\": \"1\" } }", 1, 46, "Expected ',' or '}'"),
        ["SeveralYamlDocuments"] = new("CDG0001", "openapi: 3.0.3\n---\nopenapi: 3.0.3\n", 2, 1, "more than one YAML document"),
        ["Swagger2"] = new("CDG0002", "swagger: '2.0'\ninfo:\n  title: T\n  version: '1'\npaths: {}\n", 1, 10, "Swagger 2.0"),
        ["UnknownOpenApiVersion"] = new("CDG0002", "openapi: 2.5.0\ninfo:\n  title: T\n  version: '1'\npaths: {}\n", 1, 10, "2.5.0"),
        ["RootIsAList"] = new("CDG0002", "- just\n- a list\n", 1, 1, "not a mapping"),
        ["MissingOpenApi"] = new("CDG0003", "info:\n  title: T\n  version: '1'\npaths: {}\n", 1, 1, "'openapi' is required"),
        ["MissingInfoTitle"] = new("CDG0003", "openapi: 3.0.3\ninfo:\n  version: '1'\npaths: {}\n", 3, 3, "'title' is required in info"),
        ["MissingPaths"] = new("CDG0003", Head, 1, 1, "'paths' is required"),
        ["PathsIsAList"] = new("CDG0004", Head + "paths: []\n", 5, 8, "must be a mapping"),
        ["SchemaTypeIsANumber"] = new("CDG0014", Head + "paths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema:\n                type: 42\n", 14, 23, "'type' has the value '42'"),
        ["DanglingSchemaReference"] = new("CDG0005", Head + "paths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema:\n                $ref: '#/components/schemas/Missing'\n", 14, 23, "#/components/schemas/Missing"),
        ["DuplicateOperationId"] = new("CDG0006", Head + "paths:\n  /a:\n    get:\n      operationId: same\n      responses: {}\n  /b:\n    get:\n      operationId: same\n      responses: {}\n", 12, 20, "'same' is already used by GET /a"),
        ["OneOfWithoutAlternatives"] = new("CDG0021", Head + "paths: {}\ncomponents:\n  schemas:\n    A:\n      oneOf: []\n", 9, 7, "'oneOf' without any alternative"),
        ["ExternalSchemaReference"] = new("CDG0026", Head + "paths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema:\n                $ref: 'other.yaml#/components/schemas/A'\n", 14, 23, "external reference"),
        ["ReferenceCycle"] = new("CDG0008", Head + "paths: {}\ncomponents:\n  schemas:\n    A:\n      $ref: '#/components/schemas/B'\n    B:\n      $ref: '#/components/schemas/A'\n", 9, 13, "leads back to itself"),
        ["EmptyFile"] = new("CDG0009", "   \n", 1, 1, "empty"),
        ["DuplicateKey"] = new("CDG0010", Head + "paths: {}\ninfo:\n  title: again\n", 6, 1, "'info' appears more than once"),
        ["PathParameterNotDeclared"] = new("CDG0013", Head + "paths:\n  /a/{id}:\n    get:\n      responses: {}\n", 7, 5, "declares no path parameter 'id'"),
        ["PathParameterNotInTemplate"] = new("CDG0013", Head + "paths:\n  /a:\n    get:\n      parameters:\n        - name: id\n          in: path\n          required: true\n          schema: { type: string }\n      responses: {}\n", 7, 5, "does not appear in the path"),
        ["UndeclaredParameterInLiteralQuery"] = new("CDG0013", Head + "paths:\n  /a?page={page}:\n    post:\n      responses: {}\n", 7, 5, "'{page}' in its query"),
        ["PathParameterInLiteralQuery"] = new("CDG0013", Head + "paths:\n  /a/{id}?view=v{mode}:\n    get:\n      parameters:\n        - { name: id, in: path, required: true, schema: { type: string } }\n        - { name: mode, in: path, required: true, schema: { type: string } }\n      responses: {}\n", 7, 5, "'{mode}' in its query"),
        ["PathParameterInFragment"] = new("CDG0013", Head + "paths:\n  /tags/{arn}#{part}:\n    get:\n      parameters:\n        - { name: arn, in: path, required: true, schema: { type: string } }\n        - { name: part, in: path, required: true, schema: { type: string } }\n      responses: {}\n", 7, 5, "'{part}' in its fragment"),
        ["ParameterInBody"] = new("CDG0014", Head + "paths:\n  /a:\n    get:\n      parameters:\n        - name: id\n          in: body\n          schema: { type: string }\n      responses: {}\n", 10, 15, "path, query, header or cookie"),
        ["InvalidCSharpName"] = new("CDG0014", Head + "paths:\n  /a:\n    get:\n      x-csharp-name: 'not valid'\n      responses: {}\n", 8, 22, "valid C# identifier"),
        ["PathWithoutSlash"] = new("CDG0014", Head + "paths:\n  a:\n    get:\n      responses: {}\n", 6, 3, "starts with '/'"),
        ["RateLimitNotANumber"] = new("CDG0014", Head + "paths:\n  /a:\n    get:\n      x-rate-limit-per-minute: many\n      responses: {}\n", 8, 32, "'x-rate-limit-per-minute' has the value 'many'"),
        ["EnvelopeNotAMapping"] = new("CDG0039", Head + "x-response-envelope: [code]\npaths: {}\n", 5, 22, "'x-response-envelope' must be a mapping, or false"),
        ["EnvelopeWithoutCode"] = new("CDG0039", Head + "x-response-envelope:\n  data: data\n  success: [0]\npaths: {}\n", 6, 3, "'code' must be the name of a property"),
        ["EnvelopeWithoutSuccessCodes"] = new("CDG0039", Head + "x-response-envelope:\n  code: code\n  success: []\npaths: {}\n", 7, 12, "'success' must be a list of whole numbers with at least one"),
        ["EnvelopeCodeNotANumber"] = new("CDG0039", Head + "paths:\n  /a:\n    get:\n      x-response-envelope: { code: c, success: [ok] }\n      responses: {}\n", 8, 49, "'success' must be a list of whole numbers"),
        ["EnvelopeUnknownKey"] = new("CDG0039", Head + "x-response-envelope:\n  code: code\n  success: [0]\n  sucess: [1]\npaths: {}\n", 8, 3, "'sucess' must be one of code, message, data"),
        ["DeepObjectStyle"] = new("CDG0033", Head + "paths:\n  /a:\n    get:\n      parameters:\n        - name: ids\n          in: query\n          style: deepObject\n          schema: { type: string }\n      responses: {}\n", 11, 18, "'style: deepObject'"),
        ["YamlNestedTooDeep"] = new("CDG0001", "openapi: 3.0.3\nx: " + new string('[', 500) + new string(']', 500) + "\n", 2, 1, "levels deep"),
        ["JsonNestedTooDeep"] = new("CDG0001", "{\"openapi\": \"3.0.3\", \"x\": " + new string('[', 500) + new string(']', 500) + "}", 1, 1, "levels deep"),
        ["ArrayWithoutItems"] = new("CDG0045", Head + "paths: {}\ncomponents:\n  schemas:\n    A:\n      type: array\n", 9, 7, "has no 'items'"),
        ["UnknownSecurityScheme"] = new("CDG0046", Head + "paths:\n  /a:\n    get:\n      security:\n        - missing: []\n      responses: {}\n", 9, 11, "names 'missing'"),
        ["UnservableSecurity"] = new("CDG0037", Head + "paths:\n  /a:\n    get:\n      security:\n        - digest: []\n      responses: {}\ncomponents:\n  securitySchemes:\n    digest: { type: http, scheme: digest }\n", 9, 9, "No security requirement of GET /a is supported"),
        ["FormOfAnArray"] = new("CDG0035", Head + "paths:\n  /a:\n    post:\n      requestBody:\n        content:\n          application/x-www-form-urlencoded:\n            schema: { type: array, items: { type: string } }\n      responses: {}\n", 10, 11, "application/x-www-form-urlencoded"),
        ["MultipartOfAnArray"] = new("CDG0035", Head + "paths:\n  /a:\n    post:\n      requestBody:\n        content:\n          multipart/mixed:\n            schema: { type: array, items: { type: string } }\n      responses: {}\n", 10, 11, "multipart/mixed"),
        ["FormEncodingStyle"] = new("CDG0014", Head + "paths:\n  /a:\n    post:\n      requestBody:\n        content:\n          application/x-www-form-urlencoded:\n            schema: { type: object, properties: { a: { type: string } } }\n            encoding:\n              a: { style: matrix }\n      responses: {}\n", 13, 27, "matrix"),
        ["NotAMediaType"] = new("CDG0047", Head + "paths:\n  /a:\n    post:\n      requestBody:\n        content:\n          '':\n            schema: { type: object }\n      responses: {}\n", 10, 11, "content key ''"),
        ["UnsatisfiableObject"] = new("CDG0048", Head + "paths:\n  /e:\n    get:\n      responses:\n        '200':\n          description: e\n          content:\n            application/json:\n              schema: { $ref: '#/components/schemas/Employee' }\ncomponents:\n  schemas:\n    Employee:\n      type: object\n      additionalProperties: false\n      required: [name, self, key]\n      properties:\n        name: { type: string }\n", 19, 7, "'Employee' requires 'key', 'self', which it does not declare"),
        ["UnpairedSurrogate"] = new("CDG0001", "{\"openapi\": \"3.0.3\", \"x\": \"\\ud800\"}", 1, 27, "unpaired UTF-16 surrogate"),
    };

    public static TheoryData<string> Cases() => new(AllCases.Keys);

    /// <summary>The spec text of one named case.</summary>
    internal static string Spec(string name) => AllCases[name].Spec;

    [Theory]
    [MemberData(nameof(Cases))]
    public void IsReportedWhereTheProblemIs(string name)
    {
        var (id, spec, line, column, message) = AllCases[name];
        var path = "/specs/case.yaml";
        var result = GeneratorHarness.Run(new SpecFile(path, spec));
        var diagnostic = result.GeneratorDiagnostics.FirstOrDefault(d => d.Id == id);
        Assert.True(diagnostic is not null, "Expected " + id + " but got: " + string.Join("; ", result.GeneratorDiagnostics));
        var span = diagnostic!.Location.GetLineSpan();
        Assert.Equal(path, span.Path);
        if (id != "CDG0001" || !message.Contains("levels deep", StringComparison.Ordinal))
        {
            Assert.Equal((line, column), (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
        }

        Assert.Contains(message, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Empty(result.CompilationProblems());
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id == "CDG0099");
    }

    [Fact]
    public void DocumentErrorsStopCodeFromBeingEmitted()
    {
        var result = GeneratorHarness.Run(new SpecFile("/specs/broken.yaml", "openapi: 3.0.3\ninfo:\n  version: '1'\npaths:\n  /a:\n    get:\n      operationId: getA\n      responses: {}\n"));
        Assert.Contains(result.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Empty(result.Sources);
    }

    [Fact]
    public void WarningsStillEmitCompilingCode()
    {
        var result = GeneratorHarness.Run(new SpecFile("/specs/matrix.yaml", Head + "paths:\n  /a:\n    get:\n      operationId: getA\n      parameters:\n        - name: c\n          in: query\n          style: matrix\n          schema: { type: string }\n      responses: {}\n"));
        Assert.Equal(DiagnosticSeverity.Warning, Assert.Single(result.GeneratorDiagnostics).Severity);
        Assert.NotEmpty(result.Sources);
        Assert.Empty(result.CompilationProblems());
    }

    [Fact]
    public void TwoSpecsForOneClientAreReportedNotEmittedTwice()
    {
        var spec = Head + "paths: {}\n";
        var result = GeneratorHarness.Run(new SpecFile("/specs/a.yaml", spec, "Same"), new SpecFile("/specs/b.yaml", spec, "Same"));
        var diagnostic = Assert.Single(result.Diagnostics("CDG0011"));
        Assert.Equal("/specs/b.yaml", diagnostic.Location.GetLineSpan().Path);
        Assert.Empty(result.CompilationProblems());
    }

    [Theory]
    [InlineData("Namespace", "1Bad.Name")]
    [InlineData("ClientName", "class")]
    public void InvalidItemMetadataIsReported(string metadata, string value)
    {
        var spec = new SpecFile("/specs/a.yaml", Head + "paths: {}\n", metadata == "Namespace" ? value : null, metadata == "ClientName" ? value : null);
        var result = GeneratorHarness.Run(spec);
        var diagnostic = Assert.Single(result.Diagnostics("CDG0012"));
        Assert.Contains(value, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Empty(result.Sources);
    }

    [Fact]
    public void AnOldLanguageVersionIsReportedInsteadOfCodeThatCannotCompile()
    {
        var result = GeneratorHarness.Run(GeneratorHarness.References, GeneratorHarness.ParseOptions.WithLanguageVersion(Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp10), new SpecFile("/specs/a.yaml", Head + "paths: {}\n"));
        var diagnostic = Assert.Single(result.Diagnostics("CDG0015"));
        Assert.Contains("C# 11", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Equal("/specs/a.yaml", diagnostic.Location.GetLineSpan().Path);
        Assert.Empty(result.Sources);
    }

    [Fact]
    public void AMissingRefitReferenceIsReportedInsteadOfCodeThatCannotCompile()
    {
        var withoutRefit = GeneratorHarness.References.Where(r => !(r.Display ?? string.Empty).Contains("Refit", StringComparison.Ordinal)).ToList();
        var result = GeneratorHarness.Run(withoutRefit, GeneratorHarness.ParseOptions, new SpecFile("/specs/a.yaml", Head + "paths: {}\n"));
        Assert.Contains("Refit", Assert.Single(result.Diagnostics("CDG0015")).GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Empty(result.Sources);
        Assert.Empty(result.CompilationProblems());
    }

    [Fact]
    public void EveryDescriptorIsListedInTheReleaseTrackingFile()
    {
        var unshipped = System.IO.File.ReadAllText(System.IO.Path.Combine(RepositoryPaths.Root, "generator", "CelerData.Generated", "AnalyzerReleases.Unshipped.md"));
        var readme = System.IO.File.ReadAllText(System.IO.Path.Combine(RepositoryPaths.Root, "README.md"));
        var descriptors = typeof(DiagnosticDescriptors).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .ToList();
        Assert.True(descriptors.Count > 20, "the descriptors are found by reflection");
        Assert.Equal(descriptors.Count, descriptors.Select(d => d.Id).Distinct().Count());
        foreach (var descriptor in descriptors)
        {
            Assert.Contains(descriptor.Id + " | " + descriptor.Category + " | " + descriptor.DefaultSeverity, unshipped, StringComparison.Ordinal);
            Assert.Contains(descriptor.Id, readme, StringComparison.Ordinal);
        }
    }
}
