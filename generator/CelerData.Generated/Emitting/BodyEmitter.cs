using System.Linq;
using CelerData.Generated.Model;

namespace CelerData.Generated.Emitting;

/// <summary>
/// Writes request bodies that are not JSON: a string in its text or XML media type, the caller's stream as it is
/// (never disposed or read ahead by the client), <c>application/x-www-form-urlencoded</c> forms, whose properties are
/// read through the body type's JSON metadata (no reflection) and written by OpenAPI's encoding rules (form style,
/// exploded, unless the media type's <c>encoding</c> says otherwise), with the same helpers as query parameters, and
/// multipart bodies, one part per parameter.
/// </summary>
internal static class BodyEmitter
{
    private const string Encoding = "(string Name, string Style, bool Explode, bool AllowReserved, bool Json)";

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
                writer.Line($"__request.Content = new global::System.Net.Http.StringContent({value}, global::System.Text.Encoding.UTF8, {CSharp.Literal(body.MediaType)});");
                break;
            case BodyKind.Binary:
                writer.Block($$"""
                    var __content = {{ImplementationEmitter.Runner}}.CreateStreamContent({{value}});
                    __content.Headers.ContentType = global::System.Net.Http.Headers.MediaTypeHeaderValue.Parse({{CSharp.Literal(body.MediaType)}});
                    __request.Content = __content;
                    """);
                break;
            default:
                var type = CSharp.Type(parameter.Type.WithNullable(false), spec.Namespace);
                var info = CSharp.TypeInfo(spec, type);
                var encodings = body.Encodings.Count == 0
                    ? "global::System.Array.Empty<" + Encoding + ">()"
                    : "new " + Encoding + "[] { " + string.Join(", ", body.Encodings.Select(e => "(" + CSharp.Literal(e.Name) + ", " + CSharp.Literal(e.Style.WireName()) + ", " + CSharp.Bool(e.Explode) + ", " + CSharp.Bool(e.AllowReserved) + ", " + CSharp.Bool(e.Json) + ")")) + " }";
                writer.Line($"__request.Content = __Body.Form<{type}>({value}, {info}, {encodings});");
                break;
        }

        if (guarded)
        {
            writer.Close();
        }
    }

    /// <summary>
    /// Writes the statements that set <c>__request.Content</c> to a multipart body (<c>multipart/form-data</c>, or
    /// another subtype such as <c>mixed</c> or <c>related</c> with the same parts): a file part from the caller's
    /// <c>Refit.MultipartItem</c> (its file name and content type; else the encoding's, else
    /// <c>application/octet-stream</c>), a scalar as <c>text/plain</c> written by OpenAPI's rules, an array of either
    /// as one part per item, anything else as <c>application/json</c> through the generated metadata; a part's
    /// <c>encoding.contentType</c> replaces those media types. Parts the caller leaves null are not sent, and no body at all
    /// when the caller leaves every part null.
    /// </summary>
    public static void EmitMultipart(SourceWriter writer, SpecModel spec, OperationModel operation, BodyModel body)
    {
        writer.Line(body.MediaType == "multipart/form-data"
            ? "var __multipart = new global::System.Net.Http.MultipartFormDataContent();"
            : "var __multipart = new global::System.Net.Http.MultipartContent(" + CSharp.Literal(body.MediaType.Substring("multipart/".Length)) + ");");
        foreach (var part in body.Parts)
        {
            var parameter = operation.PartParameter(part);
            var value = CSharp.Parameter(parameter.Name);
            var name = CSharp.Literal(part.WireName);
            var guarded = !parameter.IsRequired || !parameter.Type.IsValueType || parameter.Type.IsNullable;
            var present = ParameterEmitter.Value(parameter);
            var fileType = CSharp.Literal(part.ContentType ?? "application/octet-stream");
            var textType = part.ContentType is null ? string.Empty : ", global::System.Text.Encoding.UTF8, " + CSharp.Literal(part.ContentType);
            if (guarded)
            {
                writer.Open("if (" + value + " != null)");
            }

            switch (part.Kind)
            {
                case PartKind.File:
                    writer.Line($"__Body.File(__multipart, {name}, {value}, {fileType});");
                    break;
                case PartKind.Files:
                    writer.Block($$"""
                        foreach (var __file in {{value}})
                        {
                            __Body.File(__multipart, {{name}}, __file, {{fileType}});
                        }
                        """);
                    break;
                case PartKind.Text:
                    writer.Line($"__Body.Part(__multipart, {name}, new global::System.Net.Http.StringContent({ParameterEmitter.Text(present, parameter.Type)}{textType}), null);");
                    break;
                case PartKind.Texts:
                    var element = parameter.Type.Element!;
                    writer.Open("foreach (var __item in " + value + ")");
                    if (element.IsNullable)
                    {
                        writer.Open("if (__item != null)");
                    }

                    var item = ParameterEmitter.Text(element.IsNullable && element.IsValueType ? "__item.Value" : "__item", element);
                    writer.Line($"__Body.Part(__multipart, {name}, new global::System.Net.Http.StringContent({item}{textType}), null);");
                    if (element.IsNullable)
                    {
                        writer.Close();
                    }

                    writer.Close();
                    break;
                default:
                    var type = CSharp.Type(parameter.Type.WithNullable(false), spec.Namespace);
                    var info = CSharp.TypedTypeInfo(spec, type);
                    var jsonType = part.ContentType is null ? string.Empty : ", global::System.Net.Http.Headers.MediaTypeHeaderValue.Parse(" + CSharp.Literal(part.ContentType) + ")";
                    writer.Line($"__Body.Part(__multipart, {name}, global::System.Net.Http.Json.JsonContent.Create<{type}>({present}, {info}{jsonType}), null);");
                    break;
            }

            if (guarded)
            {
                writer.Close();
            }
        }

        // RFC 2046 wants one part at least (Prism 5.16 stops on a body without one): with every part left out, no body.
        writer.Block("""
            if (global::System.Linq.Enumerable.Any(__multipart))
            {
                __request.Content = __multipart;
            }
            else
            {
                __multipart.Dispose();
            }
            """);
    }

    /// <summary>Writes the nested helper class the generated form and multipart bodies call (each helper only when used).</summary>
    public static void EmitHelpers(SourceWriter writer, bool forms, bool multipart)
    {
        writer.Line("/// <summary>Writes request bodies that are not JSON as the API description puts them on the wire.</summary>");
        writer.Open("private static class __Body");
        if (multipart)
        {
            writer.Block("""
                /// <summary>Adds a file part: the caller's content, file name and content type (<paramref name="contentType"/> when it has none).</summary>
                public static void File(global::System.Net.Http.MultipartContent multipart, string name, global::Refit.MultipartItem file, string contentType)
                {
                    var content = file.ToContent();
                    content.Headers.ContentType ??= new global::System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
                    Part(multipart, name, content, file.FileName);
                }

                /// <summary>
                /// Adds a part named in a quoted <c>Content-Disposition: form-data</c>, with its file name when it has one and no
                /// <c>filename*</c> (RFC 7578 forbids it; HttpClient's own Add writes one, and unquoted names some servers cannot read).
                /// </summary>
                public static void Part(global::System.Net.Http.MultipartContent multipart, string name, global::System.Net.Http.HttpContent content, string? fileName)
                {
                    content.Headers.ContentDisposition = new global::System.Net.Http.Headers.ContentDispositionHeaderValue("form-data") { Name = Quote(name), FileName = fileName is null ? null : Quote(fileName) };
                    multipart.Add(content);
                }

                private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
                """);
        }

        if (forms)
        {
            if (multipart)
            {
                writer.Line();
            }

            writer.Block($$"""
                /// <summary>
                /// An <c>application/x-www-form-urlencoded</c> body: each property the JSON metadata writes, as a query parameter of
                /// its encoding's style (form, exploded, by default); a property whose encoding is JSON as its JSON text; nulls left out.
                /// </summary>
                public static global::System.Net.Http.HttpContent Form<T>(T value, global::System.Text.Json.Serialization.Metadata.JsonTypeInfo info, {{Encoding}}[] encodings)
                {
                    var element = global::System.Text.Json.JsonSerializer.SerializeToElement(value, (global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)info);
                    var form = new global::System.Text.StringBuilder();
                    if (element.ValueKind == global::System.Text.Json.JsonValueKind.Object)
                    {
                        foreach (var property in element.EnumerateObject())
                        {
                            var encoding = global::System.Array.Find(encodings, e => e.Name == property.Name);
                            if (encoding.Name is null)
                            {
                                encoding = (property.Name, "form", true, false, false);
                            }

                            if (encoding.Json && property.Value.ValueKind is global::System.Text.Json.JsonValueKind.Object or global::System.Text.Json.JsonValueKind.Array)
                            {
                                __Wire.Query(form, property.Name, property.Value.GetRawText(), encoding.AllowReserved);
                            }
                            else
                            {
                                __Wire.QueryJson(form, property.Name, property.Value, encoding.Style, encoding.Explode, encoding.AllowReserved);
                            }
                        }
                    }

                    var content = new global::System.Net.Http.ByteArrayContent(global::System.Text.Encoding.UTF8.GetBytes(form.ToString()));
                    content.Headers.ContentType = new global::System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
                    return content;
                }
                """);
        }

        writer.Close();
    }
}
