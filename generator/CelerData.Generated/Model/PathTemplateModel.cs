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
/// <param name="Query">The query sent with every request, already escaped: a literal query or fragment of the template (<c>/{Bucket}?uploads</c>, <c>/#X-Amz-Target=...</c>) and then the constant query parameters; empty when there is none.</param>
/// <param name="RefitTemplate">The template with the constant query parameters appended: Refit's attribute, the request's relative path template and the doc line.</param>
internal sealed record PathTemplateModel(EquatableArray<PathSegment> Segments, string Query, string RefitTemplate);
