namespace CelerData.Generated.Model;

/// <summary>
/// One spec as the readers left it, before planning (<c>Parsing/SpecPlanner</c>): every type and operation as
/// declared, inline types not yet merged, envelopes declared but not yet applied, no token operation or wire plan.
/// </summary>
/// <param name="InlineNames">The types named after where an inline schema stands (the only ones merging may fold away).</param>
/// <param name="Envelopes">The envelope declaration in force for each operation that has one.</param>
internal sealed record ParsedSpec(
    string SpecPath,
    string Namespace,
    string ClientName,
    string Title,
    string? Description,
    string? DefaultServerUrl,
    EquatableArray<TypeModel> Types,
    EquatableArray<OperationModel> Operations,
    EquatableArray<ApiKeySchemeModel> ApiKeySchemes,
    EquatableArray<string> InlineNames,
    EquatableArray<DeclaredEnvelope> Envelopes);

/// <summary>The envelope declaration in force for the operation whose method is <paramref name="MethodName"/>.</summary>
internal sealed record DeclaredEnvelope(string MethodName, EnvelopeDeclaration Declaration);
