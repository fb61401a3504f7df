using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CelerData.Generated.Fuzz.Tests.Fuzzing;

/// <summary>One fuzz case: the spec text, its file name and the mutations that made it.</summary>
internal sealed record FuzzCase(int Id, string SeedName, string FileName, string Text, IReadOnlyList<string> Mutations);

/// <summary>
/// Mutates seeds at two levels: the tree (parsed with YamlDotNet's representation model, changed, written back as
/// YAML or JSON) and the bytes of the written text. Every choice comes from the case's own <see cref="Random"/>,
/// so a case is reproduced from the run seed and its id alone.
/// </summary>
internal static class Mutator
{
    private const string DeepMarker = "FUZZDEEPMARKER";
    private const string DuplicateMarker = "__FUZZDUP__";
    private static readonly string[] TypeNames = ["string", "integer", "number", "boolean", "array", "object", "null", "file", "any", "String", ""];
    private static readonly string[] SpecialKeys = ["type", "format", "$ref", "items", "properties", "required", "enum", "allOf", "oneOf", "anyOf", "nullable", "additionalProperties", "operationId", "in", "name", "schema", "content", "responses", "parameters", "paths", "components", "openapi", "security", "servers", "url", "discriminator", "default", "example"];
    private static readonly string[] YamlNoise = [":", "{", "}", "[", "]", "-", "#", "&a", "*a", "!", "!!binary", "|", ">", "'", "\"", "%", "@", "`", "\t", "\n", "\r", "? ", ",", "\\", "\u0000", "\uFFFD", "<<: *a"];

    public static FuzzCase Create(int id, Seed seed, int runSeed)
    {
        // Not HashCode.Combine: it is seeded per process, and a case must be the same in every run.
        var random = new Random(unchecked((runSeed * 1_000_003) + id));
        var mutations = new List<string>();
        string text;
        var isJson = seed.IsJson;
        YamlNode? root = TryLoad(seed.Text);
        var treeMutations = root is null ? 0 : 1 + random.Next(3);
        var deep = false;
        for (var i = 0; i < treeMutations; i++)
        {
            var kind = random.Next(100);
            if (kind < 18)
            {
                mutations.Add(DeleteNode(random, root!));
            }
            else if (kind < 32)
            {
                mutations.Add(DuplicateNode(random, root!));
            }
            else if (kind < 48)
            {
                mutations.Add(SwapType(random, root!));
            }
            else if (kind < 68)
            {
                mutations.Add(HostileName(random, root!));
            }
            else if (kind < 80)
            {
                mutations.Add(RefMutation(random, root!));
            }
            else if (kind < 86)
            {
                mutations.Add(RenameSpecialKey(random, root!));
            }
            else if (kind < 89 && !deep)
            {
                deep = true;
                mutations.Add(InsertDeepMarker(root!));
            }
            else if (kind < 91)
            {
                mutations.Add(EnormousString(random, root!));
            }
            else
            {
                mutations.Add(HostileName(random, root!));
            }
        }

        text = root is null ? seed.Text : (isJson ? JsonText.Write(root) : Save(root));
        text = text.Replace(DuplicateMarker, string.Empty, StringComparison.Ordinal);
        if (deep)
        {
            var levels = random.Next(3) == 0 ? 5000 + random.Next(5000) : 100 + random.Next(200);
            text = text.Replace(isJson ? "\"" + DeepMarker + "\"" : DeepMarker, Deep(levels, random.Next(3)), StringComparison.Ordinal);
            mutations.Add("deep-nesting levels=" + levels.ToString(CultureInfo.InvariantCulture));
        }

        var byteMutations = random.Next(100) < 35 ? 1 + random.Next(3) : 0;
        for (var i = 0; i < byteMutations; i++)
        {
            text = ByteMutation(random, text, mutations);
        }

        if (mutations.Count == 0)
        {
            mutations.Add("none");
        }

        var extension = isJson ? ".json" : (random.Next(4) == 0 ? ".yml" : ".yaml");
        return new FuzzCase(id, seed.Name, "/fuzz/case" + id.ToString(CultureInfo.InvariantCulture) + extension, text, mutations);
    }

    public static YamlNode? TryLoad(string text)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        }
        catch (YamlException)
        {
            return null;
        }
    }

    private static string Save(YamlNode root)
    {
        try
        {
            return SyntheticSpec.Save(root);
        }
        catch (YamlException)
        {
            return JsonText.Write(root);
        }
    }

    private static string Deep(int levels, int shape)
    {
        var open = shape switch
        {
            0 => "{\"type\": \"array\", \"items\": ",
            1 => "{\"type\": \"object\", \"properties\": {\"p\": ",
            _ => "{\"allOf\": [",
        };
        var close = shape switch { 0 => "}", 1 => "}}", _ => "]}" };
        var builder = new StringBuilder((open.Length + close.Length) * levels + 32);
        for (var i = 0; i < levels; i++)
        {
            builder.Append(open);
        }

        builder.Append("{\"type\": \"string\"}");
        for (var i = 0; i < levels; i++)
        {
            builder.Append(close);
        }

        return builder.ToString();
    }

    /// <summary>Every node with the container that holds it, in document order.</summary>
    private static List<(YamlNode Node, YamlNode? Parent, YamlNode? Key)> Walk(YamlNode root)
    {
        var result = new List<(YamlNode, YamlNode?, YamlNode?)>();
        var stack = new Stack<(YamlNode, YamlNode?, YamlNode?)>();
        var seen = new HashSet<YamlNode>(ReferenceEqualityComparer.Instance);
        stack.Push((root, null, null));
        while (stack.Count > 0)
        {
            var item = stack.Pop();
            if (!seen.Add(item.Item1))
            {
                continue;
            }

            result.Add(item);
            switch (item.Item1)
            {
                case YamlMappingNode mapping:
                    foreach (var entry in mapping.Children.Reverse())
                    {
                        stack.Push((entry.Value, mapping, entry.Key));
                    }

                    break;
                case YamlSequenceNode sequence:
                    foreach (var child in Enumerable.Reverse(sequence.Children))
                    {
                        stack.Push((child, sequence, null));
                    }

                    break;
            }
        }

        return result;
    }

    private static (YamlNode Node, YamlNode? Parent, YamlNode? Key) PickChild(Random random, YamlNode root)
    {
        var nodes = Walk(root);
        return nodes.Count == 1 ? nodes[0] : nodes[1 + random.Next(nodes.Count - 1)];
    }

    private static string Path(YamlNode? key, YamlNode node) => (key as YamlScalarNode)?.Value ?? node.NodeType.ToString();

    private static void Replace((YamlNode Node, YamlNode? Parent, YamlNode? Key) at, YamlNode replacement)
    {
        switch (at.Parent)
        {
            case YamlMappingNode mapping when at.Key is not null:
                mapping.Children[at.Key] = replacement;
                break;
            case YamlSequenceNode sequence:
                var index = sequence.Children.IndexOf(at.Node);
                sequence.Children[index] = replacement;
                break;
        }
    }

    private static string DeleteNode(Random random, YamlNode root)
    {
        var at = PickChild(random, root);
        switch (at.Parent)
        {
            case YamlMappingNode mapping when at.Key is not null:
                mapping.Children.Remove(at.Key);
                return "delete key '" + Path(at.Key, at.Node) + "'";
            case YamlSequenceNode sequence:
                sequence.Children.Remove(at.Node);
                return "delete item of a sequence";
            default:
                return "delete (nothing)";
        }
    }

    private static string DuplicateNode(Random random, YamlNode root)
    {
        var at = PickChild(random, root);
        switch (at.Parent)
        {
            case YamlMappingNode mapping when at.Key is YamlScalarNode key:
                var copyKey = random.Next(2) == 0 ? key.Value + "_copy" : key.Value;
                if (copyKey == key.Value)
                {
                    // A duplicate key cannot live in the representation model: it is appended to the written text instead.
                    var clone = Clone(at.Node);
                    mapping.Children[new YamlScalarNode(key.Value + DuplicateMarker)] = clone;
                    return "duplicate key '" + key.Value + "'";
                }

                mapping.Children[new YamlScalarNode(copyKey)] = Clone(at.Node);
                return "duplicate node under '" + copyKey + "'";
            case YamlSequenceNode sequence:
                sequence.Children.Add(Clone(at.Node));
                return "duplicate item of a sequence";
            default:
                return "duplicate (nothing)";
        }
    }

    private static string SwapType(Random random, YamlNode root)
    {
        var nodes = Walk(root);
        if (random.Next(2) == 0)
        {
            var typed = nodes.Where(n => n.Key is YamlScalarNode { Value: "type" or "format" or "in" or "openapi" or "required" or "nullable" or "style" }).ToList();
            if (typed.Count > 0)
            {
                var at = typed[random.Next(typed.Count)];
                YamlNode replacement = random.Next(4) == 0
                    ? new YamlSequenceNode(new YamlScalarNode(TypeNames[random.Next(TypeNames.Length)]), new YamlScalarNode("null"))
                    : new YamlScalarNode(TypeNames[random.Next(TypeNames.Length)]);
                Replace(at, replacement);
                return "swap value of '" + Path(at.Key, at.Node) + "'";
            }
        }

        var target = PickChild(random, root);
        YamlNode swapped = target.Node switch
        {
            YamlScalarNode scalar => random.Next(2) == 0 ? new YamlSequenceNode(new YamlScalarNode(scalar.Value ?? "")) : new YamlMappingNode { { scalar.Value ?? "k", "v" } },
            YamlMappingNode mapping => random.Next(2) == 0 ? new YamlSequenceNode(mapping.Children.Values.Take(3)) : new YamlScalarNode(random.Next(2) == 0 ? "42" : "~"),
            _ => random.Next(2) == 0 ? new YamlMappingNode() : new YamlScalarNode("text"),
        };
        Replace(target, swapped);
        return "swap kind of '" + Path(target.Key, target.Node) + "' (" + target.Node.NodeType + ")";
    }

    private static string HostileName(Random random, YamlNode root)
    {
        var nodes = Walk(root);
        var hostile = HostileStrings.Pick(random);
        var named = nodes.Where(n => n.Parent is YamlMappingNode parent && n.Key is YamlScalarNode && IsNameContainer(parent, nodes)).ToList();
        if (named.Count > 0 && random.Next(2) == 0)
        {
            var at = named[random.Next(named.Count)];
            var mapping = (YamlMappingNode)at.Parent!;
            mapping.Children.Remove(at.Key!);
            mapping.Children[new YamlScalarNode(hostile)] = at.Node;
            return "hostile key for '" + Path(at.Key, at.Node) + "': " + Escape(hostile);
        }

        var scalars = nodes.Where(n => n.Node is YamlScalarNode && n.Key is YamlScalarNode { Value: "operationId" or "title" or "description" or "summary" or "name" or "url" or "example" or "$ref" or "default" } || n.Parent is YamlSequenceNode).ToList();
        if (scalars.Count == 0)
        {
            return "hostile (nothing)";
        }

        var target = scalars[random.Next(scalars.Count)];
        Replace(target, new YamlScalarNode(hostile));
        return "hostile value for '" + Path(target.Key, target.Node) + "': " + Escape(hostile);
    }

    private static bool IsNameContainer(YamlMappingNode mapping, List<(YamlNode Node, YamlNode? Parent, YamlNode? Key)> nodes)
    {
        var owner = nodes.FirstOrDefault(n => ReferenceEquals(n.Node, mapping));
        return owner.Key is YamlScalarNode { Value: "properties" or "schemas" or "paths" or "securitySchemes" or "responses" or "content" or "parameters" or "variables" };
    }

    private static string RenameSpecialKey(Random random, YamlNode root)
    {
        var nodes = Walk(root).Where(n => n.Parent is YamlMappingNode && n.Key is YamlScalarNode).ToList();
        if (nodes.Count == 0)
        {
            return "rename (nothing)";
        }

        var at = nodes[random.Next(nodes.Count)];
        var mapping = (YamlMappingNode)at.Parent!;
        var name = SpecialKeys[random.Next(SpecialKeys.Length)];
        mapping.Children.Remove(at.Key!);
        mapping.Children[new YamlScalarNode(name)] = at.Node;
        return "rename key '" + Path(at.Key, at.Node) + "' to '" + name + "'";
    }

    private static string RefMutation(Random random, YamlNode root)
    {
        if (root is not YamlMappingNode document)
        {
            return "ref (not a mapping)";
        }

        if (!document.Children.TryGetValue(new YamlScalarNode("components"), out var componentsNode) || componentsNode is not YamlMappingNode components)
        {
            components = new YamlMappingNode();
            document.Children[new YamlScalarNode("components")] = components;
        }

        if (!components.Children.TryGetValue(new YamlScalarNode("schemas"), out var schemasNode) || schemasNode is not YamlMappingNode schemas)
        {
            schemas = new YamlMappingNode();
            components.Children[new YamlScalarNode("schemas")] = schemas;
        }

        var choice = random.Next(7);
        string target;
        string description;
        switch (choice)
        {
            case 0:
                schemas.Children[new YamlScalarNode("CycleA")] = RefTo("CycleB");
                schemas.Children[new YamlScalarNode("CycleB")] = RefTo("CycleA");
                target = "CycleA";
                description = "$ref cycle A->B->A";
                break;
            case 1:
                schemas.Children[new YamlScalarNode("Self")] = RefTo("Self");
                target = "Self";
                description = "$ref to itself";
                break;
            case 2:
                schemas.Children[new YamlScalarNode("Node")] = new YamlMappingNode { { "type", "object" }, { "properties", new YamlMappingNode { { "next", RefTo("Node") }, { "children", new YamlMappingNode { { "type", "array" }, { "items", RefTo("Node") } } } } } };
                target = "Node";
                description = "recursive schema";
                break;
            case 3:
                schemas.Children[new YamlScalarNode("AllOfSelf")] = new YamlMappingNode { { "allOf", new YamlSequenceNode(RefTo("AllOfSelf"), new YamlMappingNode { { "type", "object" } }) } };
                target = "AllOfSelf";
                description = "allOf of itself";
                break;
            case 4:
                target = "Missing" + random.Next(10).ToString(CultureInfo.InvariantCulture);
                description = "dangling $ref";
                break;
            case 5:
                target = HostileStrings.Pick(random);
                description = "hostile $ref target " + Escape(target);
                break;
            default:
                var refs = Walk(root).Where(n => n.Key is YamlScalarNode { Value: "$ref" }).ToList();
                if (refs.Count == 0)
                {
                    return "ref (no $ref)";
                }

                var at = refs[random.Next(refs.Count)];
                var weird = random.Next(5) switch
                {
                    0 => "other.yaml#/components/schemas/X",
                    1 => "#/components/schemas/a~1b~0c",
                    2 => "#/paths/~1api~11.0~1token",
                    3 => "#",
                    _ => "#/components/schemas/%7Bx%7D",
                };
                Replace(at, new YamlScalarNode(weird));
                return "rewrite $ref to " + weird;
        }

        var refNodes = Walk(root).Where(n => n.Key is YamlScalarNode { Value: "$ref" } && n.Node is YamlScalarNode).ToList();
        if (refNodes.Count > 0)
        {
            Replace(refNodes[random.Next(refNodes.Count)], new YamlScalarNode("#/components/schemas/" + target));
        }

        return description;
    }

    private static string InsertDeepMarker(YamlNode root)
    {
        if (root is YamlMappingNode document)
        {
            var components = document.Children.TryGetValue(new YamlScalarNode("components"), out var c) && c is YamlMappingNode cm ? cm : null;
            if (components is null)
            {
                components = new YamlMappingNode();
                document.Children[new YamlScalarNode("components")] = components;
            }

            var schemas = components.Children.TryGetValue(new YamlScalarNode("schemas"), out var s) && s is YamlMappingNode sm ? sm : null;
            if (schemas is null)
            {
                schemas = new YamlMappingNode();
                components.Children[new YamlScalarNode("schemas")] = schemas;
            }

            schemas.Children[new YamlScalarNode("Deep")] = new YamlScalarNode(DeepMarker);
        }

        return "deep schema under components.schemas.Deep";
    }

    private static string EnormousString(Random random, YamlNode root)
    {
        var length = (1 + random.Next(3)) * 1024 * 1024;
        var text = new string((char)('a' + random.Next(26)), length);
        var nodes = Walk(root).Where(n => n.Node is YamlScalarNode).ToList();
        if (nodes.Count == 0)
        {
            return "enormous (nothing)";
        }

        var at = nodes[random.Next(nodes.Count)];
        if (random.Next(2) == 0 && at.Parent is YamlMappingNode mapping && at.Key is not null)
        {
            mapping.Children.Remove(at.Key);
            mapping.Children[new YamlScalarNode(text)] = at.Node;
            return "enormous key (" + length.ToString(CultureInfo.InvariantCulture) + " chars) instead of '" + Path(at.Key, at.Node) + "'";
        }

        Replace(at, new YamlScalarNode(text));
        return "enormous value (" + length.ToString(CultureInfo.InvariantCulture) + " chars) for '" + Path(at.Key, at.Node) + "'";
    }

    private static string ByteMutation(Random random, string text, List<string> mutations)
    {
        if (text.Length == 0)
        {
            return text;
        }

        switch (random.Next(5))
        {
            case 0:
                var bytes = Encoding.UTF8.GetBytes(text);
                var flips = 1 + random.Next(4);
                for (var i = 0; i < flips; i++)
                {
                    bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
                }

                mutations.Add("flip " + flips.ToString(CultureInfo.InvariantCulture) + " bits");
                return Encoding.UTF8.GetString(bytes);
            case 1:
                var at = random.Next(text.Length);
                mutations.Add("truncate at " + at.ToString(CultureInfo.InvariantCulture));
                return text[..at];
            case 2:
                var position = random.Next(text.Length);
                var noise = YamlNoise[random.Next(YamlNoise.Length)];
                mutations.Add("insert " + Escape(noise) + " at " + position.ToString(CultureInfo.InvariantCulture));
                return text.Insert(position, noise);
            case 3:
                var lines = text.Split('\n').ToList();
                var line = random.Next(lines.Count);
                if (random.Next(2) == 0)
                {
                    lines.Insert(line, lines[line]);
                    mutations.Add("duplicate line " + (line + 1).ToString(CultureInfo.InvariantCulture));
                }
                else
                {
                    lines.RemoveAt(line);
                    mutations.Add("delete line " + (line + 1).ToString(CultureInfo.InvariantCulture));
                }

                return string.Join('\n', lines);
            default:
                var start = random.Next(text.Length);
                var length = Math.Min(text.Length - start, 1 + random.Next(40));
                mutations.Add("delete " + length.ToString(CultureInfo.InvariantCulture) + " chars at " + start.ToString(CultureInfo.InvariantCulture));
                return text.Remove(start, length);
        }
    }

    private static YamlMappingNode RefTo(string name) => new() { { "$ref", "#/components/schemas/" + name } };

    private static YamlNode Clone(YamlNode node) => node switch
    {
        YamlScalarNode scalar => new YamlScalarNode(scalar.Value) { Style = scalar.Style },
        YamlSequenceNode sequence => new YamlSequenceNode(sequence.Children.Select(Clone)),
        YamlMappingNode mapping => new YamlMappingNode(mapping.Children.Select(e => new KeyValuePair<YamlNode, YamlNode>(Clone(e.Key), Clone(e.Value)))),
        _ => new YamlScalarNode("alias"),
    };

    public static string Escape(string value)
    {
        var builder = new StringBuilder();
        foreach (var c in value.Length > 40 ? value[..40] + "…(" + value.Length.ToString(CultureInfo.InvariantCulture) + ")" : value)
        {
            builder.Append(c is < ' ' or '\u2028' or '\u2029' or '\u0085' or (>= '\uD800' and <= '\uDFFF') ? "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) : c.ToString());
        }

        return "\"" + builder + "\"";
    }
}
