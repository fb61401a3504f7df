using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace CelerData.Generated.Tests.Wire;

/// <summary>
/// Makes a string from a schema's <c>pattern</c> itself, for patterns no stock candidate of <see cref="SchemaSampler"/>
/// matches (Twilio's <c>^IS[0-9a-fA-F]{32}$</c>, AWS's ARNs): literals, escapes, character classes, groups with
/// alternatives, anchors and quantifiers. Each repetition takes its least count; when the string must be longer, the
/// first repetition that may grow takes the difference. Null for what it does not model (look-arounds,
/// back-references) or when no string it makes fits; the caller checks the result against the pattern with a regex
/// engine before using it.
/// </summary>
internal static class PatternSampler
{
    private const string Preferred = "aA0bcdefghijklmnopqrstuvwxyzBCDEFGHIJKLMNOPQRSTUVWXYZ123456789_-. :/";

    /// <summary>A string of the pattern between the lengths, or null.</summary>
    public static string? Make(string pattern, int minLength, int? maxLength)
    {
        Node root;
        try
        {
            var parser = new Parser(pattern);
            root = parser.Alternatives();
            if (!parser.AtEnd)
            {
                return null;
            }
        }
        catch (Exception exception) when (exception is UnsupportedPatternException or FormatException or OverflowException)
        {
            return null;
        }

        for (var extra = 0; extra <= minLength + 1; extra++)
        {
            var text = new StringBuilder();
            var budget = extra;
            if (!root.Write(text, ref budget))
            {
                return null;
            }

            if (text.Length >= minLength && (maxLength is not { } max || text.Length <= max))
            {
                return text.ToString();
            }

            if (maxLength is { } limit && text.Length > limit)
            {
                return null;
            }
        }

        return null;
    }

    private sealed class UnsupportedPatternException : Exception;

    private abstract class Node
    {
        /// <summary>Appends a string of this node; <paramref name="extra"/> is how many more repetitions the first growable repetition takes.</summary>
        public abstract bool Write(StringBuilder text, ref int extra);
    }

    private sealed class Sequence(List<Node> items) : Node
    {
        public override bool Write(StringBuilder text, ref int extra)
        {
            foreach (var item in items)
            {
                if (!item.Write(text, ref extra))
                {
                    return false;
                }
            }

            return true;
        }
    }

    private sealed class Choice(List<Node> alternatives) : Node
    {
        public override bool Write(StringBuilder text, ref int extra) => alternatives[0].Write(text, ref extra);
    }

    private sealed class Repeat(Node item, int min, int? max) : Node
    {
        public override bool Write(StringBuilder text, ref int extra)
        {
            var count = min;
            var room = max is { } m ? m - min : int.MaxValue;
            var more = Math.Min(room, extra);
            count += more;
            extra -= more;
            for (var i = 0; i < count; i++)
            {
                if (!item.Write(text, ref extra))
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>One character of a set: ranges, negated or not.</summary>
    private sealed class CharSet(List<(char Low, char High)> ranges, bool negated) : Node
    {
        public static CharSet Of(char c) => new([(c, c)], false);

        public bool Contains(char c) => ranges.Any(r => c >= r.Low && c <= r.High) != negated;

        public override bool Write(StringBuilder text, ref int extra)
        {
            foreach (var c in Preferred)
            {
                if (Contains(c))
                {
                    text.Append(c);
                    return true;
                }
            }

            if (!negated && ranges.Count > 0)
            {
                text.Append(ranges[0].Low);
                return true;
            }

            return false;
        }
    }

    private sealed class Parser(string pattern)
    {
        private int _at;

        public bool AtEnd => _at == pattern.Length;

        public Node Alternatives()
        {
            var alternatives = new List<Node> { Sequence() };
            while (!AtEnd && pattern[_at] == '|')
            {
                _at++;
                alternatives.Add(Sequence());
            }

            return alternatives.Count == 1 ? alternatives[0] : new Choice(alternatives);
        }

        private Node Sequence()
        {
            var items = new List<Node>();
            while (!AtEnd && pattern[_at] != '|' && pattern[_at] != ')')
            {
                var atom = Atom();
                if (atom is not null)
                {
                    items.Add(Quantified(atom));
                }
            }

            return new Sequence(items);
        }

        /// <summary>The next atom; null for a zero-width one (an anchor or a word boundary).</summary>
        private Node? Atom()
        {
            var c = pattern[_at++];
            switch (c)
            {
                case '^':
                case '$':
                    return null;
                case '.':
                    return new CharSet([('\n', '\n')], negated: true);
                case '[':
                    return Class();
                case '(':
                    if (Peek("?:"))
                    {
                        _at += 2;
                    }
                    else if (Peek("?<") && !Peek("?<=") && !Peek("?<!"))
                    {
                        var close = pattern.IndexOf('>', _at);
                        _at = close < 0 ? throw new UnsupportedPatternException() : close + 1;
                    }
                    else if (Peek("?"))
                    {
                        throw new UnsupportedPatternException();
                    }

                    var inner = Alternatives();
                    Expect(')');
                    return inner;
                case '\\':
                    return Escape(inClass: false);
                case '*':
                case '+':
                case '?':
                case ')':
                    throw new UnsupportedPatternException();
                default:
                    return CharSet.Of(c);
            }
        }

        private Node Quantified(Node atom)
        {
            if (AtEnd)
            {
                return atom;
            }

            int min;
            int? max;
            switch (pattern[_at])
            {
                case '*':
                    (min, max) = (0, null);
                    _at++;
                    break;
                case '+':
                    (min, max) = (1, null);
                    _at++;
                    break;
                case '?':
                    (min, max) = (0, 1);
                    _at++;
                    break;
                case '{' when Bounds() is { } bounds:
                    (min, max) = bounds;
                    break;
                default:
                    return atom;
            }

            if (!AtEnd && (pattern[_at] == '?' || pattern[_at] == '+'))
            {
                _at++;
            }

            return new Repeat(atom, min, max);
        }

        /// <summary>Reads <c>{n}</c>, <c>{n,}</c> or <c>{n,m}</c>; null (nothing read) when the brace is a literal.</summary>
        private (int, int?)? Bounds()
        {
            var close = pattern.IndexOf('}', _at);
            if (close < 0)
            {
                return null;
            }

            var body = pattern.Substring(_at + 1, close - _at - 1);
            var parts = body.Split(',');
            if (parts.Length > 2 || !int.TryParse(parts[0], out var min))
            {
                return null;
            }

            int? max = min;
            if (parts.Length == 2)
            {
                max = parts[1].Length == 0 ? null : int.TryParse(parts[1], out var m) ? m : -1;
                if (max == -1)
                {
                    return null;
                }
            }

            _at = close + 1;
            return (min, max);
        }

        private CharSet Class()
        {
            var negated = !AtEnd && pattern[_at] == '^';
            if (negated)
            {
                _at++;
            }

            var ranges = new List<(char, char)>();
            var first = true;
            while (true)
            {
                if (AtEnd)
                {
                    throw new UnsupportedPatternException();
                }

                var c = pattern[_at++];
                if (c == ']' && !first)
                {
                    break;
                }

                first = false;
                char low;
                if (c == '\\')
                {
                    var escaped = EscapeAt(inClass: true);
                    if (escaped.Item2 is { } set)
                    {
                        ranges.AddRange(set);
                        continue;
                    }

                    low = escaped.Item1;
                }
                else
                {
                    low = c;
                }

                if (_at + 1 < pattern.Length && pattern[_at] == '-' && pattern[_at + 1] != ']')
                {
                    _at++;
                    var high = pattern[_at++];
                    if (high == '\\')
                    {
                        high = EscapeAt(inClass: true).Item1;
                    }

                    ranges.Add((low, high));
                }
                else
                {
                    ranges.Add((low, low));
                }
            }

            return new CharSet(ranges, negated);
        }

        private Node? Escape(bool inClass)
        {
            var (single, set) = EscapeAt(inClass);
            return set is not null ? new CharSet(set, negated: false) : single == '\0' ? null : CharSet.Of(single);
        }

        /// <summary>An escape after its backslash: one character, or a set (\d, \w, \s); '\0' for a zero-width \b.</summary>
        private (char, List<(char, char)>?) EscapeAt(bool inClass)
        {
            if (AtEnd)
            {
                throw new UnsupportedPatternException();
            }

            var c = pattern[_at++];
            switch (c)
            {
                case 'd':
                    return ('0', [('0', '9')]);
                case 'w':
                    return ('a', [('a', 'z'), ('A', 'Z'), ('0', '9'), ('_', '_')]);
                case 's':
                    return (' ', [(' ', ' ')]);
                case 'p':
                    if (Peek("{"))
                    {
                        var close = pattern.IndexOf('}', _at);
                        _at = close < 0 ? throw new UnsupportedPatternException() : close + 1;
                    }

                    return ('a', [('a', 'z'), ('A', 'Z')]);
                case 'b' when !inClass:
                    return ('\0', null);
                case 'n':
                    return ('\n', null);
                case 't':
                    return ('\t', null);
                case 'r':
                    return ('\r', null);
                case 'D' or 'W' or 'S' or 'P' or 'B':
                    throw new UnsupportedPatternException();
                case 'u' when _at + 4 <= pattern.Length:
                    var code = Convert.ToChar(Convert.ToInt32(pattern.Substring(_at, 4), 16));
                    _at += 4;
                    return (code, null);
                case 'x' when _at + 2 <= pattern.Length:
                    var hex = Convert.ToChar(Convert.ToInt32(pattern.Substring(_at, 2), 16));
                    _at += 2;
                    return (hex, null);
                default:
                    if (char.IsDigit(c) && c != '0')
                    {
                        throw new UnsupportedPatternException();
                    }

                    return (c, null);
            }
        }

        private bool Peek(string text) => string.CompareOrdinal(pattern, _at, text, 0, text.Length) == 0;

        private void Expect(char c)
        {
            if (AtEnd || pattern[_at] != c)
            {
                throw new UnsupportedPatternException();
            }

            _at++;
        }
    }
}
