using System.Collections.Generic;

namespace CelerData.Generated.Parsing;

/// <summary>
/// Turns character offsets into line and column, clamped to the text, so every diagnostic points at a
/// place that exists in the file (parsers report end-of-input one line past the last one).
/// </summary>
internal sealed class LineMap
{
    private readonly List<int> _lineStarts = new() { 0 };
    private readonly int _length;

    public LineMap(string text)
    {
        _length = text.Length;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    public TextPosition At(int offset)
    {
        if (offset < 0)
        {
            offset = 0;
        }

        if (offset > _length)
        {
            offset = _length;
        }

        var line = _lineStarts.BinarySearch(offset);
        if (line < 0)
        {
            line = ~line - 1;
        }

        return new TextPosition(offset, line, offset - _lineStarts[line]);
    }
}
