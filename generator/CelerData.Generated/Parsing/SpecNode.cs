using System.Collections.Generic;

namespace CelerData.Generated.Parsing;

/// <summary>A zero-based position in the spec text.</summary>
internal readonly struct TextPosition
{
    public TextPosition(int offset, int line, int column)
    {
        Offset = offset;
        Line = line;
        Column = column;
    }

    public int Offset { get; }

    public int Line { get; }

    public int Column { get; }
}

/// <summary>
/// A node of a parsed YAML or JSON document with the span it came from. Lives only while one spec is
/// read; the model the pipeline caches holds none of it.
/// </summary>
internal abstract class SpecNode
{
    protected SpecNode(TextPosition start, TextPosition end)
    {
        Start = start;
        End = end;
    }

    public TextPosition Start { get; }

    public TextPosition End { get; }
}

/// <summary>A scalar; <see cref="IsPlain"/> tells an unquoted YAML scalar (which may be a number, bool or null) from a string.</summary>
internal sealed class ScalarNode : SpecNode
{
    public ScalarNode(string value, bool isPlain, TextPosition start, TextPosition end)
        : base(start, end)
    {
        Value = value;
        IsPlain = isPlain;
    }

    public string Value { get; }

    public bool IsPlain { get; }

    public bool IsNull => IsPlain && (Value.Length == 0 || Value == "~" || Value == "null" || Value == "Null" || Value == "NULL");

    public bool? AsBoolean()
    {
        if (!IsPlain)
        {
            return null;
        }

        return Value switch
        {
            "true" or "True" or "TRUE" => true,
            "false" or "False" or "FALSE" => false,
            _ => null,
        };
    }
}

/// <summary>A sequence (YAML) or array (JSON).</summary>
internal sealed class SequenceNode : SpecNode
{
    public SequenceNode(IReadOnlyList<SpecNode> items, TextPosition start, TextPosition end)
        : base(start, end)
    {
        Items = items;
    }

    public IReadOnlyList<SpecNode> Items { get; }
}

/// <summary>A mapping (YAML) or object (JSON) with its entries in document order.</summary>
internal sealed class MappingNode : SpecNode
{
    private readonly Dictionary<string, SpecNode> _byKey;

    public MappingNode(IReadOnlyList<KeyValuePair<ScalarNode, SpecNode>> entries, TextPosition start, TextPosition end)
        : base(start, end)
    {
        Entries = entries;
        _byKey = new Dictionary<string, SpecNode>(System.StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (!_byKey.ContainsKey(entry.Key.Value))
            {
                _byKey.Add(entry.Key.Value, entry.Value);
            }
        }
    }

    public IReadOnlyList<KeyValuePair<ScalarNode, SpecNode>> Entries { get; }

    public SpecNode? Get(string key) => _byKey.TryGetValue(key, out var value) ? value : null;

    public ScalarNode? KeyNode(string key)
    {
        foreach (var entry in Entries)
        {
            if (entry.Key.Value == key)
            {
                return entry.Key;
            }
        }

        return null;
    }
}
