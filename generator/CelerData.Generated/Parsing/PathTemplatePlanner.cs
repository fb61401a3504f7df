using System.Collections.Generic;
using System.Linq;
using CelerData.Generated.Model;

namespace CelerData.Generated.Parsing;

/// <summary>Parses an operation's path template (checked by <c>OperationReader</c>) into the segments and query the emitters write.</summary>
internal static class PathTemplatePlanner
{
    public static PathTemplateModel Plan(string template, IReadOnlyList<ConstantQueryModel> constants)
    {
        var constantQuery = constants.Select(c => System.Uri.EscapeDataString(c.WireName) + "=" + System.Uri.EscapeDataString(c.Value)).ToList();
        var refitTemplate = constantQuery.Count == 0 ? template : WithQuery(template, string.Join("&", constantQuery));

        // A fragment is no part of the request (RFC 3986 section 3.5, RFC 9110 section 7.1): descriptions use one to
        // tell apart paths that would otherwise be equal ('/#X-Amz-Target=...', '/tags/{arn}#tagKeys'), and it is not sent.
        var end = PathPartEnd(template);
        var path = end < 0 ? template : template.Substring(0, end);
        var literal = new List<string>();
        if (end >= 0 && template[end] == '?')
        {
            var hash = template.IndexOf('#', end);
            literal.Add(hash < 0 ? template.Substring(end + 1) : template.Substring(end + 1, hash - end - 1));
        }

        literal.AddRange(constantQuery);
        var query = string.Join("&", literal.Where(l => l.Length > 0));
        return new PathTemplateModel(Segments(path.Length == 0 ? "/" : path).ToEquatableArray(), query, refitTemplate);
    }

    /// <summary>
    /// Where the path part of a template ends: at its literal query ('?') or fragment ('#'), whichever comes first; -1
    /// when it has neither. Only the path part is substituted (OperationReader checks that no '{name}' stands after it).
    /// </summary>
    public static int PathPartEnd(string template) => template.IndexOfAny(PathEnds);

    private static readonly char[] PathEnds = { '?', '#' };

    /// <summary>The template with <paramref name="query"/> added to its query, which stands before a fragment (RFC 3986).</summary>
    private static string WithQuery(string template, string query)
    {
        var hash = template.IndexOf('#');
        var head = hash < 0 ? template : template.Substring(0, hash);
        var fragment = hash < 0 ? string.Empty : template.Substring(hash);
        return head + (head.IndexOf('?') >= 0 ? "&" : "?") + query + fragment;
    }

    private static IEnumerable<PathSegment> Segments(string path)
    {
        var cursor = 0;
        int index;
        while ((index = path.IndexOf('{', cursor)) >= 0 && path.IndexOf('}', index) is var end && end >= 0)
        {
            if (index > cursor)
            {
                yield return new PathSegment(PathSegmentKind.Literal, path.Substring(cursor, index - cursor));
            }

            yield return new PathSegment(PathSegmentKind.Parameter, path.Substring(index + 1, end - index - 1));
            cursor = end + 1;
        }

        if (cursor < path.Length)
        {
            yield return new PathSegment(PathSegmentKind.Literal, path.Substring(cursor));
        }
    }
}
