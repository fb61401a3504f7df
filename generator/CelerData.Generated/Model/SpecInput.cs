namespace CelerData.Generated.Model;

/// <summary>One spec file as the pipeline sees it: its text and the MSBuild metadata that came with it.</summary>
internal sealed record SpecInput(string Path, string? Text, string? Namespace, string? ClientName, string? RootNamespace, OperationFilter? Filter = null, string? EnumStyle = null);

/// <summary>What parsing one spec produced: what the readers found, to plan (null when the spec cannot be used), and diagnostics.</summary>
internal sealed record ParseResult(ParsedSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>What planning one spec produced: the model to emit, or null with the located error of a planner's bug.</summary>
internal sealed record PlanResult(SpecModel? Model, DiagnosticInfo? Failure);
