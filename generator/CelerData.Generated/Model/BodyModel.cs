namespace CelerData.Generated.Model;

/// <summary>How a request body goes on the wire.</summary>
internal enum BodyKind
{
    /// <summary>JSON written through the generated context.</summary>
    Json,

    /// <summary>A string sent as it is, in the declared text media type.</summary>
    Text,

    /// <summary>The caller's stream sent as it is (<c>application/octet-stream</c>, <c>image/*</c>, any <c>format: binary</c>).</summary>
    Binary,

    /// <summary><c>application/x-www-form-urlencoded</c>: the object's properties as name-value pairs.</summary>
    Form,

    /// <summary><c>multipart/form-data</c> (or another <c>multipart/*</c>): one method parameter per property, each sent as a part.</summary>
    Multipart,
}

/// <summary>How one property of a multipart body is sent.</summary>
internal enum PartKind
{
    /// <summary>A file (<c>format: binary</c>): the caller's <c>Refit.MultipartItem</c> with its file name and content type.</summary>
    File,

    /// <summary>An array of files: one part per item.</summary>
    Files,

    /// <summary>A scalar as <c>text/plain</c>.</summary>
    Text,

    /// <summary>An array of scalars: one <c>text/plain</c> part per item.</summary>
    Texts,

    /// <summary>Any other value (an object, a map, a list of objects) as <c>application/json</c>, through the generated metadata.</summary>
    Json,
}

/// <summary>One part of a multipart body: the property's wire name and the method parameter that carries it.</summary>
/// <param name="ContentType">The part's media type from the media type's <c>encoding</c>: for a file its default when the caller gives none, for text and JSON the one sent.</param>
internal sealed record PartModel(string WireName, string ParameterName, PartKind Kind, string? ContentType = null);

/// <summary>The request body of an operation: its kind, the media type sent and, for forms, the declared encodings.</summary>
/// <param name="MediaType">The <c>Content-Type</c> sent (a declared wildcard becomes <c>application/octet-stream</c>).</param>
/// <param name="Encodings">The form properties whose serialization the media type's <c>encoding</c> declares.</param>
/// <param name="Parts">The parts of a multipart body, in the schema's order.</param>
internal sealed record BodyModel(BodyKind Kind, string MediaType, EquatableArray<FormEncodingModel> Encodings, EquatableArray<PartModel> Parts = default);

/// <summary>How one property of a form body is written (OpenAPI's Encoding Object).</summary>
/// <param name="Name">The property's wire name.</param>
/// <param name="Style">Form, SpaceDelimited, PipeDelimited or DeepObject.</param>
/// <param name="Explode">Whether arrays and objects become separate pairs.</param>
/// <param name="AllowReserved">Whether RFC 3986 reserved characters go unencoded.</param>
/// <param name="Json">Whether the value is written as JSON text (<c>contentType: application/json</c>).</param>
internal sealed record FormEncodingModel(string Name, ParameterStyle Style, bool Explode, bool AllowReserved, bool Json);
