using System;

namespace CelerData.Generated.Fuzz.Tests.Fuzzing;

/// <summary>Names and texts that break naive code generators: keywords, digits, unicode, quotes, comment ends, line breaks.</summary>
internal static class HostileStrings
{
    public static readonly string[] All =
    [
        "class", "namespace", "int", "object", "string", "event", "params", "this", "base", "default", "operator",
        "@class", "__arglist", "value", "global", "System", "Task", "Refit", "Equals", "GetHashCode", "ToString", "GetType",
        "Default", "Options", "JsonContext", "Api", "Client", "CelerDataCloud", "ICelerDataCloudApi", "AccessTokenResponse",
        "123", "0abc", "9_lives", "-", "_", "__", "a b", "a-b", "a.b", "a/b", "foo_bar", "fooBar", "FooBar", "FOO_BAR",
        "Ärger", "名前", "emoji😀", "ǅungla", "\u0130stanbul", "e\u0301", "\u200Bzero", "\uFEFFbom", "\uD800half", "x\uDC00",
        "\"quoted\"", "it's", "back`tick", "*/", "/*", "*/ } class X { /*", "</summary>", "<summary>", "&amp;", "<![CDATA[", "]]>",
        "line\nbreak", "\n", "\r", "\r\n", "end\\", "\u2028", "a\u2028b", "\u2029", "\u0085", "\t", "\0", "nul\0byte",
        "{", "}", "{0}", "%s", "#", "# comment", "$ref", "#/components/schemas/", "~", "null", "true", "false", "NaN", "1e400",
        "", " ", "  padded  ", "#region", "#endregion", "#if X", "\"\"\"", "@\"", "$\"{x}\"", "\\u0041", "//", "///",
        "a\u0000b", "\u00A0", "\u3000", "Ω", "µ", "ı", "İ", "\u0627\u0644\u0639\u0631\u0628\u064a\u0629",
    ];

    public static string Pick(Random random) => random.Next(8) == 0 ? Long(random) : All[random.Next(All.Length)];

    private static string Long(Random random) => new('N', 500 + random.Next(2000));
}
