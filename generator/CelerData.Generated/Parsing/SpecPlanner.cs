using System.Linq;
using CelerData.Generated.Model;

namespace CelerData.Generated.Parsing;

/// <summary>
/// The plan step: from what the readers found, every decision the emitters write out. Inline types that are the same
/// become one (<see cref="TypeDeduplicator"/>), operations get their envelope (<see cref="EnvelopePlanner"/>), the
/// token operation is found with its rate limit (<see cref="TokenOperationFinder"/>), the implementation's helpers
/// are chosen (<see cref="WirePlanner"/>) and the JSON context's member names given (<see cref="JsonContextPlanner"/>).
/// </summary>
internal static class SpecPlanner
{
    public static SpecModel Plan(ParsedSpec spec)
    {
        var (types, mergedOperations) = TypeDeduplicator.Merge(spec.Types, spec.Operations, spec.InlineNames);
        var envelopes = spec.Envelopes.ToDictionary(e => e.MethodName, e => e.Declaration, System.StringComparer.Ordinal);
        var operations = EnvelopePlanner.Plan(mergedOperations, envelopes, types);
        return new SpecModel(
            spec.SpecPath,
            spec.Namespace,
            spec.ClientName,
            spec.Title,
            spec.Description,
            spec.DefaultServerUrl,
            types.ToEquatableArray(),
            operations.ToEquatableArray(),
            TokenOperationFinder.Find(operations, types),
            spec.ApiKeySchemes,
            WirePlanner.Plan(operations, types),
            JsonContextPlanner.Plan(spec.ClientName, types));
    }
}
