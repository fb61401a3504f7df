namespace CelerData.Generated.Model;

/// <summary>What one piece of a path template is.</summary>
internal enum PathSegmentKind
{
    /// <summary>Text sent as it is written in the template.</summary>
    Literal,

    /// <summary>A <c>{name}</c>: the value of the path parameter with that wire name.</summary>
    Parameter,
}

/// <summary>One piece of a path template: literal text, or the wire name of the path parameter it stands for.</summary>
internal sealed record PathSegment(PathSegmentKind Kind, string Text);

/// <summary>An operation's path template, parsed once for every emitter.</summary>
/// <param name="Segments">The path without its literal query or fragment, in order; <c>/</c> when nothing is left.</param>
/// <param name="Query">The query sent with every request, already escaped: the template's literal query (<c>/{Bucket}?uploads</c>) and then the constant query parameters; empty when there is none. A fragment (<c>/#X-Amz-Target=...</c>) is not sent: a fragment is no part of a request (RFC 3986).</param>
/// <param name="RefitTemplate">The template with the constant query parameters added to its query (before a fragment, which it keeps): Refit's attribute, and the request's relative path template (telemetry's operation name).</param>
internal sealed record PathTemplateModel(EquatableArray<PathSegment> Segments, string Query, string RefitTemplate)
{
    /// <summary>What the request's relative URI looks like, for the method's doc: <see cref="RefitTemplate"/> without its fragment, which is not sent.</summary>
    public string SentTemplate => RefitTemplate.IndexOf('#') is var hash and >= 0 ? RefitTemplate.Substring(0, hash) : RefitTemplate;
}
