using System.Collections.Generic;
using System.Globalization;
using System.IO;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace CelerData.Generated.Parsing;

/// <summary>Reads one YAML document into <see cref="SpecNode"/>s, keeping the span of every node.</summary>
internal sealed class YamlSpecReader
{
    // A spec that leans on aliases this much is either machine-made or an alias bomb.
    private const int MaxAliases = 10_000;

    private readonly Parser _parser;
    private readonly int _maxDepth;
    private readonly Dictionary<string, SpecNode> _anchors = new(System.StringComparer.Ordinal);
    private int _aliases;

    private YamlSpecReader(string text, int maxDepth)
    {
        _parser = new Parser(new StringReader(text));
        _maxDepth = maxDepth;
    }

    public static SpecNode Read(string text, int maxDepth)
    {
        YamlSpecReader? reader = null;
        try
        {
            reader = new YamlSpecReader(text, maxDepth);
            return reader.ReadStream();
        }
        catch (YamlException exception)
        {
            throw new SpecSyntaxException(CleanMessage(exception.Message), ToPosition(exception.Start), ToPosition(exception.End));
        }
        catch (System.InvalidOperationException exception)
        {
            // YamlDotNet's parser can also give up with a state error on some malformed input; it is still a syntax error.
            throw new SpecSyntaxException("The YAML could not be parsed (" + exception.Message + ").", reader?.LastPosition ?? default, reader?.LastPosition ?? default);
        }
    }

    private static string CleanMessage(string message)
    {
        // YamlDotNet prefixes messages with "(Line: 1, Col: 2, Idx: 3) - (...): "; the diagnostic carries the location itself.
        var marker = message.IndexOf("): ", System.StringComparison.Ordinal);
        return marker >= 0 && message.StartsWith("(", System.StringComparison.Ordinal) ? message.Substring(marker + 3) : message;
    }

    /// <summary>Where the parser last was, for errors that carry no position of their own.</summary>
    private TextPosition LastPosition => _parser.Current is null ? default : ToPosition(_parser.Current.End);

    private static TextPosition ToPosition(Mark mark)
        => new((int)System.Math.Max(0, mark.Index), (int)System.Math.Max(0, mark.Line - 1), (int)System.Math.Max(0, mark.Column - 1));

    private SpecNode ReadStream()
    {
        Expect<StreamStart>();
        if (_parser.Current is StreamEnd)
        {
            throw new SpecSyntaxException("The document is empty.", default, default);
        }

        Expect<DocumentStart>();
        var root = ReadNode(0);
        var documentEnd = _parser.Current;
        Expect<DocumentEnd>();
        if (_parser.Current is not StreamEnd)
        {
            var start = documentEnd is null ? default : ToPosition(documentEnd.End);
            throw new SpecSyntaxException("The file holds more than one YAML document; a spec is one document.", start, start);
        }

        return root;
    }

    private T Expect<T>()
        where T : ParsingEvent
    {
        if (_parser.Current is null && !_parser.MoveNext())
        {
            throw new SpecSyntaxException("The document ends too early.", default, default);
        }

        if (_parser.Current is not T current)
        {
            var at = _parser.Current is null ? default : ToPosition(_parser.Current.Start);
            throw new SpecSyntaxException("Unexpected YAML content.", at, at);
        }

        _parser.MoveNext();
        return current;
    }

    private SpecNode ReadNode(int depth)
    {
        var current = _parser.Current;
        if (current is null)
        {
            throw new SpecSyntaxException("The document ends too early.", default, default);
        }

        if (depth > _maxDepth)
        {
            throw new SpecSyntaxException(
                "The document is nested more than " + _maxDepth.ToString(CultureInfo.InvariantCulture) + " levels deep.",
                ToPosition(current.Start),
                ToPosition(current.End));
        }

        switch (current)
        {
            case Scalar scalar:
                {
                    _parser.MoveNext();
                    if (!SpecTextReader.IsWellFormedUtf16(scalar.Value))
                    {
                        throw new SpecSyntaxException("A value holds an unpaired UTF-16 surrogate.", ToPosition(scalar.Start), ToPosition(scalar.End));
                    }

                    var node = new ScalarNode(scalar.Value, scalar.Style == ScalarStyle.Plain, ToPosition(scalar.Start), ToPosition(scalar.End));
                    Remember(scalar, node);
                    return node;
                }

            case AnchorAlias alias:
                {
                    _parser.MoveNext();
                    if (++_aliases > MaxAliases)
                    {
                        throw new SpecSyntaxException("The document uses too many YAML aliases.", ToPosition(alias.Start), ToPosition(alias.End));
                    }

                    if (!_anchors.TryGetValue(alias.Value.Value, out var target))
                    {
                        throw new SpecSyntaxException("The alias '*" + alias.Value.Value + "' names no anchor defined before it.", ToPosition(alias.Start), ToPosition(alias.End));
                    }

                    return target;
                }

            case SequenceStart sequenceStart:
                {
                    _parser.MoveNext();
                    var items = new List<SpecNode>();
                    while (_parser.Current is not SequenceEnd)
                    {
                        items.Add(ReadNode(depth + 1));
                    }

                    var end = _parser.Current;
                    _parser.MoveNext();
                    var node = new SequenceNode(items, ToPosition(sequenceStart.Start), ToPosition(end.End));
                    Remember(sequenceStart, node);
                    return node;
                }

            case MappingStart mappingStart:
                {
                    _parser.MoveNext();
                    var entries = new List<KeyValuePair<ScalarNode, SpecNode>>();
                    while (_parser.Current is not MappingEnd)
                    {
                        var key = ReadNode(depth + 1);
                        if (key is not ScalarNode scalarKey)
                        {
                            throw new SpecSyntaxException("A mapping key must be a plain value, not a list or a mapping.", key.Start, key.End);
                        }

                        var value = ReadNode(depth + 1);
                        entries.Add(new KeyValuePair<ScalarNode, SpecNode>(scalarKey, value));
                    }

                    var end = _parser.Current;
                    _parser.MoveNext();
                    var node = new MappingNode(entries, ToPosition(mappingStart.Start), ToPosition(end.End));
                    Remember(mappingStart, node);
                    return node;
                }

            default:
                throw new SpecSyntaxException("Unexpected YAML content.", ToPosition(current.Start), ToPosition(current.End));
        }
    }

    private void Remember(NodeEvent nodeEvent, SpecNode node)
    {
        if (!nodeEvent.Anchor.IsEmpty)
        {
            _anchors[nodeEvent.Anchor.Value] = node;
        }
    }
}
