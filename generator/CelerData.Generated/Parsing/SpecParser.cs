using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CelerData.Generated.Model;

namespace CelerData.Generated.Parsing;

/// <summary>Reads one spec file into a <see cref="ParsedSpec"/> (planned next by <see cref="SpecPlanner"/>). Never throws for bad input: every problem is a located diagnostic.</summary>
internal static class SpecParser
{
    public static ParseResult Parse(SpecInput input, CancellationToken cancellationToken)
    {
        var fileStart = SpecLocation.FileStart(input.Path);
        if (input.Text is null)
        {
            return Fail(DiagnosticInfo.Create(DiagnosticDescriptors.UnreadableSpec, fileStart, "the file could not be read"));
        }

        if (string.IsNullOrWhiteSpace(input.Text))
        {
            return Fail(DiagnosticInfo.Create(DiagnosticDescriptors.UnreadableSpec, fileStart, "the file is empty"));
        }

        var lines = new LineMap(input.Text!);
        SpecNode root;
        try
        {
            root = SpecTextReader.Read(input.Path, input.Text!);
        }
        catch (SpecSyntaxException exception)
        {
            var location = ParseContext.Locate(input.Path, lines, exception.Start, exception.End);
            return Fail(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidSyntax, location, exception.Message));
        }

        return Read(input, root, lines, cancellationToken);
    }

    private static ParseResult Fail(DiagnosticInfo diagnostic) => new(null, new[] { diagnostic }.ToEquatableArray());

    private static ParseResult Read(SpecInput input, SpecNode rootNode, LineMap lines, CancellationToken cancellationToken)
    {
        var context = new ParseContext(input.Path, rootNode, lines, cancellationToken);
        if (rootNode is not MappingNode root)
        {
            context.Report(DiagnosticDescriptors.NotOpenApi3, rootNode, "the document is not a mapping");
            return new ParseResult(null, context.Diagnostics.ToEquatableArray());
        }

        ReportDuplicateKeys(context, root, new HashSet<SpecNode>());
        var version = CheckVersion(context, root);
        if (version is null)
        {
            return new ParseResult(null, context.Diagnostics.ToEquatableArray());
        }

        context.IsOpenApi31 = version == "3.1";
        var info = context.GetMapping(root, "info", "the document", required: true);
        var title = info is null ? null : context.GetString(info, "title", "info", required: true);
        if (info is not null)
        {
            context.GetString(info, "version", "info", required: true);
        }

        var names = ResolveNames(input, context, title);
        var paths = context.GetMapping(root, "paths", "the document", required: version == "3.0");
        if (root.Get("webhooks") is not null)
        {
            context.Report(DiagnosticDescriptors.WebhooksNotGenerated, ParseContext.KeyOrSelf(root, "webhooks"));
        }

        var components = context.GetMapping(root, "components", "the document");
        var schemas = components is null ? null : context.GetMapping(components, "schemas", "components");
        var reservedTypeNames = ClientNames.All(names.ClientName);
        var openEnums = ResolveEnumStyle(input, context);
        // Errors in schemas and operations are contained where they are found (the value becomes JsonElement, the
        // operation is left out); only errors in the rest of the document stop the code.
        var errorsBeforeContent = context.ErrorsFound;
        var schemaReader = new SchemaReader(context, reservedTypeNames, openEnums ?? true);
        schemaReader.DeclareComponents(schemas);
        schemaReader.ResolveComponents(schemas);
        var operationReader = new OperationReader(context, schemaReader, root, input.Filter);
        operationReader.ReadPaths(paths);
        var types = schemaReader.Complete();
        var contentErrors = context.ErrorsFound - errorsBeforeContent;
        if (input.Filter is not null)
        {
            if (operationReader.Operations.Count == 0 && operationReader.FilteredOut > 0)
            {
                context.Report(DiagnosticDescriptors.FilterSelectsNothing, SpecLocation.FileStart(input.Path), operationReader.FilteredOut.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            types = Reachable(types, operationReader.Operations);
        }

        var spec = new ParsedSpec(
            input.Path,
            names.Namespace,
            names.ClientName,
            title ?? names.ClientName,
            // info.title is the summary already; a schema's title stands in for a missing description, the spec's does not.
            info is null || string.IsNullOrWhiteSpace(context.GetString(info, "description", "info")) ? null : context.GetString(info, "description", "info")!.Trim(),
            DefaultServer(context, root),
            types.ToEquatableArray(),
            operationReader.Operations.ToEquatableArray(),
            operationReader.ApiKeySchemes.ToEquatableArray(),
            schemaReader.InlineNames.ToEquatableArray(),
            operationReader.Envelopes.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => new DeclaredEnvelope(e.Key, e.Value)).ToEquatableArray());

        // Code from a document-level error would only add compiler errors on top of the located ones.
        var documentErrors = context.ErrorsFound - contentErrors;
        return new ParseResult(documentErrors > 0 || names.Invalid || openEnums is null ? null : spec, context.Diagnostics.ToEquatableArray());
    }

    /// <summary>Whether string enums are open (the default, or EnumStyle="Open") or C# enums (EnumStyle="Closed"); null, with CDG0016, for any other value.</summary>
    private static bool? ResolveEnumStyle(SpecInput input, ParseContext context)
    {
        var style = input.EnumStyle?.Trim();
        if (string.IsNullOrEmpty(style) || string.Equals(style, "Open", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (string.Equals(style, "Closed", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        context.Report(DiagnosticDescriptors.InvalidEnumStyle, SpecLocation.FileStart(input.Path), style!);
        return null;
    }

    /// <summary>The types the operations use, directly or through properties, in their original order.</summary>
    private static IReadOnlyList<TypeModel> Reachable(IReadOnlyList<TypeModel> types, IReadOnlyList<OperationModel> operations)
    {
        var byName = types.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<TypeRef>();
        foreach (var operation in operations)
        {
            foreach (var parameter in operation.Parameters)
            {
                pending.Push(parameter.Type);
            }

            if (operation.ResponseType is not null)
            {
                pending.Push(operation.ResponseType);
            }
        }

        while (pending.Count > 0)
        {
            var type = pending.Pop();
            if (type.Element is not null)
            {
                pending.Push(type.Element);
            }

            if (type.Kind is TypeRefKind.Model or TypeRefKind.Enum && byName.TryGetValue(type.Name, out var model) && reached.Add(type.Name))
            {
                foreach (var property in model.Properties)
                {
                    pending.Push(property.Type);
                }

                // A type of a hierarchy reads and writes through its base, its subtypes and its fallback.
                foreach (var related in model.Hierarchy is { } hierarchy ? hierarchy.Subtypes.Concat(new[] { hierarchy.BaseType }) : Enumerable.Empty<string?>())
                {
                    if (related is not null)
                    {
                        pending.Push(new TypeRef(TypeRefKind.Model, related, IsValueType: false, Element: null, IsNullable: false));
                    }
                }
            }
        }

        return types.Where(t => reached.Contains(t.Name)).ToList();
    }

    private static string? CheckVersion(ParseContext context, MappingNode root)
    {
        if (root.Get("swagger") is { } swagger)
        {
            context.Report(DiagnosticDescriptors.NotOpenApi3, swagger, "it is a Swagger " + ((swagger as ScalarNode)?.Value ?? "2.0") + " document; convert it to OpenAPI 3 first");
            return null;
        }

        var openApi = root.Get("openapi");
        if (openApi is null)
        {
            context.Report(DiagnosticDescriptors.MissingField, root, "openapi", "the document");
            return null;
        }

        if (openApi is not ScalarNode scalar)
        {
            context.Report(DiagnosticDescriptors.WrongType, openApi, "openapi", "a version string such as 3.0.3");
            return null;
        }

        if (scalar.Value.StartsWith("3.0", StringComparison.Ordinal))
        {
            return "3.0";
        }

        if (scalar.Value.StartsWith("3.1", StringComparison.Ordinal))
        {
            return "3.1";
        }

        context.Report(DiagnosticDescriptors.NotOpenApi3, openApi, "its version is '" + scalar.Value + "'");
        return null;
    }

    private static void ReportDuplicateKeys(ParseContext context, SpecNode node, HashSet<SpecNode> visited)
    {
        if (!visited.Add(node))
        {
            return;
        }

        switch (node)
        {
            case MappingNode mapping:
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var entry in mapping.Entries)
                {
                    if (!seen.Add(entry.Key.Value))
                    {
                        context.Report(DiagnosticDescriptors.DuplicateKey, entry.Key, entry.Key.Value);
                    }

                    ReportDuplicateKeys(context, entry.Value, visited);
                }

                break;
            case SequenceNode sequence:
                foreach (var item in sequence.Items)
                {
                    ReportDuplicateKeys(context, item, visited);
                }

                break;
        }
    }

    private static (string Namespace, string ClientName, bool Invalid) ResolveNames(SpecInput input, ParseContext context, string? title)
    {
        var fileStart = SpecLocation.FileStart(input.Path);
        var invalid = false;
        var ns = string.IsNullOrWhiteSpace(input.Namespace) ? input.RootNamespace : input.Namespace!.Trim();
        if (string.IsNullOrWhiteSpace(ns))
        {
            ns = "CelerData.Generated.Clients";
        }
        else if (!Identifiers.IsValidNamespace(ns!))
        {
            context.Report(DiagnosticDescriptors.InvalidMetadata, fileStart, "Namespace", ns!, "namespace");
            invalid = true;
        }

        string clientName;
        if (!string.IsNullOrWhiteSpace(input.ClientName))
        {
            clientName = input.ClientName!.Trim();
            if (!Identifiers.IsValidIdentifier(clientName))
            {
                context.Report(DiagnosticDescriptors.InvalidMetadata, fileStart, "ClientName", clientName, "identifier");
                invalid = true;
            }
        }
        else
        {
            clientName = ClientNameFromTitle(title, input.Path);
        }

        return (ns!, clientName, invalid);
    }

    /// <summary>"CelerData Cloud API" becomes "CelerDataCloud": PascalCase, without a trailing "Api".</summary>
    internal static string ClientNameFromTitle(string? title, string path)
    {
        var source = string.IsNullOrWhiteSpace(title) ? System.IO.Path.GetFileNameWithoutExtension(path) : title!;
        var name = Identifiers.ToPascalCase(source, "Api");
        if (name.Length > 3 && name.EndsWith("Api", StringComparison.OrdinalIgnoreCase))
        {
            name = name.Substring(0, name.Length - 3);
        }

        // The client name becomes part of type and file names: keep it short.
        return Identifiers.Limit(name, source, 64);
    }

    private static string? DefaultServer(ParseContext context, MappingNode root)
    {
        if (context.GetSequence(root, "servers", "the document") is not { Items.Count: > 0 } servers || servers.Items[0] is not MappingNode server)
        {
            return null;
        }

        var url = context.GetString(server, "url", "servers[0]", required: true);
        if (url is null)
        {
            return null;
        }

        if (context.GetMapping(server, "variables", "servers[0]") is { } variables)
        {
            foreach (var variable in variables.Entries)
            {
                if (variable.Value is MappingNode definition && context.GetString(definition, "default", "servers[0].variables." + variable.Key.Value, required: true) is { } value)
                {
                    url = url.Replace("{" + variable.Key.Value + "}", value);
                }
            }
        }

        return Uri.TryCreate(url, UriKind.Absolute, out var absolute) && (absolute.Scheme == Uri.UriSchemeHttps || absolute.Scheme == Uri.UriSchemeHttp)
            ? absolute.ToString()
            : null;
    }
}
