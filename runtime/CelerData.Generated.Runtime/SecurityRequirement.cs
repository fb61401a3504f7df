using System.Net.Http;

namespace CelerData.Generated.Runtime;

/// <summary>
/// The security requirement of a request, read by the authentication handlers. Generated clients record
/// it per operation in <see cref="CelerDataClientDescriptor{TApi}.SecurityRequirements"/>; any client can
/// also set the request option <see cref="OptionName"/>, which takes precedence. The values are a
/// contract with the generator.
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

    /// <summary>The request option key under which the requirement is recorded.</summary>
    public static readonly HttpRequestOptionsKey<string> Key = new(OptionName);
}
