using System.Collections.Generic;
using System.Linq;
using CelerData.Generated.Model;

namespace CelerData.Generated.Parsing;

/// <summary>
/// Reads an operation's <c>requestBody</c>: the media type the client sends and the parameter that carries it.
/// JSON is preferred; otherwise the first declared media type the client can send, in document order:
/// <c>application/x-www-form-urlencoded</c> of an object, text (<c>text/*</c> or a string schema) as a string,
/// and anything else whose schema is absent or <c>format: binary</c> as a stream.
/// </summary>
internal sealed class BodyReader
{
    private const string FormMediaType = "application/x-www-form-urlencoded";
    private const string OctetStream = "application/octet-stream";

    /// <summary>The caller's stream: a request body sent as it is.</summary>
    public static readonly TypeRef Stream = new(TypeRefKind.Primitive, "global::System.IO.Stream", IsValueType: false, Element: null, IsNullable: false);

    private readonly ParseContext _context;
    private readonly SchemaReader _schemas;

    public BodyReader(ParseContext context, SchemaReader schemas)
    {
        _context = context;
        _schemas = schemas;
    }

    /// <summary>Whether a media type is JSON (or a wildcard the client answers with JSON).</summary>
    public static bool IsJson(string mediaType)
    {
        var type = Essence(mediaType);
        return type == "application/json" || type.EndsWith("+json", System.StringComparison.Ordinal) || type == "*/*" || type == "application/*";
    }

    /// <summary>Whether a schema is <c>type: string</c> with <c>format: binary</c> (or <c>byte</c>): bytes, not JSON.</summary>
    public static bool IsBytes(TypeRef type) => type.Kind == TypeRefKind.Primitive && type.Name == PrimitiveTypes.Bytes.Name;

    /// <summary>
    /// The body parameter and how it is sent; null with <paramref name="skip"/> when the operation cannot be generated
    /// (reported), null without it when the operation has no body.
    /// </summary>
    public (ParameterModel Parameter, BodyModel Body)? Read(MappingNode operation, string where, string typeHint, out bool skip)
    {
        skip = false;
        var bodyNode = operation.Get("requestBody");
        if (bodyNode is null)
        {
            return null;
        }

        if (bodyNode is not MappingNode bodyMapping || _context.FollowReferences(bodyMapping, "request body", "a request body mapping") is not { } body)
        {
            if (bodyNode is not MappingNode)
            {
                _context.Report(DiagnosticDescriptors.WrongType, bodyNode, where + ".requestBody", "a mapping");
            }

            skip = true;
            return null;
        }

        var content = _context.GetMapping(body, "content", where + ".requestBody", required: true);
        if (content is null)
        {
            skip = true;
            return null;
        }

        var required = _context.GetBoolean(body, "required", where + ".requestBody");
        var description = _context.GetDescription(body, "requestBody");
        var json = content.Entries.FirstOrDefault(e => IsJson(e.Key.Value) && !(IsWildcard(e.Key.Value) && IsBytes(SchemaType(e.Value, typeHint))));
        var chosen = json.Key is not null
            ? (Type: SchemaType(json.Value, typeHint), Body: new BodyModel(BodyKind.Json, Essence(json.Key.Value), EquatableArray<FormEncodingModel>.Empty))
            : content.Entries.Select(e => Classify(e.Key.Value, e.Value, typeHint)).FirstOrDefault(c => c.Body is not null);
        if (chosen.Body is null)
        {
            var types = string.Join(", ", content.Entries.Select(e => e.Key.Value));
            _context.Report(DiagnosticDescriptors.RequestBodyMediaType, content, types.Length == 0 ? "(none)" : types, where);
            skip = true;
            return null;
        }

        var type = chosen.Type;
        var parameter = new ParameterModel("body", "body", ParameterLocation.Body, required ? type : type.WithNullable(true), required, description);
        return (parameter, chosen.Body);
    }

    /// <summary>How a non-JSON media type is sent, or a null body when the client cannot send it.</summary>
    private (TypeRef Type, BodyModel? Body) Classify(string mediaType, SpecNode media, string typeHint)
    {
        var essence = Essence(mediaType);
        var schema = media is MappingNode mapping ? mapping.Get("schema") : null;
        var type = schema is null ? null : _schemas.Resolve(schema, typeHint + "Request");
        if (essence == FormMediaType)
        {
            return type is { Kind: TypeRefKind.Model }
                ? (type, new BodyModel(BodyKind.Form, FormMediaType, ReadEncodings((MappingNode)media)))
                : (PrimitiveTypes.Any, null);
        }

        if (essence.StartsWith("multipart/", System.StringComparison.Ordinal))
        {
            return (PrimitiveTypes.Any, null);
        }

        var isText = essence.StartsWith("text/", System.StringComparison.Ordinal);
        if (type is not null && IsBytes(type) || type is null && !isText)
        {
            return (Stream, new BodyModel(BodyKind.Binary, IsWildcard(essence) ? OctetStream : essence, EquatableArray<FormEncodingModel>.Empty));
        }

        if (type is null || type is { Kind: TypeRefKind.Primitive, Name: "string" })
        {
            return (PrimitiveTypes.String, new BodyModel(BodyKind.Text, IsWildcard(essence) ? "text/plain" : essence, EquatableArray<FormEncodingModel>.Empty));
        }

        return (PrimitiveTypes.Any, null);
    }

    /// <summary>The form properties whose <c>encoding</c> differs from the default (form style, exploded, reserved characters encoded).</summary>
    private EquatableArray<FormEncodingModel> ReadEncodings(MappingNode media)
    {
        if (_context.GetMapping(media, "encoding", "requestBody") is not { } encodings)
        {
            return EquatableArray<FormEncodingModel>.Empty;
        }

        var result = new List<FormEncodingModel>();
        foreach (var entry in encodings.Entries)
        {
            if (entry.Value is not MappingNode encoding)
            {
                _context.Report(DiagnosticDescriptors.WrongType, entry.Value, "encoding." + entry.Key.Value, "an encoding mapping");
                continue;
            }

            var where = "encoding." + entry.Key.Value;
            var style = _context.GetString(encoding, "style", where);
            if (style is not (null or "form" or "spaceDelimited" or "pipeDelimited" or "deepObject"))
            {
                _context.Report(DiagnosticDescriptors.InvalidValue, encoding.Get("style")!, where + ".style", style, "form, spaceDelimited, pipeDelimited or deepObject");
                style = null;
            }

            var explode = encoding.Get("explode") is ScalarNode node && node.AsBoolean() is { } exploded ? exploded : style is null or "form";
            var contentType = _context.GetString(encoding, "contentType", where);

            // OpenAPI: contentType applies only when none of style, explode and allowReserved is given.
            var json = style is null && encoding.Get("explode") is null && encoding.Get("allowReserved") is null && contentType is not null && IsJson(contentType);
            result.Add(new FormEncodingModel(entry.Key.Value, style ?? "form", explode, _context.GetBoolean(encoding, "allowReserved", where), json));
        }

        return result.ToEquatableArray();
    }

    private TypeRef SchemaType(SpecNode media, string typeHint)
        => media is MappingNode mapping && mapping.Get("schema") is { } schema ? _schemas.Resolve(schema, typeHint + "Request") : PrimitiveTypes.Any;

    private static bool IsWildcard(string mediaType) => mediaType.IndexOf('*') >= 0;

    private static string Essence(string mediaType) => mediaType.Split(';')[0].Trim().ToLowerInvariant();
}
