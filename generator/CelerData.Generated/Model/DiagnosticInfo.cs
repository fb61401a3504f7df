using System;

namespace CelerData.Generated.Model;

/// <summary>A place in a spec file: the file path and a zero-based line/column span with character offsets.</summary>
internal sealed record SpecLocation(string Path, int Start, int End, int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    public static SpecLocation FileStart(string path) => new(path, 0, 0, 0, 0, 0, 0);
}

/// <summary>A diagnostic as data: turned into a Roslyn <c>Diagnostic</c> only when it is reported.</summary>
/// <remarks>The descriptor is equatable, so the record still compares by value for the incremental cache.</remarks>
internal sealed record DiagnosticInfo(Microsoft.CodeAnalysis.DiagnosticDescriptor Descriptor, SpecLocation Location, EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, SpecLocation location, params string[] arguments)
        => new(descriptor, location, arguments.ToEquatableArray());
}
