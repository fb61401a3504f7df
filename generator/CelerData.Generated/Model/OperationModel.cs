using System.Linq;

namespace CelerData.Generated.Model;

/// <summary>Where a parameter goes in the request.</summary>
internal enum ParameterLocation
{
    Path,
    Query,
    Header,
    Cookie,
    Body,

    /// <summary>One part of a multipart body.</summary>
    Part,
}

/// <summary>How a parameter or form property is serialized: OpenAPI's <c>style</c>.</summary>
internal enum ParameterStyle
{
    /// <summary>None: the body, a multipart part.</summary>
    None,

    /// <summary><c>form</c>: the query's and cookies' default.</summary>
    Form,

    /// <summary><c>spaceDelimited</c>: an array's items (or an object's members) joined by spaces, in the query.</summary>
    SpaceDelimited,

    /// <summary><c>pipeDelimited</c>: joined by <c>|</c>, in the query.</summary>
    PipeDelimited,

    /// <summary><c>deepObject</c>: an object's members as <c>name[member]</c>, in the query.</summary>
    DeepObject,

    /// <summary><c>simple</c>: the path's and headers' default.</summary>
    Simple,

    /// <summary><c>label</c>: <c>.value</c>, in the path.</summary>
    Label,

    /// <summary><c>matrix</c>: <c>;name=value</c>, in the path.</summary>
    Matrix,
}

/// <summary>OpenAPI's names of the <see cref="ParameterStyle"/> values, read from the spec and written into the generated code.</summary>
internal static class ParameterStyles
{
    private static readonly string[] Names = { string.Empty, "form", "spaceDelimited", "pipeDelimited", "deepObject", "simple", "label", "matrix" };

    /// <summary>The style's name in OpenAPI (<c>deepObject</c>), which the generated <c>__Wire</c> helpers switch on.</summary>
    public static string WireName(this ParameterStyle style) => Names[(int)style];

    /// <summary>The style OpenAPI names <paramref name="name"/> (case-sensitive), or null for any other text.</summary>
    public static ParameterStyle? Parse(string? name)
    {
        var index = name is null || name.Length == 0 ? -1 : System.Array.IndexOf(Names, name);
        return index < 0 ? null : (ParameterStyle)index;
    }
}

/// <summary>What a successful response carries.</summary>
internal enum ResponseKind
{
    /// <summary>Nothing the client reads: <c>Task</c>.</summary>
    None,

    /// <summary>JSON deserialized through the generated context: <c>Task&lt;T&gt;</c>.</summary>
    Json,

    /// <summary>Text: <c>Task&lt;string&gt;</c>.</summary>
    Text,

    /// <summary>Bytes: <c>Task&lt;Stream&gt;</c>.</summary>
    Stream,
}

/// <summary>One operation of the API: one method of the interface.</summary>
/// <param name="Envelope">How the success response is unwrapped, when it is an envelope (set by <c>EnvelopePlanner</c>).</param>
/// <param name="RequestsPerMinute">The operation's <c>x-rate-limit-per-minute</c>, when the spec gives one.</param>
internal sealed record OperationModel(
    string MethodName,
    string OperationId,
    string HttpMethod,
    string Path,
    string? Summary,
    string? Description,
    bool IsDeprecated,
    SecurityModel Security,
    EquatableArray<ParameterModel> Parameters,
    EquatableArray<ConstantQueryModel> ConstantQuery,
    PathTemplateModel Template,
    ResponseKind ResponseKind,
    TypeRef? ResponseType,
    int? RequestsPerMinute,
    EnvelopeModel? Envelope)
{
    /// <summary>
    /// Whether the spec gave the operation an <c>operationId</c>; without one, <see cref="OperationId"/> is
    /// <c>{method} {path}</c>, which names the operation in errors but is not reported as an operationId.
    /// </summary>
    public bool HasDeclaredOperationId { get; init; }

    /// <summary>
    /// The <c>Accept</c> header the request carries: the media types of the success response the method reads
    /// (HTTP content negotiation, which OpenAPI expresses through a response's content); null to send none.
    /// </summary>
    public string? Accept { get; init; }

    /// <summary>How the request body goes on the wire; null when the operation has none.</summary>
    public BodyModel? Body { get; init; }

    /// <summary>
    /// Whether the response is a JSON string: Refit hands a string result over as the raw body, so the generated
    /// implementation takes its quotes off through <c>__Wire.JsonString</c> (which the wire plan then includes).
    /// </summary>
    public bool ReturnsJsonString => ResponseKind == ResponseKind.Json && ResponseType is { Primitive: PrimitiveKind.String };

    /// <summary>The method parameter that carries a part of the multipart <see cref="Body"/>.</summary>
    public ParameterModel PartParameter(PartModel part)
        => Parameters.First(p => p.Location == ParameterLocation.Part && p.Name == part.ParameterName);
}

/// <summary>One parameter of an operation as the method exposes it.</summary>
/// <param name="Style">How the value is serialized (OpenAPI <c>style</c>); <see cref="ParameterStyle.None"/> for the body and multipart parts.</param>
/// <param name="Explode">Whether arrays and objects are exploded into separate parameters or name-value pairs.</param>
/// <param name="AllowReserved">Whether RFC 3986 reserved characters of a query value go unencoded.</param>
internal sealed record ParameterModel(
    string Name,
    string WireName,
    ParameterLocation Location,
    TypeRef Type,
    bool IsRequired,
    string? Description,
    ParameterStyle Style = ParameterStyle.None,
    bool Explode = false,
    bool AllowReserved = false)
{
    /// <summary>
    /// Whether the value goes as its JSON text, style aside: a parameter described by <c>content</c> of a JSON media
    /// type whose schema is an object, an array or any JSON.
    /// </summary>
    public bool AsJsonText { get; init; }
}

/// <summary>A query parameter that can take only one value, sent as a constant.</summary>
internal sealed record ConstantQueryModel(string WireName, string Value);
