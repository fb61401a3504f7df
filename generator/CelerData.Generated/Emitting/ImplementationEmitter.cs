using System.Linq;
using CelerData.Generated.Model;
using CelerData.Generated.Parsing;

namespace CelerData.Generated.Emitting;

/// <summary>
/// Writes the implementation of <c>I{ClientName}Api</c> on Refit's public generated-request helpers and
/// registers it with Refit the way Refit's own generator does, so <c>RestService.ForGenerated</c>,
/// <c>RestService.For</c> and the HttpClientFactory registration all find it without reflection.
/// </summary>
internal static class ImplementationEmitter
{
    public static string Emit(SpecModel spec)
    {
        var ns = spec.Namespace;
        var api = "global::" + ns + "." + spec.InterfaceName;
        var writer = SourceWriter.CreateFile(nullableWarnings: false);
        // Every operation calls Refit's runner: the alias keeps the calls short.
        writer.Line("using " + Runner + " = global::Refit.GeneratedRequestRunner;");
        writer.Line();
        writer.Open("namespace " + ns);
        writer.Block($$"""
            /// <summary>Registers the generated implementation of {{spec.InterfaceName}} with Refit when the assembly loads.</summary>
            {{CSharp.GeneratedCodeAttribute}}
            [global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
            internal static class {{spec.RegistrationClassName}}
            {
                /// <summary>Registers the factories Refit uses to create {{spec.InterfaceName}}.</summary>
                [global::System.Runtime.CompilerServices.ModuleInitializer]
                [global::System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255", Justification = "Generated clients register with Refit when their assembly loads, as Refit's own generated clients do.")]
                internal static void Register()
                {
                    global::Refit.RestService.RegisterGeneratedFactory<{{api}}>(static (client, requestBuilder) => new global::{{ns}}.{{spec.ImplementationName}}(client, requestBuilder));
                    global::Refit.RestService.RegisterGeneratedSettingsFactory<{{api}}>(static (client, settings) => new global::{{ns}}.{{spec.ImplementationName}}(client, settings));
                }
            }

            /// <summary>The generated implementation of {{spec.InterfaceName}}.</summary>
            {{CSharp.GeneratedCodeAttribute}}
            [global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
            internal sealed class {{spec.ImplementationName}} : {{api}}
            {
                private readonly global::Refit.RefitSettings _settings;

                /// <summary>Creates the client over Refit's request builder.</summary>
                public {{spec.ImplementationName}}(global::System.Net.Http.HttpClient client, global::Refit.IRequestBuilder requestBuilder)
                {
                    Client = client;
                    _settings = requestBuilder.Settings;
                }

                /// <summary>Creates the client with Refit settings only.</summary>
                public {{spec.ImplementationName}}(global::System.Net.Http.HttpClient client, global::Refit.RefitSettings settings)
                {
                    Client = client;
                    _settings = settings;
                }

                /// <summary>The HTTP client requests go through.</summary>
                public global::System.Net.Http.HttpClient Client { get; }

                /// <summary>
                /// A request for one operation: its URI resolved against the client as Refit's settings say, Refit's
                /// configured request options, the operation's method name and path template as request properties,
                /// and an Accept header naming the media types the method reads, unless the HttpClient's default
                /// headers choose one.
                /// </summary>
                private global::System.Net.Http.HttpRequestMessage __Request(global::System.Net.Http.HttpMethod method, string uri, string name, string template, string? accept)
                {
                    var request = new global::System.Net.Http.HttpRequestMessage(method, {{Runner}}.BuildRelativeUri(Client, uri, _settings.UrlResolution));
                    if (accept is not null && !Client.DefaultRequestHeaders.NonValidated.Contains("Accept"))
                    {
                        request.Headers.TryAddWithoutValidation("Accept", accept);
                    }

                    {{Runner}}.AddConfiguredRequestOptions(request, _settings, typeof({{api}}));
                    {{Runner}}.AddRequestProperty<string>(request, global::Refit.HttpRequestMessageOptions.MethodName, name);
                    {{Runner}}.AddRequestProperty<string>(request, global::Refit.HttpRequestMessageOptions.RelativePathTemplate, template);
                    return request;
                }
            """);

        // The class body stays open for the operations; the Close at the end ends it.
        writer.Indent();
        foreach (var operation in spec.Operations)
        {
            writer.Line();
            EmitOperation(writer, spec, operation, api);
            if (operation.Envelope is { } envelope)
            {
                writer.Line();
                EnvelopeEmitter.EmitUnwrap(writer, spec, operation, envelope);
            }
        }

        if (spec.Operations.Any(o => o.Envelope is not null))
        {
            writer.Line();
            EnvelopeEmitter.EmitHelper(writer);
        }

        if (!spec.Wire.IsEmpty)
        {
            writer.Line();
            ParameterEmitter.EmitHelpers(writer, spec.Wire);
        }

        if (spec.Wire.Forms || spec.Wire.Multipart)
        {
            writer.Line();
            BodyEmitter.EmitHelpers(writer, spec.Wire.Forms, spec.Wire.Multipart);
        }

        foreach (var enumType in spec.Wire.FormattedEnums.Select(name => spec.Types.First(t => t.Name == name)))
        {
            writer.Line();
            EmitEnumFormatter(writer, ns, enumType);
        }

        writer.Close();
        writer.Close();
        return writer.ToString();
    }

    private static void EmitOperation(SourceWriter writer, SpecModel spec, OperationModel operation, string api)
    {
        var ns = spec.Namespace;
        writer.Line("/// <inheritdoc />");
        writer.Open("public " + Signatures.ReturnType(operation, ns) + " " + operation.MethodName + "(" + Signatures.Parameters(operation, ns, withAttributes: false, withDefaults: false) + ")");
        writer.Line("var __settings = _settings;");
        var template = operation.Template.RefitTemplate;
        ParameterEmitter.EmitUri(writer, spec, operation);
        writer.Line("var __request = __Request(" + HttpMethod(operation.HttpMethod) + ", __uri, " + CSharp.Literal(operation.MethodName) + ", " + CSharp.Literal(template) + ", " + (operation.Accept is null ? "null" : CSharp.Literal(operation.Accept)) + ");");

        var body = operation.Parameters.FirstOrDefault(p => p.Location == ParameterLocation.Body);
        if (operation.Body is { Kind: BodyKind.Multipart } multipart)
        {
            BodyEmitter.EmitMultipart(writer, spec, operation, multipart);
            writer.Line("__request.Content = " + Runner + ".CompressBodyContent(__request.Content, __settings, global::Refit.RequestCompression.Default, global::System.IO.Compression.CompressionLevel.Optimal);");
        }
        else if (body is not null)
        {
            if (operation.Body is { Kind: not BodyKind.Json } bodyModel)
            {
                BodyEmitter.EmitContent(writer, spec, body, bodyModel);
            }
            else if (body.Type.Kind is TypeRefKind.List or TypeRefKind.Dictionary)
            {
                // Serialized through the declared type's metadata, whatever collection the caller passes (a List<T>, an
                // array): the content serializer would look up metadata for the runtime type, which the context lacks.
                var declared = CSharp.Type(body.Type.WithNullable(false), ns);
                var info = CSharp.TypedTypeInfo(spec, declared);
                var content = "global::System.Net.Http.Json.JsonContent.Create<" + declared + ">(" + CSharp.Parameter(body.Name) + (body.Type.IsNullable ? "!" : string.Empty) + ", " + info + ")";
                writer.Line("__request.Content = " + (body.Type.IsNullable ? CSharp.Parameter(body.Name) + " is null ? null : " : string.Empty) + content + ";");
            }
            else
            {
                // Serialized, not Refit's Default, which sends a string body as text/plain: the description says JSON.
                writer.Line("__request.Content = " + Runner + ".CreateBodyContent<" + CSharp.Type(body.Type, ns) + ">(__settings, " + CSharp.Parameter(body.Name) + ", global::Refit.BodySerializationMethod.Serialized, !__settings.Buffered);");
            }

            writer.Line("__request.Content = " + Runner + ".CompressBodyContent(__request.Content, __settings, global::Refit.RequestCompression.Default, global::System.IO.Compression.CompressionLevel.Optimal);");
        }

        ParameterEmitter.EmitHeaders(writer, spec, operation);

        var arguments = string.Join(", ", operation.Parameters.Select(p => CSharp.Parameter(p.Name)).Concat(new[] { "cancellationToken" }));
        writer.Line("if (__settings.CaptureMethodArguments) { " + Runner + ".AddRequestProperty<object?[]>(__request, global::Refit.HttpRequestMessageOptions.MethodArguments, new object?[] { " + arguments + " }); }");
        var bufferBody = operation.Body is null ? "false" : "__settings.Buffered";
        var result = Signatures.ResultType(operation, ns);
        if (operation.Envelope is not null)
        {
            EnvelopeEmitter.EmitSend(writer, spec, operation, bufferBody);
        }
        else if (result is null)
        {
            writer.Line("return " + Runner + ".SendVoidAsync(this.Client, __request, __settings, " + bufferBody + ", cancellationToken);");
        }
        else
        {
            var dispose = operation.ResponseKind == ResponseKind.Stream ? "false" : "true";
            var send = Runner + ".SendAsync<" + result + ", " + result + ">(this.Client, __request, __settings, false, " + dispose + ", " + bufferBody + ", cancellationToken)";

            writer.Line("return " + (operation.ReturnsJsonString ? "__Wire.JsonString(" + send + ")" : send) + ";");
        }

        writer.Close();
    }

    /// <summary>The implementation file's alias of Refit's <c>GeneratedRequestRunner</c>.</summary>
    internal const string Runner = "__Run";

    private static string HttpMethod(string method) => method switch
    {
        "GET" => "global::System.Net.Http.HttpMethod.Get",
        "POST" => "global::System.Net.Http.HttpMethod.Post",
        "PUT" => "global::System.Net.Http.HttpMethod.Put",
        "DELETE" => "global::System.Net.Http.HttpMethod.Delete",
        "PATCH" => "global::System.Net.Http.HttpMethod.Patch",
        "HEAD" => "global::System.Net.Http.HttpMethod.Head",
        "OPTIONS" => "global::System.Net.Http.HttpMethod.Options",
        _ => "global::System.Net.Http.HttpMethod.Trace",
    };

    private static void EmitEnumFormatter(SourceWriter writer, string ns, TypeModel type)
    {
        var enumType = "global::" + ns + "." + type.Name;
        writer.Line("/// <summary>The wire value of a " + type.Name + ".</summary>");
        if (type.IsOpenEnum)
        {
            // An open enum's ToString() is its wire value (invariant digits for an integer enum).
            writer.Line("private static string __Format" + type.Name + "(" + enumType + " value) => value.ToString();");
            return;
        }

        writer.Block($$"""
            private static string __Format{{type.Name}}({{enumType}} value)
            {
                switch (value)
                {
            """);

        // The method and its switch stay open for the cases; the two Close calls end them.
        writer.Indent().Indent();
        foreach (var member in type.EnumMembers)
        {
            writer.Block($$"""
                case {{enumType}}.{{member.Name}}:
                    return {{CSharp.Literal(member.WireValue)}};
                """);
        }

        writer.Block("""
            default:
                return value.ToString();
            """);
        writer.Close();
        writer.Close();
    }
}
