using System.Threading;
using CelerData.Generated.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CelerData.Generated;

/// <summary>Picks the spec files out of the additional files, with the metadata the package's targets attach.</summary>
internal static class SpecInputReader
{
    public const string SpecMetadata = "build_metadata.AdditionalFiles.CelerDataSpec";
    public const string NamespaceMetadata = "build_metadata.AdditionalFiles.Namespace";
    public const string ClientNameMetadata = "build_metadata.AdditionalFiles.ClientName";
    public const string IncludeTagsMetadata = "build_metadata.AdditionalFiles.IncludeTags";
    public const string IncludeOperationIdsMetadata = "build_metadata.AdditionalFiles.IncludeOperationIds";
    public const string ExcludeTagsMetadata = "build_metadata.AdditionalFiles.ExcludeTags";
    public const string ExcludeOperationIdsMetadata = "build_metadata.AdditionalFiles.ExcludeOperationIds";
    public const string EnumStyleMetadata = "build_metadata.AdditionalFiles.EnumStyle";
    public const string RootNamespaceProperty = "build_property.RootNamespace";

    public static SpecInput? Read(AdditionalText file, AnalyzerConfigOptionsProvider options, CancellationToken cancellationToken)
    {
        var fileOptions = options.GetOptions(file);
        if (!fileOptions.TryGetValue(SpecMetadata, out var isSpec) || !string.Equals(isSpec, "true", System.StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        fileOptions.TryGetValue(NamespaceMetadata, out var ns);
        fileOptions.TryGetValue(ClientNameMetadata, out var clientName);
        options.GlobalOptions.TryGetValue(RootNamespaceProperty, out var rootNamespace);
        fileOptions.TryGetValue(IncludeTagsMetadata, out var includeTags);
        fileOptions.TryGetValue(IncludeOperationIdsMetadata, out var includeOperationIds);
        fileOptions.TryGetValue(ExcludeTagsMetadata, out var excludeTags);
        fileOptions.TryGetValue(ExcludeOperationIdsMetadata, out var excludeOperationIds);
        fileOptions.TryGetValue(EnumStyleMetadata, out var enumStyle);
        var filter = OperationFilter.From(includeTags, includeOperationIds, excludeTags, excludeOperationIds);
        var text = file.GetText(cancellationToken)?.ToString();
        return new SpecInput(file.Path, text, Blank(ns), Blank(clientName), Blank(rootNamespace), filter, Blank(enumStyle));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
