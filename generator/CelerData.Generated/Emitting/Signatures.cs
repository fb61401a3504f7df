using System.Collections.Generic;
using System.Linq;
using System.Text;
using CelerData.Generated.Model;

namespace CelerData.Generated.Emitting;

/// <summary>The pieces of an operation's C# signature that the interface and its implementation share.</summary>
internal static class Signatures
{
    public static string ReturnType(OperationModel operation, string ns) => operation.Envelope is { } envelope ? EnvelopeEmitter.ReturnType(envelope, ns) : operation.ResponseKind switch
    {
        ResponseKind.Json => "global::System.Threading.Tasks.Task<" + CSharp.Type(operation.ResponseType!, ns) + ">",
        ResponseKind.Text => "global::System.Threading.Tasks.Task<string>",
        ResponseKind.Stream => "global::System.Threading.Tasks.Task<global::System.IO.Stream>",
        _ => "global::System.Threading.Tasks.Task",
    };

    /// <summary>The type argument Refit's runner deserializes into.</summary>
    public static string? ResultType(OperationModel operation, string ns) => operation.ResponseKind switch
    {
        ResponseKind.Json => CSharp.Type(operation.ResponseType!, ns),
        ResponseKind.Text => "string",
        ResponseKind.Stream => "global::System.IO.Stream",
        _ => null,
    };

    public static string Parameters(OperationModel operation, string ns, bool withAttributes, bool withDefaults)
    {
        var parts = new List<string>();
        foreach (var parameter in operation.Parameters)
        {
            var builder = new StringBuilder();
            if (withAttributes)
            {
                builder.Append(Attributes(parameter));
            }

            builder.Append(CSharp.Type(parameter.Type, ns)).Append(' ').Append(CSharp.Parameter(parameter.Name));
            if (withDefaults && !parameter.IsRequired)
            {
                builder.Append(" = default");
            }

            parts.Add(builder.ToString());
        }

        parts.Add("global::System.Threading.CancellationToken cancellationToken" + (withDefaults ? " = default" : string.Empty));
        return string.Join(", ", parts);
    }

    private static string Attributes(ParameterModel parameter)
    {
        var alias = parameter.Name == parameter.WireName ? string.Empty : "[global::Refit.AliasAs(" + CSharp.Literal(parameter.WireName) + ")] ";
        return parameter.Location switch
        {
            ParameterLocation.Path => alias,
            ParameterLocation.Query when parameter.Type.Kind == TypeRefKind.List => "[global::Refit.Query(global::Refit.CollectionFormat.Multi)] " + alias,
            ParameterLocation.Query => "[global::Refit.Query] " + alias,
            ParameterLocation.Header => "[global::Refit.Header(" + CSharp.Literal(parameter.WireName) + ")] ",
            ParameterLocation.Cookie => "[global::Refit.Header(\"Cookie\")] ",
            ParameterLocation.Part => alias,
            _ => "[global::Refit.Body] ",
        };
    }

    public static string? RefitVerb(string httpMethod) => httpMethod switch
    {
        "GET" => "Get",
        "POST" => "Post",
        "PUT" => "Put",
        "DELETE" => "Delete",
        "PATCH" => "Patch",
        "HEAD" => "Head",
        "OPTIONS" => "Options",
        _ => null,
    };
}
