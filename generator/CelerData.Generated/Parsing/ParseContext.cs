using System.Collections.Generic;
using System.Threading;
using CelerData.Generated.Model;
using Microsoft.CodeAnalysis;

namespace CelerData.Generated.Parsing;

/// <summary>What every reader of one spec shares: the file path, the diagnostics so far, typed field access.</summary>
internal sealed class ParseContext
{
    private readonly List<DiagnosticInfo> _diagnostics = new();
    private readonly HashSet<string> _reported = new(System.StringComparer.Ordinal);

    public ParseContext(string path, SpecNode root, LineMap lines, CancellationToken cancellationToken)
    {
        Path = path;
        Lines = lines;
        Root = root;
        CancellationToken = cancellationToken;
    }

    public string Path { get; }

    public LineMap Lines { get; }

    public SpecNode Root { get; }

    /// <summary>Whether the document is OpenAPI 3.1 (set once the version is read; 3.0 until then).</summary>
    public bool IsOpenApi31 { get; set; }

    public CancellationToken CancellationToken { get; }

    public IReadOnlyList<DiagnosticInfo> Diagnostics => _diagnostics;

    /// <summary>How many errors were found so far, counting a repeated one (reported once) each time it is found again.</summary>
    public int ErrorsFound { get; private set; }

    public SpecLocation Locate(SpecNode node) => Locate(node.Start, node.End);

    public SpecLocation Locate(TextPosition start, TextPosition end) => Locate(Path, Lines, start, end);

    public static SpecLocation Locate(string path, LineMap lines, TextPosition start, TextPosition end)
    {
        var from = lines.At(start.Offset);
        var to = lines.At(System.Math.Max(start.Offset, end.Offset));
        return new SpecLocation(path, from.Offset, to.Offset, from.Line, from.Column, to.Line, to.Column);
    }

    public void Report(DiagnosticDescriptor descriptor, SpecNode node, params string[] arguments) => Report(descriptor, Locate(node), arguments);

    public void Report(DiagnosticDescriptor descriptor, SpecLocation location, params string[] arguments)
    {
        if (descriptor.DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error)
        {
            ErrorsFound++;
        }

        var diagnostic = DiagnosticInfo.Create(descriptor, location, arguments);
        // A node reached twice (a YAML alias, a schema used in many places) is reported once.
        var key = descriptor.Id + "|" + location.Start.ToString(System.Globalization.CultureInfo.InvariantCulture) + "|" + string.Join("|", arguments);
        if (!_reported.Add(key))
        {
            return;
        }

        _diagnostics.Add(diagnostic);
    }

    /// <summary>The node for the key in a mapping, for locating a problem with the key itself.</summary>
    public static SpecNode KeyOrSelf(MappingNode mapping, string key) => (SpecNode?)mapping.KeyNode(key) ?? mapping;

    public MappingNode? GetMapping(MappingNode parent, string key, string where, bool required = false)
    {
        var node = parent.Get(key);
        if (node is null || (node is ScalarNode scalar && scalar.IsNull && !required))
        {
            if (required)
            {
                Report(DiagnosticDescriptors.MissingField, parent, key, where);
            }

            return null;
        }

        if (node is MappingNode mapping)
        {
            return mapping;
        }

        Report(DiagnosticDescriptors.WrongType, node, where + "." + key, "a mapping");
        return null;
    }

    public SequenceNode? GetSequence(MappingNode parent, string key, string where)
    {
        var node = parent.Get(key);
        if (node is null || (node is ScalarNode scalar && scalar.IsNull))
        {
            return null;
        }

        if (node is SequenceNode sequence)
        {
            return sequence;
        }

        Report(DiagnosticDescriptors.WrongType, node, where + "." + key, "a list");
        return null;
    }

    public string? GetString(MappingNode parent, string key, string where, bool required = false)
    {
        var node = parent.Get(key);
        if (node is null || (node is ScalarNode { IsNull: true }))
        {
            // An explicit null ("name: ~") is as good as absent.
            if (required)
            {
                Report(DiagnosticDescriptors.MissingField, node ?? parent, key, where);
            }

            return null;
        }

        if (node is ScalarNode scalar)
        {
            return scalar.Value;
        }

        Report(DiagnosticDescriptors.WrongType, node, where + "." + key, "a string");
        return null;
    }

    public bool GetBoolean(MappingNode parent, string key, string where)
    {
        var node = parent.Get(key);
        if (node is null)
        {
            return false;
        }

        if (node is ScalarNode scalar)
        {
            var value = scalar.AsBoolean();
            if (value.HasValue)
            {
                return value.Value;
            }

            if (scalar.IsNull)
            {
                return false;
            }
        }

        Report(DiagnosticDescriptors.WrongType, node, where + "." + key, "true or false");
        return false;
    }

    public string? GetDescription(MappingNode node, string where)
    {
        var description = GetString(node, "description", where);
        if (string.IsNullOrWhiteSpace(description))
        {
            description = GetString(node, "title", where);
        }

        return string.IsNullOrWhiteSpace(description) ? null : description!.Trim();
    }

    /// <summary>Reads <c>x-csharp-name</c>; an invalid one is reported and ignored.</summary>
    public string? GetCSharpName(MappingNode node, string where)
    {
        var name = GetString(node, "x-csharp-name", where);
        if (name is null)
        {
            return null;
        }

        if (Identifiers.IsValidIdentifier(name))
        {
            return name;
        }

        Report(DiagnosticDescriptors.InvalidValue, node.Get("x-csharp-name")!, where + ".x-csharp-name", name, "a valid C# identifier");
        return null;
    }

    /// <summary>The component kind of a schema reference: an external one is exposed as JsonElement rather than skipped.</summary>
    public const string ExternalSchema = "schema";

    /// <summary>
    /// Follows a chain of local <c>$ref</c>s from <paramref name="node"/> to the mapping it ends at; null (reported)
    /// for a cycle, an external or dangling reference, or a target that is not a mapping.
    /// </summary>
    /// <param name="node">Where to start; returned as it is when it holds no <c>$ref</c>.</param>
    /// <param name="externalComponent">What the reference stands for (a component kind such as "parameter", or <see cref="ExternalSchema"/>), to name what is skipped when it leads outside the document.</param>
    /// <param name="expected">What the target must be, for the message when it is not a mapping.</param>
    /// <param name="report">False to return null without a diagnostic, where the reference is reported elsewhere.</param>
    public MappingNode? FollowReferences(MappingNode node, string externalComponent, string expected, bool report = true)
    {
        var current = node;
        var seen = new HashSet<SpecNode>();
        while (current.Get("$ref") is { } referenceNode)
        {
            if (!seen.Add(current))
            {
                Report(report, DiagnosticDescriptors.ReferenceCycle, referenceNode, (referenceNode as ScalarNode)?.Value ?? "$ref");
                return null;
            }

            var target = FollowReference(referenceNode, externalComponent, expected, report);
            if (target is null)
            {
                return null;
            }

            current = target;
        }

        return current;
    }

    /// <summary>Follows one <c>$ref</c> value; null (reported unless <paramref name="report"/> is false) when it cannot be followed to a mapping.</summary>
    public MappingNode? FollowReference(SpecNode referenceNode, string externalComponent, string expected, bool report = true)
    {
        if (referenceNode is not ScalarNode scalar)
        {
            Report(report, DiagnosticDescriptors.WrongType, referenceNode, "$ref", "a string");
            return null;
        }

        if (!ReferenceResolver.IsLocal(scalar.Value))
        {
            if (externalComponent == ExternalSchema)
            {
                Report(report, DiagnosticDescriptors.ExternalSchemaReference, referenceNode, scalar.Value);
            }
            else
            {
                Report(report, DiagnosticDescriptors.ExternalComponentReference, referenceNode, scalar.Value, externalComponent);
            }

            return null;
        }

        var target = ReferenceResolver.Resolve(Root, scalar.Value);
        if (target is null)
        {
            Report(report, DiagnosticDescriptors.DanglingReference, referenceNode, scalar.Value);
            return null;
        }

        if (target is not MappingNode mapping)
        {
            Report(report, DiagnosticDescriptors.WrongType, referenceNode, "the target of '" + scalar.Value + "'", expected);
            return null;
        }

        return mapping;
    }

    private void Report(bool report, DiagnosticDescriptor descriptor, SpecNode node, params string[] arguments)
    {
        if (report)
        {
            Report(descriptor, node, arguments);
        }
    }
}
