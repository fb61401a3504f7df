using System.Collections.Generic;
using System.Globalization;
using System.Linq;
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
        var dictionary = "global::System.Collections.Generic.Dictionary";
        var ordinal = "(global::System.StringComparer.Ordinal)";

        // One walk over the operations: each gives its security requirement and, when the spec declares one, its operationId.
        var requirements = new List<string>();
        var operationIds = new List<string>();
        foreach (var operation in spec.Operations)
        {
            var method = "[" + CSharp.Literal(operation.MethodName) + "] = ";
            requirements.Add(method + CSharp.Literal(operation.Security.ToRequirementText()) + ",");
            if (operation.HasDeclaredOperationId)
            {
                operationIds.Add(method + CSharp.Literal(operation.OperationId) + ",");
            }
        }

        var writer = SourceWriter.CreateFile(nullableWarnings: true);
        writer.Open("namespace " + ns);
        writer.Block($$"""
            /// <summary>Creates {{spec.InterfaceName}} clients: with the runtime's handlers, token cache and options.</summary>
            {{CSharp.GeneratedCodeAttribute}}
            public static partial class {{spec.ClientClassName}}
            {
                /// <summary>What the runtime needs to know about this API: its name, default address, JSON metadata, each operation's security and operationId, and its token operation.</summary>
                public static {{Runtime}}.CelerDataClientDescriptor<{{api}}> Descriptor { get; } = new()
                {
                    Name = {{CSharp.Literal(spec.ClientName)}},
                    DefaultBaseAddress = new global::System.Uri({{CSharp.Literal(spec.DefaultServerUrl ?? "http://localhost/")}}),
                    JsonContext = global::{{ns}}.{{spec.JsonContextName}}.Default,
            """);
        writer.Indent().Indent();
        EmitDictionary(writer, "SecurityRequirements = new " + dictionary + "<string, string>" + ordinal, requirements);
        if (spec.ApiKeySchemes.Count > 0)
        {
            EmitDictionary(
                writer,
                "ApiKeySchemes = new " + dictionary + "<string, " + Runtime + ".CelerDataApiKeyScheme>" + ordinal,
                spec.ApiKeySchemes.Select(scheme => "[" + CSharp.Literal(scheme.Name) + "] = new(" + Runtime + ".ApiKeyLocation." + scheme.Location.ToString() + ", " + CSharp.Literal(scheme.ParameterName) + "),"));
        }

        EmitDictionary(writer, "OperationIds = new " + dictionary + "<string, string>" + ordinal, operationIds);
        if (spec.TokenOperation is { } token)
        {
            EmitFetchToken(writer, token);
        }

        writer.Outdent().Outdent();
        writer.Block($$"""
                };

                /// <summary>Creates a client without dependency injection; dispose it to release its HTTP resources.</summary>
                /// <param name="options">Credentials and settings.</param>
                public static {{Runtime}}.CelerDataClient<{{api}}> Create({{Runtime}}.CelerDataClientOptions options)
                    => {{Runtime}}.CelerDataClientFactory.Create(Descriptor, options);
            }

            /// <summary>Registers {{spec.InterfaceName}} with dependency injection.</summary>
            {{CSharp.GeneratedCodeAttribute}}
            public static partial class {{spec.ExtensionsClassName}}
            {
                /// <summary>
                /// Registers {{spec.InterfaceName}} as a typed client through IHttpClientFactory, with options bound from
                /// the <c>CelerData</c> and <c>CelerData:{{spec.ClientName}}</c> configuration sections and the environment variables
                /// CELERDATA_CLIENT_ID / CELERDATA_CLIENT_SECRET (client credentials) and CELERDATA_API_KEY (the key for the API's
                /// apiKey security schemes; <c>ApiKey</c>, or <c>ApiKeys:{scheme}</c> per scheme, in configuration or the options).
                /// </summary>
                /// <param name="services">The service collection.</param>
                /// <param name="configure">Adjusts the options after binding.</param>
                public static global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder Add{{spec.ClientName}}Client(this global::Microsoft.Extensions.DependencyInjection.IServiceCollection services, global::System.Action<{{Runtime}}.CelerDataClientOptions>? configure = null)
                    => {{Runtime}}.CelerDataServiceCollectionExtensions.AddCelerDataClient(services, global::{{ns}}.{{spec.ClientClassName}}.Descriptor, configure);
            }
            """);
        writer.Close();
        return writer.ToString();
    }

    /// <summary>Writes one dictionary member of the descriptor's initializer: its declaration and one entry per line.</summary>
    private static void EmitDictionary(SourceWriter writer, string declaration, IEnumerable<string> entries)
    {
        writer.Line(declaration);
        writer.Line("{");
        writer.Indent();
        foreach (var entry in entries)
        {
            writer.Line(entry);
        }

        writer.Outdent();
        writer.Line("},");
    }

    private static void EmitFetchToken(SourceWriter writer, TokenOperationModel token)
    {
        var refresh = token.RefreshTokenProperty is null ? "null" : "token." + token.RefreshTokenProperty;
        var tokenType = token.TokenTypeProperty is null ? "null" : "token." + token.TokenTypeProperty;
        writer.Block($$"""
            FetchToken = static async (api, cancellationToken) =>
            {
                var token = await api.{{token.MethodName}}(cancellationToken).ConfigureAwait(false);
                // An empty body reads as null; the runtime reports it as a token response without access_token.
                return token is null
                    ? new {{Runtime}}.TokenEndpointResponse(null, null, null, null)
                    : new {{Runtime}}.TokenEndpointResponse(token.{{token.AccessTokenProperty}}, token.{{token.ExpiresInProperty}}, {{refresh}}, {{tokenType}});
            },
            """);
        if (token.RequestsPerMinute is { } limit)
        {
            writer.Line("TokenRequestsPerMinute = " + limit.ToString(CultureInfo.InvariantCulture) + ",");
        }
    }
}
