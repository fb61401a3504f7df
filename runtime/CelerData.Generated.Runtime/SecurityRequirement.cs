using System.Net.Http;

namespace CelerData.Generated.Runtime;

/// <summary>
/// The security requirement of a request, read by the authentication handlers. Generated clients record
/// it per operation in <see cref="CelerDataClientDescriptor{TApi}.SecurityRequirements"/>; any client can
/// also set the request option <see cref="OptionName"/>, which takes precedence. The values are a
/// contract with the generator: one requirement is <see cref="None"/>, <see cref="Basic"/>, <see cref="Bearer"/> or
/// <see cref="ApiKeyPrefix"/> followed by the name of a scheme in
/// <see cref="CelerDataClientDescriptor{TApi}.ApiKeySchemes"/>, several joined by <see cref="Combination"/> when the
/// request needs them all (<c>bearer &amp; apikey:app_id</c>); alternatives are joined by <see cref="Alternative"/>
/// (<c>apikey:api_key | bearer</c>), and the runtime uses the first whose credentials it has, else the first.
/// </summary>
public static class SecurityRequirement
{
    /// <summary>The name of the request option that holds the requirement.</summary>
    public const string OptionName = "CelerData.Generated.Security";

    /// <summary>The operation sends no credentials.</summary>
    public const string None = "none";

    /// <summary>The operation sends HTTP Basic credentials (the token endpoint).</summary>
    public const string Basic = "basic";

    /// <summary>The operation sends <c>Authorization: Bearer &lt;access_token&gt;</c>.</summary>
    public const string Bearer = "bearer";

    /// <summary>Prefixes the name of an <c>apiKey</c> scheme: the request sends that scheme's key.</summary>
    public const string ApiKeyPrefix = "apikey:";

    /// <summary>Joins requirements the request needs together.</summary>
    public const string Combination = " & ";

    /// <summary>Joins alternative requirements, in the specification's order.</summary>
    public const string Alternative = " | ";

    /// <summary>The request option key under which the requirement is recorded.</summary>
    public static readonly HttpRequestOptionsKey<string> Key = new(OptionName);
}
