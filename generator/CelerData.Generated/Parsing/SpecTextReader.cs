namespace CelerData.Generated.Parsing;

/// <summary>Chooses the JSON or YAML reader for a spec file.</summary>
internal static class SpecTextReader
{
    /// <summary>How deep a document may nest; deeper input is rejected with a diagnostic, never a stack overflow.</summary>
    public const int MaxDepth = 128;

    public static SpecNode Read(string path, string text)
    {
        return LooksLikeJson(path, text) ? JsonSpecReader.Read(text, MaxDepth) : YamlSpecReader.Read(text, MaxDepth);
    }

    /// <summary>Generated code encodes names with System.Text.Json, which rejects unpaired surrogates at run time.</summary>
    public static bool IsWellFormedUtf16(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]))
            {
                if (i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]))
                {
                    return false;
                }

                i++;
            }
            else if (char.IsLowSurrogate(value[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool LooksLikeJson(string path, string text)
    {
        if (path.EndsWith(".json", System.StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (var c in text)
        {
            if (c == '\uFEFF' || char.IsWhiteSpace(c))
            {
                continue;
            }

            return c == '{';
        }

        return false;
    }
}
