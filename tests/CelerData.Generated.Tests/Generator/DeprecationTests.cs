using System.Linq;
using CelerData.Generated.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace CelerData.Generated.Tests.Generator;

/// <summary>Deprecated properties: <c>[Obsolete]</c> where C# allows it, and never a warning for the consumer.</summary>
public sealed class DeprecationTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: { title: Deprecation, version: "1" }
        paths:
          /widgets:
            post:
              operationId: createWidget
              requestBody:
                required: true
                content:
                  application/json:
                    schema: { $ref: "#/components/schemas/Widget" }
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/OldWidget" }
        components:
          schemas:
            Widget:
              type: object
              required: [name, legacy_id]
              properties:
                name: { type: string }
                legacy_id: { type: integer, deprecated: true }
                old_name: { type: string, deprecated: true }
            OldWidget:
              type: object
              deprecated: true
              required: [legacy_id]
              properties:
                legacy_id: { type: integer, deprecated: true }
        """;

    /// <summary>
    /// A required deprecated property of a type that is not deprecated is not <c>[Obsolete]</c> (CS9042, and every
    /// caller must set it); an optional one is, and so is a required one of a deprecated type. The output and a
    /// consumer that sets the required property compile with warnings as errors.
    /// </summary>
    [Fact]
    public void RequiredDeprecatedPropertiesCompileWithoutWarnings()
    {
        var result = GeneratorHarness.Run(new SpecFile("/specs/deprecation.yaml", Spec, "Deprecation.Client"));
        Assert.Empty(result.GeneratorDiagnostics);
        const string consumer = """
            namespace Consumer
            {
                internal static class Use
                {
                    public static global::Deprecation.Client.Widget Make() => new() { Name = "a", LegacyId = 1 };
                }
            }
            """;
        var compilation = result.Output
            .AddSyntaxTrees(CSharpSyntaxTree.ParseText(consumer, GeneratorHarness.ParseOptions, "Use.cs"))
            .WithOptions(result.Output.Options.WithGeneralDiagnosticOption(ReportDiagnostic.Error));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()));

        var widget = compilation.GetTypeByMetadataName("Deprecation.Client.Widget")!;
        var legacy = (IPropertySymbol)widget.GetMembers("LegacyId").Single();
        Assert.True(legacy.IsRequired);
        Assert.False(IsObsolete(legacy));
        Assert.Contains("Deprecated in the API description", legacy.GetDocumentationCommentXml(), StringComparison.Ordinal);
        Assert.True(IsObsolete(widget.GetMembers("OldName").Single()));
        var oldWidget = compilation.GetTypeByMetadataName("Deprecation.Client.OldWidget")!;
        Assert.True(IsObsolete(oldWidget));
        Assert.True(IsObsolete(oldWidget.GetMembers("LegacyId").Single()));
    }

    private static bool IsObsolete(ISymbol symbol)
        => symbol.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "System.ObsoleteAttribute");
}
