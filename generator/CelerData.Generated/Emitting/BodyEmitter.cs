using System.Linq;
using CelerData.Generated.Model;

namespace CelerData.Generated.Emitting;

/// <summary>
/// Writes request bodies that are not JSON: a string in its text media type, the caller's stream as it is (never
/// disposed or read ahead by the client), and <c>application/x-www-form-urlencoded</c> forms, whose properties are
/// read through the body type's JSON metadata (no reflection) and written by OpenAPI's encoding rules (form style,
/// exploded, unless the media type's <c>encoding</c> says otherwise), with the same helpers as query parameters.
/// </summary>
internal static class BodyEmitter
{
    private const string Encoding = "(string Name, string Style, bool Explode, bool AllowReserved, bool Json)";

    /// <summary>Whether an operation of the spec sends a form (which needs <c>__Body</c> and the JSON helpers of <c>__Wire</c>).</summary>
    public static bool HasForms(SpecModel spec) => spec.Operations.Any(o => o.Body is { Kind: BodyKind.Form });

    /// <summary>Writes the statements that set <c>__request.Content</c> for a body that is not JSON.</summary>
    public static void EmitContent(SourceWriter writer, SpecModel spec, ParameterModel parameter, BodyModel body)
    {
        var value = CSharp.Parameter(parameter.Name);
        var guarded = parameter.Type.IsNullable;
        if (guarded)
        {
            writer.Open("if (" + value + " != null)");
        }

        switch (body.Kind)
        {
            case BodyKind.Text:
                writer.Line("__request.Content = new global::System.Net.Http.StringContent(" + value + ", global::System.Text.Encoding.UTF8, " + CSharp.Literal(body.MediaType) + ");");
                break;
            case BodyKind.Binary:
                writer.Line("var __content = global::Refit.GeneratedRequestRunner.CreateStreamContent(" + value + ");");
                writer.Line("__content.Headers.ContentType = global::System.Net.Http.Headers.MediaTypeHeaderValue.Parse(" + CSharp.Literal(body.MediaType) + ");");
                writer.Line("__request.Content = __content;");
                break;
            default:
                var type = CSharp.Type(parameter.Type.WithNullable(false), spec.Namespace);
                var info = "global::" + spec.Namespace + "." + spec.JsonContextName + ".Default.GetTypeInfo(typeof(" + type + "))!";
                var encodings = body.Encodings.Count == 0
                    ? "global::System.Array.Empty<" + Encoding + ">()"
                    : "new " + Encoding + "[] { " + string.Join(", ", body.Encodings.Select(e => "(" + CSharp.Literal(e.Name) + ", " + CSharp.Literal(e.Style) + ", " + Bool(e.Explode) + ", " + Bool(e.AllowReserved) + ", " + Bool(e.Json) + ")")) + " }";
                writer.Line("__request.Content = __Body.Form<" + type + ">(" + value + ", " + info + ", " + encodings + ");");
                break;
        }

        if (guarded)
        {
            writer.Close();
        }
    }

    /// <summary>Writes the nested helper class the generated form bodies call.</summary>
    public static void EmitHelpers(SourceWriter writer)
    {
        writer.Line("/// <summary>Writes request bodies that are not JSON as the API description puts them on the wire.</summary>");
        writer.Open("private static class __Body");
        writer.Line("/// <summary>");
        writer.Line("/// An <c>application/x-www-form-urlencoded</c> body: each property the JSON metadata writes, as a query parameter of");
        writer.Line("/// its encoding's style (form, exploded, by default); a property whose encoding is JSON as its JSON text; nulls left out.");
        writer.Line("/// </summary>");
        writer.Open("public static global::System.Net.Http.HttpContent Form<T>(T value, global::System.Text.Json.Serialization.Metadata.JsonTypeInfo info, " + Encoding + "[] encodings)");
        writer.Line("var element = global::System.Text.Json.JsonSerializer.SerializeToElement(value, (global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)info);");
        writer.Line("var form = new global::System.Text.StringBuilder();");
        writer.Open("if (element.ValueKind == global::System.Text.Json.JsonValueKind.Object)");
        writer.Open("foreach (var property in element.EnumerateObject())");
        writer.Line("var encoding = global::System.Array.Find(encodings, e => e.Name == property.Name);");
        writer.Open("if (encoding.Name is null)");
        writer.Line("encoding = (property.Name, \"form\", true, false, false);");
        writer.Close();
        writer.Line();
        writer.Open("if (encoding.Json && property.Value.ValueKind is global::System.Text.Json.JsonValueKind.Object or global::System.Text.Json.JsonValueKind.Array)");
        writer.Line("__Wire.Query(form, property.Name, property.Value.GetRawText(), encoding.AllowReserved);");
        writer.Close();
        writer.Open("else");
        writer.Line("__Wire.QueryJson(form, property.Name, property.Value, encoding.Style, encoding.Explode, encoding.AllowReserved);");
        writer.Close();
        writer.Close();
        writer.Close();
        writer.Line();
        writer.Line("var content = new global::System.Net.Http.ByteArrayContent(global::System.Text.Encoding.UTF8.GetBytes(form.ToString()));");
        writer.Line("content.Headers.ContentType = new global::System.Net.Http.Headers.MediaTypeHeaderValue(\"application/x-www-form-urlencoded\");");
        writer.Line("return content;");
        writer.Close();
        writer.Close();
    }

    private static string Bool(bool value) => value ? "true" : "false";
}
