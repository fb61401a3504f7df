using System.Collections.Generic;

namespace CelerData.Generated.Runtime;

/// <summary>The operationId of each operation by interface method name, from the descriptor; empty when the descriptor records none.</summary>
internal sealed class OperationNames
{
    private readonly IReadOnlyDictionary<string, string>? _byMethod;

    public OperationNames(IReadOnlyDictionary<string, string>? byMethod)
    {
        _byMethod = byMethod;
    }

    public string? OperationIdOf(string methodName) =>
        _byMethod is not null && _byMethod.TryGetValue(methodName, out var operationId) ? operationId : null;
}
