using System;
using System.Collections.Generic;
using System.Linq;

namespace CelerData.Generated.Model;

/// <summary>
/// Which operations of a spec to generate, from the <c>IncludeTags</c>, <c>IncludeOperationIds</c>,
/// <c>ExcludeTags</c> and <c>ExcludeOperationIds</c> item metadata: lists of globs (<c>*</c> any run of
/// characters, <c>?</c> one), compared without regard to case. An operation is kept when no include list is
/// given or one of its tags or its operationId matches an include glob, and neither matches an exclude glob.
/// </summary>
internal sealed record OperationFilter(
    EquatableArray<string> IncludeTags,
    EquatableArray<string> IncludeOperationIds,
    EquatableArray<string> ExcludeTags,
    EquatableArray<string> ExcludeOperationIds)
{
    /// <summary>The filter for the four metadata values, or null when none selects anything.</summary>
    public static OperationFilter? From(string? includeTags, string? includeOperationIds, string? excludeTags, string? excludeOperationIds)
    {
        var filter = new OperationFilter(Split(includeTags), Split(includeOperationIds), Split(excludeTags), Split(excludeOperationIds));
        return filter.IncludeTags.Count + filter.IncludeOperationIds.Count + filter.ExcludeTags.Count + filter.ExcludeOperationIds.Count == 0 ? null : filter;
    }

    /// <summary>Whether the operation with these tags and operationId (null when it has none) is generated.</summary>
    public bool Keeps(IReadOnlyList<string> tags, string? operationId)
    {
        var included = (IncludeTags.Count == 0 && IncludeOperationIds.Count == 0)
            || tags.Any(tag => AnyMatch(IncludeTags, tag))
            || (operationId is not null && AnyMatch(IncludeOperationIds, operationId));
        return included
            && !tags.Any(tag => AnyMatch(ExcludeTags, tag))
            && !(operationId is not null && AnyMatch(ExcludeOperationIds, operationId));
    }

    /// <summary>Whether <paramref name="text"/> matches <paramref name="glob"/> as a whole, ignoring case.</summary>
    public static bool Matches(string glob, string text)
    {
        // Iterative wildcard match: on a mismatch, let the last '*' swallow one more character.
        int g = 0, t = 0, star = -1, mark = 0;
        while (t < text.Length)
        {
            if (g < glob.Length && (glob[g] == '?' || char.ToUpperInvariant(glob[g]) == char.ToUpperInvariant(text[t])))
            {
                g++;
                t++;
            }
            else if (g < glob.Length && glob[g] == '*')
            {
                star = g++;
                mark = t;
            }
            else if (star >= 0)
            {
                g = star + 1;
                t = ++mark;
            }
            else
            {
                return false;
            }
        }

        while (g < glob.Length && glob[g] == '*')
        {
            g++;
        }

        return g == glob.Length;
    }

    private static bool AnyMatch(EquatableArray<string> globs, string text)
    {
        foreach (var glob in globs)
        {
            if (Matches(glob, text))
            {
                return true;
            }
        }

        return false;
    }

    private static EquatableArray<string> Split(string? list)
        => (list ?? string.Empty).Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries)
            .Select(s => s.Trim())
            .Where(s => s.Length > 0)
            .ToEquatableArray();
}
