using System.Collections.Generic;
using System.Linq;
using CelerData.Generated.Model;

namespace CelerData.Generated.Parsing;

/// <summary>
/// Reads an operation's <c>requestBody</c>: the media type the client sends and the parameter that carries it.
/// JSON is preferred; otherwise the first declared media type the client can send, in document order:
/// <c>application/x-www-form-urlencoded</c> of an object or a map, <c>multipart/*</c> of an object (one part per
/// property, composed schemas merged), text (<c>text/*</c> or a string schema) and XML as a string the caller
/// writes, and anything else (octet-stream, images, an object under a binary media type) as a stream.
/// </summary>
internal sealed class BodyReader
{
    private const string FormMediaType = "application/x-www-form-urlencoded";
    private const string OctetStream = "application/octet-stream";
    private const string MultipartMediaType = "multipart/form-data";
    private const string MultipartPrefix = "multipart/";

    /// <summary>A file part: Refit's <c>StreamPart</c>, <c>ByteArrayPart</c> or <c>FileInfoPart</c>, with its file name and content type.</summary>
    public static readonly TypeRef FilePart = new(TypeRefKind.Primitive, "global::Refit.MultipartItem", IsValueType: false, Element: null, IsNullable: false) { Primitive = PrimitiveKind.File };

    /// <summary>The caller's stream: a request body sent as it is.</summary>
    public static readonly TypeRef Stream = new(TypeRefKind.Primitive, "global::System.IO.Stream", IsValueType: false, Element: null, IsNullable: false) { Primitive = PrimitiveKind.Stream };

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

    /// <summary>Whether a content key names a media type: <c>type/subtype</c> (wildcards included), parameters aside.</summary>
    private static bool IsMediaType(string key)
    {
        var essence = Essence(key);
        var slash = essence.IndexOf('/');
        return slash > 0 && slash < essence.Length - 1 && essence.IndexOf('/', slash + 1) < 0 && essence.IndexOf(' ') < 0;
    }

    /// <summary>
    /// The <c>Accept</c> header asking for the media types the client reads (the description's own keys, in its
    /// order, joined by commas), or null to send none: when a key is <c>*/*</c> (anything is read, as no header
    /// says), or any key is not a media type or holds text a header cannot carry (reported or not, it is not sent).
    /// </summary>
    public static string? Accept(IEnumerable<string> keys)
    {
        var types = new List<string>();
        foreach (var key in keys)
        {
            var trimmed = key.Trim();
            if (!IsMediaType(trimmed) || trimmed.Any(c => c < ' ' || c > '~'))
            {
                return null;
            }

            if (Essence(trimmed) == "*/*")
            {
                return null;
            }

            if (!types.Contains(trimmed))
            {
                types.Add(trimmed);
            }
        }

        return types.Count == 0 ? null : string.Join(", ", types);
    }

    /// <summary>Whether a schema is <c>type: string</c> with <c>format: binary</c> (or <c>byte</c>): bytes, not JSON.</summary>
    public static bool IsBytes(TypeRef type) => type.Primitive == PrimitiveKind.Bytes;

    /// <summary>
    /// The body's parameters (one, or one per part of a multipart body, named apart from <paramref name="taken"/>) and
    /// how the body is sent; null with <paramref name="skip"/> when the operation cannot be generated (reported), null
    /// without it when the operation has no body.
    /// </summary>
    public (IReadOnlyList<ParameterModel> Parameters, BodyModel Body)? Read(MappingNode operation, string where, string typeHint, IEnumerable<string> taken, out bool skip)
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

        // Keys that are not media types ("", "form-data", "applicationjson;version=1") are reported and left out; with
        // nothing else to send, the operation is generated without a request body (its calls would fail otherwise).
        var entries = content.Entries.Where(e => IsMediaType(e.Key.Value)).ToList();
        foreach (var entry in content.Entries.Where(e => !IsMediaType(e.Key.Value)))
        {
            _context.Report(DiagnosticDescriptors.NotAMediaType, entry.Key, entry.Key.Value, where);
        }

        if (entries.Count == 0 && content.Entries.Count > 0)
        {
            return null;
        }

        var required = _context.GetBoolean(body, "required", where + ".requestBody");
        var description = _context.GetDescription(body, "requestBody");
        var json = entries.FirstOrDefault(e => IsJson(e.Key.Value) && !(IsWildcard(e.Key.Value) && IsBytes(SchemaType(e.Value, typeHint))));
        var chosen = json.Key is not null
            ? (Type: SchemaType(json.Value, typeHint), Body: new BodyModel(BodyKind.Json, Essence(json.Key.Value), EquatableArray<FormEncodingModel>.Empty), Parts: null)
            : entries.Select(e => Classify(e.Key.Value, e.Value, typeHint, where)).FirstOrDefault(c => c.Body is not null);
        if (chosen.Body is null)
        {
            var types = string.Join(", ", content.Entries.Select(e => e.Key.Value));
            _context.Report(DiagnosticDescriptors.RequestBodyMediaType, content, types.Length == 0 ? "(none)" : types, where);
            skip = true;
            return null;
        }

        if (chosen.Parts is { } raw)
        {
            var (parameters, parts) = NameParts(raw, required, taken);
            return (parameters, chosen.Body with { Parts = parts });
        }

        var type = chosen.Type;
        var parameter = new ParameterModel("body", "body", ParameterLocation.Body, required ? type : type.WithNullable(true), required, description);
        return (new[] { parameter }, chosen.Body);
    }

    /// <summary>How a non-JSON media type is sent, or a null body when the client cannot send it.</summary>
    private (TypeRef Type, BodyModel? Body, List<RawPart>? Parts) Classify(string mediaType, SpecNode media, string typeHint, string where)
    {
        var essence = Essence(mediaType);
        var schema = media is MappingNode mapping ? mapping.Get("schema") : null;
        var type = schema is null ? null : _schemas.Resolve(schema, typeHint + "Request");
        if (essence == FormMediaType)
        {
            // An object (allOf-composed ones are merged records) or a map: the properties its JSON metadata writes. A
            // string is the encoded form itself (text=...&lang=en), which the caller writes, as with XML.
            return type is { Kind: TypeRefKind.Model or TypeRefKind.Dictionary }
                ? (type, new BodyModel(BodyKind.Form, FormMediaType, ReadEncodings((MappingNode)media)), null)
                : type is { Kind: TypeRefKind.Primitive, Primitive: PrimitiveKind.String }
                ? (PrimitiveTypes.String, new BodyModel(BodyKind.Text, FormMediaType, EquatableArray<FormEncodingModel>.Empty), null)
                : (PrimitiveTypes.Any, null, null);
        }

        if (essence.StartsWith(MultipartPrefix, System.StringComparison.Ordinal))
        {
            // multipart/mixed, related, ... go as form-data does: one part per property, under their own media type.
            return type is { Kind: TypeRefKind.Model } && schema is MappingNode schemaMapping && ReadParts(schemaMapping, (MappingNode)media, typeHint, where) is { } parts
                ? (type, new BodyModel(BodyKind.Multipart, IsWildcard(essence) ? MultipartMediaType : essence, EquatableArray<FormEncodingModel>.Empty), parts)
                : (PrimitiveTypes.Any, null, null);
        }

        // Text, XML and a string schema are a string the caller writes; anything else is bytes, whatever its schema
        // describes (an object under application/octet-stream is still sent as the caller's bytes).
        var isText = essence.StartsWith("text/", System.StringComparison.Ordinal) || IsXml(essence) || type is { Primitive: PrimitiveKind.String };
        if (!isText || (type is not null && (IsBytes(type) || IsFile(schema!))))
        {
            return (Stream, new BodyModel(BodyKind.Binary, IsWildcard(essence) ? OctetStream : essence, EquatableArray<FormEncodingModel>.Empty), null);
        }

        return (PrimitiveTypes.String, new BodyModel(BodyKind.Text, IsWildcard(essence) ? "text/plain" : essence, EquatableArray<FormEncodingModel>.Empty), null);
    }

    /// <summary>Whether a media type is XML (<c>application/xml</c>, <c>text/xml</c>, <c>application/*+xml</c>).</summary>
    private static bool IsXml(string essence) => essence is "application/xml" or "text/xml" || essence.EndsWith("+xml", System.StringComparison.Ordinal);

    /// <summary>
    /// The parts of a multipart object, one per property (allOf parts and references merged; oneOf/anyOf is not
    /// split): files and arrays of them, scalars and arrays of them as text, anything else as JSON; each with the
    /// <c>contentType</c> its <c>encoding</c> declares, if any. Null when the schema is not an object of properties.
    /// </summary>
    private List<RawPart>? ReadParts(MappingNode schemaNode, MappingNode media, string typeHint, string where)
    {
        var schema = _schemas.Follow(schemaNode);
        if (schema is null || schema.Get("oneOf") is not null || schema.Get("anyOf") is not null)
        {
            return null;
        }

        var (members, required) = _schemas.MergedMembers(schema, where + " (multipart)");
        if (members.Count == 0)
        {
            return null;
        }

        var encodings = _context.GetMapping(media, "encoding", where + ".requestBody");
        var parts = new List<RawPart>();
        foreach (var property in members)
        {
            var name = property.Key.Value;
            var type = _schemas.Resolve(property.Value, typeHint + "Request" + Identifiers.ToPascalCase(name, "Part"));
            PartKind kind;
            if (IsBytes(type) || IsFile(property.Value))
            {
                kind = PartKind.File;
                type = FilePart;
            }
            else if (type.Kind == TypeRefKind.List && type.Element is { } element && IsBytes(element))
            {
                kind = PartKind.Files;
                type = type with { Element = FilePart };
            }
            else if (IsScalar(type))
            {
                kind = PartKind.Text;
            }
            else if (type.Kind == TypeRefKind.List && type.Element is { } item && IsScalar(item))
            {
                kind = PartKind.Texts;
            }
            else
            {
                kind = PartKind.Json;
            }

            var description = property.Value is MappingNode propertyMapping ? _context.GetDescription(propertyMapping, where + " part " + name) : null;
            var contentType = encodings?.Get(name) is MappingNode encoding ? PartContentType(_context.GetString(encoding, "contentType", "encoding." + name)) : null;
            parts.Add(new RawPart(name, type, kind, required.Contains(name), description, contentType));
        }

        return parts;
    }

    /// <summary>The media type a part's <c>encoding.contentType</c> gives: the first of a list, without parameters; none for a wildcard or a malformed one.</summary>
    private static string? PartContentType(string? declared)
    {
        var first = declared is null ? string.Empty : Essence(declared.Split(',')[0]);
        var slash = first.IndexOf('/');
        return slash > 0 && slash < first.Length - 1 && first.IndexOf('/', slash + 1) < 0 && first.All(c => char.IsLetterOrDigit(c) || "/!#$&^_.+-".IndexOf(c) >= 0) && first.All(c => c < 128)
            ? first
            : null;
    }

    /// <summary>One method parameter per part, named apart from the operation's other parameters; a part is required when the body and the property are.</summary>
    private static (List<ParameterModel> Parameters, EquatableArray<PartModel> Parts) NameParts(List<RawPart> raw, bool bodyRequired, IEnumerable<string> taken)
    {
        var scope = new NameScope(taken.Concat(new[] { "cancellationToken" }));
        var parameters = new List<ParameterModel>();
        var parts = new List<PartModel>();
        foreach (var part in raw)
        {
            var required = bodyRequired && part.Required;
            var name = scope.Claim(Identifiers.ToCamelCase(part.WireName, "part"));
            parameters.Add(new ParameterModel(name, part.WireName, ParameterLocation.Part, required ? part.Type : part.Type.WithNullable(true), required, part.Description));
            parts.Add(new PartModel(part.WireName, name, part.Kind, part.ContentType));
        }

        return (parameters, parts.ToEquatableArray());
    }

    /// <summary>Whether a schema says <c>format: file</c> (Swagger 2's file, kept by many converted descriptions): bytes.</summary>
    private bool IsFile(SpecNode schema) => _schemas.HasFormat(schema, "file");

    /// <summary>Whether a value of this type is one text value that is not bytes: a primitive other than any JSON, or an enum.</summary>
    internal static bool IsScalar(TypeRef type) => WirePlan.IsPlainScalar(type) && !IsBytes(type);

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
            var text = _context.GetString(encoding, "style", where);
            var style = ParameterStyles.Parse(text);
            if (text is not null && style is not (ParameterStyle.Form or ParameterStyle.SpaceDelimited or ParameterStyle.PipeDelimited or ParameterStyle.DeepObject))
            {
                _context.Report(DiagnosticDescriptors.InvalidValue, encoding.Get("style")!, where + ".style", text, "form, spaceDelimited, pipeDelimited or deepObject");
                style = null;
            }

            var explode = encoding.Get("explode") is ScalarNode node && node.AsBoolean() is { } exploded ? exploded : style is null or ParameterStyle.Form;
            var contentType = _context.GetString(encoding, "contentType", where);

            // OpenAPI: contentType applies only when none of style, explode and allowReserved is given.
            var json = style is null && encoding.Get("explode") is null && encoding.Get("allowReserved") is null && contentType is not null && IsJson(contentType);
            result.Add(new FormEncodingModel(entry.Key.Value, style ?? ParameterStyle.Form, explode, _context.GetBoolean(encoding, "allowReserved", where), json));
        }

        return result.ToEquatableArray();
    }

    private TypeRef SchemaType(SpecNode media, string typeHint)
        => media is MappingNode mapping && mapping.Get("schema") is { } schema ? _schemas.Resolve(schema, typeHint + "Request") : PrimitiveTypes.Any;

    private static bool IsWildcard(string mediaType) => mediaType.IndexOf('*') >= 0;

    private static string Essence(string mediaType) => mediaType.Split(';')[0].Trim().ToLowerInvariant();

    /// <summary>A property of a multipart body before its parameter is named.</summary>
    private sealed record RawPart(string WireName, TypeRef Type, PartKind Kind, bool Required, string? Description, string? ContentType);
}
