namespace CelerData.Generated;

/// <summary>The names of the pipeline steps, for incremental-cache tests.</summary>
internal static class TrackingNames
{
    public const string SpecInputs = nameof(SpecInputs);
    public const string Parse = nameof(Parse);
    public const string Models = nameof(Models);
    public const string Diagnostics = nameof(Diagnostics);
    public const string ClientKeys = nameof(ClientKeys);
    public const string Capabilities = nameof(Capabilities);
    public const string EmitInputs = nameof(EmitInputs);

    public static readonly string[] All = { SpecInputs, Parse, Models, Diagnostics, ClientKeys, Capabilities, EmitInputs };
}
