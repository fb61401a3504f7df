namespace CelerData.Generated.Model;

/// <summary>Everything the emitters need to write the client for one spec file.</summary>
internal sealed record SpecModel(
    string SpecPath,
    string Namespace,
    string ClientName,
    string Title,
    string? Description,
    string? DefaultServerUrl,
    EquatableArray<TypeModel> Types,
    EquatableArray<OperationModel> Operations,
    TokenOperationModel? TokenOperation,
    EquatableArray<ApiKeySchemeModel> ApiKeySchemes)
{
    public string InterfaceName => "I" + ClientName + "Api";

    public string ImplementationName => ClientName + "ApiImplementation";

    public string JsonContextName => ClientName + "JsonContext";

    public string ClientClassName => ClientName + "Client";

    public string ExtensionsClassName => ClientName + "ServiceCollectionExtensions";

    public string RegistrationClassName => ClientName + "ApiRegistration";
}

/// <summary>How the runtime reaches the token operation: its method and the model properties it maps.</summary>
internal sealed record TokenOperationModel(
    string MethodName,
    string AccessTokenProperty,
    string ExpiresInProperty,
    string? RefreshTokenProperty,
    string? TokenTypeProperty,
    int? RequestsPerMinute);

/// <summary>An <c>apiKey</c> security scheme some operation uses: its name in components.securitySchemes and where the key goes.</summary>
/// <param name="Location">The runtime's <c>ApiKeyLocation</c> member: <c>Header</c>, <c>Query</c> or <c>Cookie</c>.</param>
/// <param name="ParameterName">The name of the header, query parameter or cookie.</param>
internal sealed record ApiKeySchemeModel(string Name, string Location, string ParameterName);
