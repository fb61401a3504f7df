using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace CelerData.Generated.Parsing;

/// <summary>
/// A small strict JSON reader that keeps line and column for every node. The generator targets
/// netstandard2.0 and must not depend on the consumer's System.Text.Json, so it reads JSON itself.
/// </summary>
internal sealed class JsonSpecReader
{
    private readonly string _text;
    private readonly int _maxDepth;
    private int _offset;
    private int _line;
    private int _lineStart;

    private JsonSpecReader(string text, int maxDepth)
    {
        _text = text;
        _maxDepth = maxDepth;
    }

    public static SpecNode Read(string text, int maxDepth)
    {
        var reader = new JsonSpecReader(text, maxDepth);
        reader.SkipWhitespace();
        if (reader._offset < text.Length && text[reader._offset] == '\uFEFF')
        {
            reader._offset++;
            reader.SkipWhitespace();
        }

        var node = reader.ReadValue(0);
        reader.SkipWhitespace();
        if (reader._offset < text.Length)
        {
            throw reader.Error("Unexpected text after the end of the JSON document.");
        }

        return node;
    }

    private TextPosition Position => new(_offset, _line, _offset - _lineStart);

    private SpecSyntaxException Error(string message)
    {
        var position = Position;
        var end = new TextPosition(System.Math.Min(_offset + 1, _text.Length), _line, position.Column + 1);
        return new SpecSyntaxException(message, position, end);
    }

    private void SkipWhitespace()
    {
        while (_offset < _text.Length)
        {
            var c = _text[_offset];
            if (c == '\n')
            {
                _offset++;
                _line++;
                _lineStart = _offset;
            }
            else if (c == ' ' || c == '\t' || c == '\r')
            {
                _offset++;
            }
            else
            {
                return;
            }
        }
    }

    private SpecNode ReadValue(int depth)
    {
        if (depth > _maxDepth)
        {
            throw Error("The document is nested more than " + _maxDepth.ToString(CultureInfo.InvariantCulture) + " levels deep.");
        }

        SkipWhitespace();
        if (_offset >= _text.Length)
        {
            throw Error("The JSON document ends too early.");
        }

        var c = _text[_offset];
        switch (c)
        {
            case '{':
                return ReadObject(depth);
            case '[':
                return ReadArray(depth);
            case '"':
                {
                    var start = Position;
                    var value = ReadString();
                    return new ScalarNode(value, isPlain: false, start, Position);
                }

            default:
                return ReadLiteral();
        }
    }

    private MappingNode ReadObject(int depth)
    {
        var start = Position;
        _offset++;
        var entries = new List<KeyValuePair<ScalarNode, SpecNode>>();
        SkipWhitespace();
        if (Peek() == '}')
        {
            _offset++;
            return new MappingNode(entries, start, Position);
        }

        while (true)
        {
            SkipWhitespace();
            if (Peek() != '"')
            {
                throw Error("Expected a property name in double quotes.");
            }

            var keyStart = Position;
            var key = ReadString();
            var keyNode = new ScalarNode(key, isPlain: false, keyStart, Position);
            SkipWhitespace();
            if (Peek() != ':')
            {
                throw Error("Expected ':' after a property name.");
            }

            _offset++;
            var value = ReadValue(depth + 1);
            entries.Add(new KeyValuePair<ScalarNode, SpecNode>(keyNode, value));
            SkipWhitespace();
            var next = Peek();
            if (next == ',')
            {
                _offset++;
                continue;
            }

            if (next == '}')
            {
                _offset++;
                return new MappingNode(entries, start, Position);
            }

            throw Error("Expected ',' or '}' in an object.");
        }
    }

    private SequenceNode ReadArray(int depth)
    {
        var start = Position;
        _offset++;
        var items = new List<SpecNode>();
        SkipWhitespace();
        if (Peek() == ']')
        {
            _offset++;
            return new SequenceNode(items, start, Position);
        }

        while (true)
        {
            items.Add(ReadValue(depth + 1));
            SkipWhitespace();
            var next = Peek();
            if (next == ',')
            {
                _offset++;
                continue;
            }

            if (next == ']')
            {
                _offset++;
                return new SequenceNode(items, start, Position);
            }

            throw Error("Expected ',' or ']' in an array.");
        }
    }

    private char Peek() => _offset < _text.Length ? _text[_offset] : '\0';

    private string ReadString()
    {
        var start = Position;
        _offset++;
        var builder = new StringBuilder();
        while (true)
        {
            if (_offset >= _text.Length)
            {
                throw Error("A string is not closed.");
            }

            var c = _text[_offset];
            if (c == '"')
            {
                _offset++;
                var value = builder.ToString();
                if (!SpecTextReader.IsWellFormedUtf16(value))
                {
                    throw new SpecSyntaxException("A string holds an unpaired UTF-16 surrogate.", start, Position);
                }

                return value;
            }

            if (c < ' ')
            {
                throw Error("A control character must be escaped inside a string.");
            }

            if (c != '\\')
            {
                builder.Append(c);
                _offset++;
                continue;
            }

            _offset++;
            var escape = Peek();
            _offset++;
            switch (escape)
            {
                case '"': builder.Append('"'); break;
                case '\\': builder.Append('\\'); break;
                case '/': builder.Append('/'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'u':
                    if (_offset + 4 > _text.Length
                        || !int.TryParse(_text.Substring(_offset, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                    {
                        throw Error("A \\u escape needs four hexadecimal digits.");
                    }

                    builder.Append((char)code);
                    _offset += 4;
                    break;
                default:
                    _offset--;
                    throw Error("Unknown escape sequence in a string.");
            }
        }
    }

    private ScalarNode ReadLiteral()
    {
        var start = Position;
        var begin = _offset;
        while (_offset < _text.Length)
        {
            var c = _text[_offset];
            if (c == ',' || c == '}' || c == ']' || c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ':')
            {
                break;
            }

            _offset++;
        }

        var literal = _text.Substring(begin, _offset - begin);
        if (literal == "true" || literal == "false" || literal == "null" || IsNumber(literal))
        {
            return new ScalarNode(literal, isPlain: true, start, Position);
        }

        _offset = begin;
        throw Error(literal.Length == 0 ? "Expected a JSON value." : "'" + Truncate(literal) + "' is not a JSON value.");
    }

    private static string Truncate(string value) => value.Length > 40 ? value.Substring(0, 40) + "..." : value;

    private static bool IsNumber(string literal)
    {
        var i = 0;
        if (i < literal.Length && literal[i] == '-')
        {
            i++;
        }

        var digits = 0;
        while (i < literal.Length && char.IsDigit(literal[i]))
        {
            i++;
            digits++;
        }

        if (digits == 0)
        {
            return false;
        }

        if (i < literal.Length && literal[i] == '.')
        {
            i++;
            var fraction = 0;
            while (i < literal.Length && char.IsDigit(literal[i]))
            {
                i++;
                fraction++;
            }

            if (fraction == 0)
            {
                return false;
            }
        }

        if (i < literal.Length && (literal[i] == 'e' || literal[i] == 'E'))
        {
            i++;
            if (i < literal.Length && (literal[i] == '+' || literal[i] == '-'))
            {
                i++;
            }

            var exponent = 0;
            while (i < literal.Length && char.IsDigit(literal[i]))
            {
                i++;
                exponent++;
            }

            if (exponent == 0)
            {
                return false;
            }
        }

        return i == literal.Length;
    }
}
