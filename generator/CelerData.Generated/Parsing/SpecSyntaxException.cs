using System;

namespace CelerData.Generated.Parsing;

/// <summary>The text is not well-formed YAML or JSON; carries where it went wrong.</summary>
internal sealed class SpecSyntaxException : Exception
{
    public SpecSyntaxException(string message, TextPosition start, TextPosition end)
        : base(message)
    {
        Start = start;
        End = end;
    }

    public TextPosition Start { get; }

    public TextPosition End { get; }
}
