namespace CelerData.Generated.Model;

/// <summary>Everything the emitters need to write the client for one spec file.</summary>
/// <param name="Wire">The <c>__Wire</c> helpers the operations call.</param>
/// <param name="JsonContext">The names of the JSON context's metadata properties.</param>
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
    EquatableArray<ApiKeySchemeModel> ApiKeySchemes,
    WirePlan Wire,
    JsonContextPlan JsonContext)
{
    public string InterfaceName => ClientNames.Interface(ClientName);

    public string ImplementationName => ClientNames.Implementation(ClientName);

    public string JsonContextName => ClientNames.JsonContext(ClientName);

    public string ClientClassName => ClientNames.Client(ClientName);

    public string ExtensionsClassName => ClientNames.Extensions(ClientName);

    public string RegistrationClassName => ClientNames.Registration(ClientName);

    /// <summary>The interface every open string enum struct implements (internal, one per client).</summary>
    public string OpenEnumInterfaceName => ClientNames.OpenEnumInterface(ClientName);

    /// <summary>The generic JSON converter of the open string enums (internal, one per client).</summary>
    public string OpenEnumConverterName => ClientNames.OpenEnumConverter(ClientName);
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
/// <param name="ParameterName">The name of the header, query parameter or cookie.</param>
internal sealed record ApiKeySchemeModel(string Name, ApiKeyLocation Location, string ParameterName);

/// <summary>Where an <c>apiKey</c> scheme's key goes; the members are named as the runtime's <c>ApiKeyLocation</c>.</summary>
internal enum ApiKeyLocation
{
    Header,
    Query,
    Cookie,
}
