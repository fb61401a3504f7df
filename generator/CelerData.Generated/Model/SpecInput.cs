namespace CelerData.Generated.Model;

/// <summary>One spec file as the pipeline sees it: its text and the MSBuild metadata that came with it.</summary>
internal sealed record SpecInput(string Path, string? Text, string? Namespace, string? ClientName, string? RootNamespace, OperationFilter? Filter = null, string? EnumStyle = null);

/// <summary>What parsing one spec produced: a model to emit (null when the spec cannot be used) and diagnostics.</summary>
internal sealed record ParseResult(SpecModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);
