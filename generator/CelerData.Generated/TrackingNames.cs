namespace CelerData.Generated;

/// <summary>The names of the pipeline steps, for incremental-cache tests (which find every constant here by reflection).</summary>
internal static class TrackingNames
{
    public const string SpecInputs = nameof(SpecInputs);
    public const string Parse = nameof(Parse);
    public const string ParsedSpecs = nameof(ParsedSpecs);
    public const string Plan = nameof(Plan);
    public const string Models = nameof(Models);
    public const string Diagnostics = nameof(Diagnostics);
    public const string ClientKeys = nameof(ClientKeys);
    public const string Capabilities = nameof(Capabilities);
    public const string ClientOwners = nameof(ClientOwners);
    public const string EmitInputs = nameof(EmitInputs);
    public const string HelpersClass = nameof(HelpersClass);
    public const string JsonHelpers = nameof(JsonHelpers);
}
