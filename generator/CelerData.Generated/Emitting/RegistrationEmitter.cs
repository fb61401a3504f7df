using CelerData.Generated.Model;

namespace CelerData.Generated.Emitting;

/// <summary>
/// Writes the DI registration (<c>services.Add{ClientName}Client()</c>) and the one-line factory on top
/// of CelerData.Generated.Runtime. Only emitted when the compilation references the runtime.
/// </summary>
internal static class RegistrationEmitter
{
    public const string RuntimeMarkerType = "CelerData.Generated.Runtime.CelerDataClientDescriptor`1";

    private const string Runtime = "global::CelerData.Generated.Runtime";

    public static string Emit(SpecModel spec)
    {
        var ns = spec.Namespace;
        var api = "global::" + ns + "." + spec.InterfaceName;
        var writer = SourceWriter.CreateFile(nullableWarnings: true);
        writer.Open("namespace " + ns);
        writer.Line("/// <summary>Creates " + spec.InterfaceName + " clients: with the runtime's handlers, token cache and options.</summary>");
        writer.Line(CSharp.GeneratedCodeAttribute);
        writer.Open("public static partial class " + spec.ClientClassName);
        writer.Line("/// <summary>What the runtime needs to know about this API: its name, default address, JSON metadata, each operation's security and operationId, and its token operation.</summary>");
        writer.Line("public static " + Runtime + ".CelerDataClientDescriptor<" + api + "> Descriptor { get; } = new()");
        writer.Line("{");
        writer.Indent();
        writer.Line("Name = " + CSharp.Literal(spec.ClientName) + ",");
        writer.Line("DefaultBaseAddress = new global::System.Uri(" + CSharp.Literal(spec.DefaultServerUrl ?? "http://localhost/") + "),");
        writer.Line("JsonContext = global::" + ns + "." + spec.JsonContextName + ".Default,");
        writer.Line("SecurityRequirements = new global::System.Collections.Generic.Dictionary<string, string>(global::System.StringComparer.Ordinal)");
        writer.Line("{");
        writer.Indent();
        foreach (var operation in spec.Operations)
        {
            writer.Line("[" + CSharp.Literal(operation.MethodName) + "] = " + CSharp.Literal(operation.Security.ToRequirementText()) + ",");
        }

        writer.Outdent();
        writer.Line("},");
        if (spec.ApiKeySchemes.Count > 0)
        {
            writer.Line("ApiKeySchemes = new global::System.Collections.Generic.Dictionary<string, " + Runtime + ".CelerDataApiKeyScheme>(global::System.StringComparer.Ordinal)");
            writer.Line("{");
            writer.Indent();
            foreach (var scheme in spec.ApiKeySchemes)
            {
                writer.Line("[" + CSharp.Literal(scheme.Name) + "] = new(" + Runtime + ".ApiKeyLocation." + scheme.Location.ToString() + ", " + CSharp.Literal(scheme.ParameterName) + "),");
            }

            writer.Outdent();
            writer.Line("},");
        }

        writer.Line("OperationIds = new global::System.Collections.Generic.Dictionary<string, string>(global::System.StringComparer.Ordinal)");
        writer.Line("{");
        writer.Indent();
        foreach (var operation in spec.Operations)
        {
            if (operation.HasDeclaredOperationId)
            {
                writer.Line("[" + CSharp.Literal(operation.MethodName) + "] = " + CSharp.Literal(operation.OperationId) + ",");
            }
        }

        writer.Outdent();
        writer.Line("},");
        if (spec.TokenOperation is { } token)
        {
            writer.Line("FetchToken = static async (api, cancellationToken) =>");
            writer.Line("{");
            writer.Indent();
            writer.Line("var token = await api." + token.MethodName + "(cancellationToken).ConfigureAwait(false);");
            var refresh = token.RefreshTokenProperty is null ? "null" : "token." + token.RefreshTokenProperty;
            var tokenType = token.TokenTypeProperty is null ? "null" : "token." + token.TokenTypeProperty;
            writer.Line("// An empty body reads as null; the runtime reports it as a token response without access_token.");
            writer.Line("return token is null");
            writer.Indent().Line("? new " + Runtime + ".TokenEndpointResponse(null, null, null, null)");
            writer.Line(": new " + Runtime + ".TokenEndpointResponse(token." + token.AccessTokenProperty + ", token." + token.ExpiresInProperty + ", " + refresh + ", " + tokenType + ");").Outdent();
            writer.Outdent();
            writer.Line("},");
            if (token.RequestsPerMinute is { } limit)
            {
                writer.Line("TokenRequestsPerMinute = " + limit + ",");
            }
        }

        writer.Outdent();
        writer.Line("};");
        writer.Line();
        writer.Line("/// <summary>Creates a client without dependency injection; dispose it to release its HTTP resources.</summary>");
        writer.Line("/// <param name=\"options\">Credentials and settings.</param>");
        writer.Line("public static " + Runtime + ".CelerDataClient<" + api + "> Create(" + Runtime + ".CelerDataClientOptions options)");
        writer.Indent().Line("=> " + Runtime + ".CelerDataClientFactory.Create(Descriptor, options);").Outdent();
        writer.Close();
        writer.Line();
        writer.Line("/// <summary>Registers " + spec.InterfaceName + " with dependency injection.</summary>");
        writer.Line(CSharp.GeneratedCodeAttribute);
        writer.Open("public static partial class " + spec.ExtensionsClassName);
        writer.Line("/// <summary>");
        writer.Line("/// Registers " + spec.InterfaceName + " as a typed client through IHttpClientFactory, with options bound from");
        writer.Line("/// the <c>CelerData</c> and <c>CelerData:" + spec.ClientName + "</c> configuration sections and the environment variables");
        writer.Line("/// CELERDATA_CLIENT_ID / CELERDATA_CLIENT_SECRET (client credentials) and CELERDATA_API_KEY (the key for the API's");
        writer.Line("/// apiKey security schemes; <c>ApiKey</c>, or <c>ApiKeys:{scheme}</c> per scheme, in configuration or the options).");
        writer.Line("/// </summary>");
        writer.Line("/// <param name=\"services\">The service collection.</param>");
        writer.Line("/// <param name=\"configure\">Adjusts the options after binding.</param>");
        writer.Line("public static global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder Add" + spec.ClientName + "Client(this global::Microsoft.Extensions.DependencyInjection.IServiceCollection services, global::System.Action<" + Runtime + ".CelerDataClientOptions>? configure = null)");
        writer.Indent().Line("=> " + Runtime + ".CelerDataServiceCollectionExtensions.AddCelerDataClient(services, global::" + ns + "." + spec.ClientClassName + ".Descriptor, configure);").Outdent();
        writer.Close();
        writer.Close();
        return writer.ToString();
    }
}
