using Microsoft.CodeAnalysis;

namespace CelerData.Generated;

/// <summary>
/// Every diagnostic the generator reports. Ids are stable; each is listed in the AnalyzerReleases files and the README
/// (a test finds them by reflection). Each kind of unsupported construct has an id of its own, so a project can
/// silence one kind in .editorconfig and keep the rest. The descriptor travels with the diagnostic's data.
/// </summary>
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

    public static readonly DiagnosticDescriptor InvalidEnumStyle = new(
        "CDG0016",
        "CelerDataSpec EnumStyle is not Open or Closed",
        "The EnumStyle '{0}' given for this spec is not Open or Closed",
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

    public static readonly DiagnosticDescriptor SchemaTooDeep = new(
        "CDG0020",
        "Schemas nested too deep",
        "A chain of more than {0} nested schemas and references is not followed; the value is exposed as System.Text.Json.JsonElement",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor CompositionNotSupported = new(
        "CDG0021",
        "oneOf or anyOf without alternatives",
        "'{0}' without any alternative to generate; the value is exposed as System.Text.Json.JsonElement",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor AllOfTooDeep = new(
        "CDG0022",
        "allOf nested too deep",
        "'allOf' nested more than {0} deep ({1}) is not followed; the deeper members are not generated",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor CompositionInsideObject = new(
        "CDG0023",
        "oneOf or anyOf inside an object schema",
        "'{0}' inside an object schema ({1}) has alternatives with members or schemas of their own, which are not typed yet; only the object's own properties are generated, and a plain object keeps the other members as JSON values in AdditionalProperties",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor DiscriminatorNotSupported = new(
        "CDG0024",
        "discriminator value not served",
        "'discriminator' of '{0}': {1}",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor AdditionalPropertiesBesideProperties = new(
        "CDG0025",
        "additionalProperties beside properties",
        "'additionalProperties' beside 'properties' ({0}) is not kept in a member of a hierarchy of types or in the parts of a multipart body; members beyond the declared properties are dropped there",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ExternalSchemaReference = new(
        "CDG0026",
        "A schema reference leads outside the document",
        "The external reference '{0}' is not followed (only references inside the same document are); the value is exposed as System.Text.Json.JsonElement",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ExternalComponentReference = new(
        "CDG0027",
        "A component reference leads outside the document",
        "The external reference '{0}' is not followed (only references inside the same document are); the {1} is skipped",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor PathItemReference = new(
        "CDG0028",
        "A path item $ref",
        "A path item '$ref' ({0}) is not supported yet; the operations of this path are not generated",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor CallbacksNotGenerated = new(
        "CDG0029",
        "Callbacks are not generated",
        "'callbacks' ({0}) are requests the API sends, not calls a client makes; callback requests are not generated, the operation itself is",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ParameterWithoutSchema = new(
        "CDG0031",
        "A parameter without a schema",
        "The parameter '{0}' ({1}) is described with {2} rather than 'schema', which is not supported yet; {3}",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ObjectParameterSkipped = new(
        "CDG0032",
        "A parameter type without a parameter serialization",
        "The {0} parameter '{1}' ({2}) has a type no parameter style serializes (a list of objects or lists, a map of objects or lists, or binary); {3}",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ParameterStyleNotSupported = new(
        "CDG0033",
        "A parameter style does not apply",
        "'style: {0}' does not apply to the {1} parameter '{2}' ({3}) or its type; the value is sent in {4} style",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor RequestBodyMediaType = new(
        "CDG0035",
        "A request body media type is not supported",
        "A request body of type {0} ({1}) cannot be sent: a form-urlencoded body must be an object or a map, a multipart body an object of properties; the operation is not generated",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor LinksIgnored = new(
        "CDG0036",
        "Links are documentation only",
        "'links' ({0}) are documentation only; no code follows them",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor SecuritySchemeNotSupported = new(
        "CDG0037",
        "A security requirement the runtime cannot serve",
        "No security requirement of {0} is supported: the runtime sends HTTP Basic or bearer credentials (http basic, http bearer, oauth2, openIdConnect, one per requirement) and apiKey keys in a header (an HTTP token other than Content-* and Cookie), a query parameter or a cookie; the request is sent without credentials",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor WebhooksNotGenerated = new(
        "CDG0038",
        "Webhooks are not generated",
        "'webhooks' are requests the API sends, not calls a client makes; nothing is generated for them",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InvalidEnvelope = new(
        "CDG0039",
        "An x-response-envelope declaration is malformed",
        "The x-response-envelope declaration of {0} is ignored: '{1}' must be {2}",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor EnvelopeNeedsRuntime = new(
        "CDG0040",
        "Envelope unwrapping needs CelerData.Generated.Runtime",
        "The spec declares x-response-envelope, but the project does not reference CelerData.Generated.Runtime, whose typed exceptions the unwrapped methods throw; the methods return the envelope types",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ArrayWithoutItems = new(
        "CDG0045",
        "An array schema without items",
        "The array schema ({0}) has no 'items'; its elements are exposed as System.Text.Json.JsonElement",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnknownSecurityScheme = new(
        "CDG0046",
        "A security requirement names no scheme",
        "The security requirement of {0} names '{1}', which is not in components.securitySchemes; that requirement is dropped",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor NotAMediaType = new(
        "CDG0047",
        "A request body content key that is not a media type",
        "The request body's content key '{0}' ({1}) is not a media type (type/subtype); it is left out, and a request body with no other media type is not sent",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnsatisfiableObject = new(
        "CDG0048",
        "An object schema requires names it does not allow",
        "'{0}' requires '{1}', which it does not declare, and sets additionalProperties: false, so no JSON object is valid for it; the record has no such property, and a server following the description refuses what the client sends",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor FilterSelectsNothing = new(
        "CDG0050",
        "The operation filter selects no operation",
        "The IncludeTags, IncludeOperationIds, ExcludeTags and ExcludeOperationIds metadata leave none of the {0} operations of the spec; the generated interface has no methods",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InternalError = new(
        "CDG0099",
        "The generator failed on this spec",
        "The generator failed on this spec ({0}); please report it with the spec attached",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);
}
