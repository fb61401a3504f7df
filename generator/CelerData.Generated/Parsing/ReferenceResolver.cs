using System;
using System.Globalization;

namespace CelerData.Generated.Parsing;

/// <summary>Resolves local <c>$ref</c> values (JSON pointers into the same document).</summary>
internal static class ReferenceResolver
{
    public static bool IsLocal(string reference) => reference.StartsWith("#", StringComparison.Ordinal);

    /// <summary>Follows a local JSON pointer; null when any step is missing.</summary>
    public static SpecNode? Resolve(SpecNode root, string reference)
    {
        if (!IsLocal(reference))
        {
            return null;
        }

        var pointer = Uri.UnescapeDataString(reference.Substring(1));
        if (pointer.Length == 0)
        {
            return root;
        }

        if (pointer[0] != '/')
        {
            return null;
        }

        var current = root;
        foreach (var rawSegment in pointer.Substring(1).Split('/'))
        {
            var segment = rawSegment.Replace("~1", "/").Replace("~0", "~");
            switch (current)
            {
                case MappingNode mapping:
                    var next = mapping.Get(segment);
                    if (next is null)
                    {
                        return null;
                    }

                    current = next;
                    break;
                case SequenceNode sequence:
                    if (!int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= sequence.Items.Count)
                    {
                        return null;
                    }

                    current = sequence.Items[index];
                    break;
                default:
                    return null;
            }
        }

        return current;
    }
}
