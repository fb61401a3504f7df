using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace CelerData.Generated;

/// <summary>Every diagnostic the generator reports. Ids are stable; each is listed in the AnalyzerReleases files and the README.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "CelerData.Generated";

    public static readonly DiagnosticDescriptor InvalidSyntax = new(
        "CDG0001",
        "The spec is not valid YAML or JSON",
        "The spec is not valid YAML or JSON: {0}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor NotOpenApi3 = new(
        "CDG0002",
        "The spec is not an OpenAPI 3 document",
        "The spec is not an OpenAPI 3.0 or 3.1 document: {0}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor MissingField = new(
        "CDG0003",
        "A required field is missing",
        "'{0}' is required in {1}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor WrongType = new(
        "CDG0004",
        "A field has the wrong type",
        "'{0}' must be {1}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor DanglingReference = new(
        "CDG0005",
        "A $ref points nowhere",
        "The reference '{0}' does not resolve to anything in this document",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor DuplicateOperationId = new(
        "CDG0006",
        "Two operations share an operationId",
        "The operationId '{0}' is already used by {1}; operationIds must be unique",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor Unsupported = new(
        "CDG0007",
        "The spec uses a construct the generator does not support",
        "{0} is not supported: {1}",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ReferenceCycle = new(
        "CDG0008",
        "A $ref refers to itself",
        "The reference '{0}' leads back to itself without ever reaching a schema",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnreadableSpec = new(
        "CDG0009",
        "The spec file cannot be read",
        "The spec file cannot be read: {0}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor DuplicateKey = new(
        "CDG0010",
        "A key appears twice in one mapping",
        "The key '{0}' appears more than once in the same mapping; the first one is used",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor DuplicateClient = new(
        "CDG0011",
        "Two specs generate the same client",
        "The specs '{0}' and '{1}' both generate '{2}'; give one of them another Namespace or ClientName",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InvalidMetadata = new(
        "CDG0012",
        "CelerDataSpec metadata is not a valid C# name",
        "The {0} '{1}' given for this spec is not a valid C# {2}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor PathParameterMismatch = new(
        "CDG0013",
        "A path template and its parameters disagree",
        "{0}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InvalidValue = new(
        "CDG0014",
        "A field has a value that is not allowed",
        "'{0}' has the value '{1}', but must be {2}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor MissingPrerequisite = new(
        "CDG0015",
        "The project cannot compile the generated client",
        "The generated client needs {0}; no code is generated for this spec until the project has it",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InternalError = new(
        "CDG0099",
        "The generator failed on this spec",
        "The generator failed on this spec ({0}); please report it with the spec attached",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    private static readonly Dictionary<string, DiagnosticDescriptor> ById = Index(
        InvalidSyntax,
        NotOpenApi3,
        MissingField,
        WrongType,
        DanglingReference,
        DuplicateOperationId,
        Unsupported,
        ReferenceCycle,
        UnreadableSpec,
        DuplicateKey,
        DuplicateClient,
        InvalidMetadata,
        PathParameterMismatch,
        InvalidValue,
        MissingPrerequisite,
        InternalError);

    public static IEnumerable<DiagnosticDescriptor> All => ById.Values;

    public static DiagnosticDescriptor Get(string id) => ById[id];

    private static Dictionary<string, DiagnosticDescriptor> Index(params DiagnosticDescriptor[] descriptors)
    {
        var index = new Dictionary<string, DiagnosticDescriptor>(System.StringComparer.Ordinal);
        foreach (var descriptor in descriptors)
        {
            index.Add(descriptor.Id, descriptor);
        }

        return index;
    }
}
