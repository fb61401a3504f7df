namespace CelerData.Generated.Model;

/// <summary>The names the JSON context gives its public metadata properties, planned once per spec (<c>JsonContextPlanner</c>).</summary>
/// <param name="Members">The property of each model and enum, in the order of the spec's types.</param>
internal sealed record JsonContextPlan(EquatableArray<TypeInfoMember> Members);

/// <summary>The public metadata property of one model or enum in the JSON context.</summary>
internal sealed record TypeInfoMember(string TypeName, string Member);
