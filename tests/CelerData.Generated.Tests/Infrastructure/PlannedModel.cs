using System.Threading;
using CelerData.Generated.Model;
using CelerData.Generated.Parsing;

namespace CelerData.Generated.Tests.Infrastructure;

/// <summary>A spec's model as the generator emits it: parsed, then planned, as the pipeline's Parse and Plan steps do.</summary>
internal static class PlannedModel
{
    /// <summary>The planned model, or null when parsing found the spec unusable.</summary>
    public static SpecModel? Of(SpecInput input)
        => SpecParser.Parse(input, CancellationToken.None).Spec is { } parsed ? SpecPlanner.Plan(parsed) : null;
}
