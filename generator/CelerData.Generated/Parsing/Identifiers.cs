using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace CelerData.Generated.Parsing;

/// <summary>Turns wire names into C# identifiers, deterministically.</summary>
internal static class Identifiers
{
    private static readonly HashSet<string> Keywords = new(System.StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
        "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
    };

    /// <summary>C# allows 512 characters in an identifier; longer names are cut and keep a hash of the whole.</summary>
    public const int MaxLength = 128;

    /// <summary>PascalCase: words split at anything that is not a letter or digit; the first letter of each word is raised.</summary>
    public static string ToPascalCase(string value, string fallback) => Limit(PascalCaseCore(value, fallback), value);

    private static string PascalCaseCore(string value, string fallback)
    {
        var builder = new StringBuilder(value.Length);
        var startWord = true;
        foreach (var c in value)
        {
            if (!IsIdentifierChar(c))
            {
                startWord = true;
                continue;
            }

            builder.Append(startWord ? char.ToUpperInvariant(c) : c);
            startWord = false;
        }

        if (builder.Length == 0)
        {
            return fallback;
        }

        if (char.IsDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }

    /// <summary>camelCase for parameters; a keyword stays as it is and is written with '@' by the emitter.</summary>
    public static string ToCamelCase(string value, string fallback)
    {
        var pascal = ToPascalCase(value, fallback);
        if (pascal[0] == '_')
        {
            return pascal;
        }

        var leadingUpper = 0;
        while (leadingUpper < pascal.Length && char.IsUpper(pascal[leadingUpper]))
        {
            leadingUpper++;
        }

        // "HTTPServer" -> "httpServer", "ID" -> "id", "Name" -> "name".
        var lowerCount = leadingUpper <= 1 || leadingUpper == pascal.Length ? leadingUpper : leadingUpper - 1;
        lowerCount = System.Math.Max(1, lowerCount);
        return pascal.Substring(0, lowerCount).ToLowerInvariant() + pascal.Substring(lowerCount);
    }

    /// <summary>Cuts an over-long identifier, appending a stable hash of the original so distinct names stay distinct.</summary>
    public static string Limit(string identifier, string original, int maxLength = MaxLength)
    {
        if (identifier.Length <= maxLength)
        {
            return identifier;
        }

        // FNV-1a: stable across processes and platforms, unlike string.GetHashCode.
        var hash = 2166136261u;
        foreach (var c in original)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return identifier.Substring(0, maxLength - 9) + "_" + hash.ToString("X8", CultureInfo.InvariantCulture);
    }

    /// <summary>Whether a name given by the user (x-csharp-name, ClientName) can be used as it is.</summary>
    public static bool IsValidIdentifier(string value)
    {
        if (value.Length == 0 || value.Length > MaxLength || Keywords.Contains(value))
        {
            return false;
        }

        if (!(char.IsLetter(value[0]) || value[0] == '_'))
        {
            return false;
        }

        foreach (var c in value)
        {
            if (c != '_' && !IsIdentifierChar(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether a dotted namespace is made of valid identifiers.</summary>
    public static bool IsValidNamespace(string value)
    {
        foreach (var part in value.Split('.'))
        {
            if (!IsValidIdentifier(part))
            {
                return false;
            }
        }

        return value.Length > 0;
    }

    private static bool IsIdentifierChar(char c)
    {
        if (c == '_')
        {
            return false;
        }

        switch (CharUnicodeInfo.GetUnicodeCategory(c))
        {
            case UnicodeCategory.UppercaseLetter:
            case UnicodeCategory.LowercaseLetter:
            case UnicodeCategory.TitlecaseLetter:
            case UnicodeCategory.ModifierLetter:
            case UnicodeCategory.OtherLetter:
            case UnicodeCategory.DecimalDigitNumber:
                return true;
            default:
                return false;
        }
    }
}

/// <summary>Hands out unique names in one scope: the first claimant keeps a name, later ones get 2, 3, ...</summary>
internal sealed class NameScope
{
    private readonly HashSet<string> _taken;

    public NameScope(IEnumerable<string>? reserved = null)
    {
        _taken = new HashSet<string>(reserved ?? System.Array.Empty<string>(), System.StringComparer.Ordinal);
    }

    public bool IsTaken(string name) => _taken.Contains(name);

    public void Reserve(string name) => _taken.Add(name);

    public string Claim(string name)
    {
        if (_taken.Add(name))
        {
            return name;
        }

        for (var i = 2; ; i++)
        {
            var candidate = name + i.ToString(CultureInfo.InvariantCulture);
            if (_taken.Add(candidate))
            {
                return candidate;
            }
        }
    }
}
