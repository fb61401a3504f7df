using System.Globalization;
using System.Linq;
using CelerData.Generated.Model;

namespace CelerData.Generated.Emitting;

/// <summary>
/// Writes how an enveloped operation answers: the response is read (in a private async method per operation) as <c>ApiResponse&lt;Envelope&gt;</c> (so an
/// envelope sent with an error status is read too), any code but a success code throws the runtime's
/// <c>CelerDataApiException</c> (<c>CelerDataNotFoundException</c> for a not-found code) carrying the operation, the
/// code, the server's message and the HTTP status, and a success returns the data.
/// </summary>
internal static class EnvelopeEmitter
{
    private const string Runtime = "global::CelerData.Generated.Runtime.";
    private const string ReadEnvelope = "__ReadEnvelope";

    /// <summary>The method's return type: <c>Task&lt;Data&gt;</c>, or <c>Task</c> when the envelope has no data.</summary>
    public static string ReturnType(EnvelopeModel envelope, string ns)
        => envelope.DataType is null
            ? "global::System.Threading.Tasks.Task"
            : "global::System.Threading.Tasks.Task<" + CSharp.Type(envelope.DataType, ns) + ">";

    /// <summary>
    /// Sends the request built so far and hands the answer to the operation's unwrapping method, so the method that builds
    /// the request stays synchronous and only the unwrapping awaits.
    /// </summary>
    public static void EmitSend(SourceWriter writer, SpecModel spec, OperationModel operation, string bufferBody)
    {
        var type = CSharp.Type(operation.ResponseType!.WithNullable(false), spec.Namespace);
        writer.Line($$"""return {{UnwrapName(operation)}}({{ImplementationEmitter.Runner}}.SendAsync<global::Refit.ApiResponse<{{type}}>, {{type}}>(this.Client, __request, __settings, true, true, {{bufferBody}}, cancellationToken));""");
    }

    /// <summary>The private async method that reads the envelope of one operation and returns its data or throws.</summary>
    public static void EmitUnwrap(SourceWriter writer, SpecModel spec, OperationModel operation, EnvelopeModel envelope)
    {
        var ns = spec.Namespace;
        var type = CSharp.Type(operation.ResponseType!.WithNullable(false), ns);
        var operationId = CSharp.Literal(operation.OperationId);
        var message = envelope.MessageProperty is null ? "null" : "__envelope." + envelope.MessageProperty;
        var code = "__envelope." + envelope.CodeProperty;
        writer.Block($$"""
            /// <summary>Reads the envelope {{operation.MethodName}} answered with: its data on a success code, the runtime's typed exception otherwise.</summary>
            private static async {{ReturnType(envelope, ns)}} {{UnwrapName(operation)}}(global::System.Threading.Tasks.Task<global::Refit.ApiResponse<{{type}}>?> __send)
            {
                using var __response = await __send.ConfigureAwait(false);
                var __envelope = __response!.IsSuccessStatusCode && __response.Error is null
                    ? __response.Content
                    : {{ReadEnvelope}}(__response.Error, {{CSharp.TypedTypeInfo(spec, type)}});
                if (__envelope is null)
                {
                    throw (global::System.Exception?)__response.Error ?? new {{Runtime}}CelerDataApiException({{operationId}}, null, null, __response.StatusCode);
                }

                var __succeeded = {{Condition(code, envelope.SuccessCodes)}};
                if (!__succeeded || !__response.IsSuccessStatusCode)
                {
                    if (__succeeded)
                    {
                        throw (global::System.Exception?)__response.Error ?? new {{Runtime}}CelerDataApiException({{operationId}}, {{code}}, {{message}}, __response.StatusCode);
                    }

            """);

        // The method and the failure branch stay open for the not-found check; the last throw's block ends the branch, the Close the method.
        writer.Indent().Indent();
        if (envelope.NotFoundCodes.Count > 0)
        {
            writer.Block($$"""
                if ({{Condition(code, envelope.NotFoundCodes)}})
                {
                    throw new {{Runtime}}CelerDataNotFoundException({{operationId}}, {{(envelope.CodeIsNullable ? code + ".GetValueOrDefault()" : code)}}, {{message}}, __response.StatusCode);
                }

                """);
        }

        writer.Outdent();
        writer.Block($$"""
                throw new {{Runtime}}CelerDataApiException({{operationId}}, {{code}}, {{message}}, __response.StatusCode);
            }
            """);
        if (envelope.DataProperty is not null)
        {
            var data = "__envelope." + envelope.DataProperty;
            var result = envelope.DataIsRequired && envelope.DataType!.IsValueType
                ? data
                : data + " ?? throw new " + Runtime + "CelerDataApiException(" + operationId + ", null, " + message + ", __response.StatusCode)";
            writer.Block($$"""

                return {{result}};
                """);
        }

        writer.Close();
    }

    /// <summary>The helper that reads an envelope sent with an error status; written once per client that needs it.</summary>
    public static void EmitHelper(SourceWriter writer)
    {
        writer.Block($$"""
            /// <summary>The envelope in the body of an error response, or null when the body is not one.</summary>
            private static T? {{ReadEnvelope}}<T>(global::System.Exception? error, global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
                where T : class
            {
                if (error is not global::Refit.ApiException { Content: { Length: > 0 } content })
                {
                    return null;
                }

                try
                {
                    return global::System.Text.Json.JsonSerializer.Deserialize(content, typeInfo);
                }
                catch (global::System.Text.Json.JsonException)
                {
                    return null;
                }
            }
            """);
    }

    private static string UnwrapName(OperationModel operation) => "__Unwrap" + operation.MethodName;

    private static string Condition(string code, EquatableArray<long> codes)
        => "(" + string.Join(" || ", codes.Select(c => code + " == " + c.ToString(CultureInfo.InvariantCulture) + (c > int.MaxValue || c < int.MinValue ? "L" : string.Empty))) + ")";
}
