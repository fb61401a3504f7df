using System.Collections.Generic;
using System.Linq;

namespace CelerData.Generated.Model;

/// <summary>How the runtime authenticates a request for one security scheme.</summary>
internal enum SecuritySchemeKind
{
    /// <summary>HTTP Basic with the client ID and secret (the token operation).</summary>
    Basic,

    /// <summary><c>Authorization: Bearer</c> with a token from the token operation (HTTP bearer, OAuth 2, OpenID Connect).</summary>
    Bearer,

    /// <summary>An <c>apiKey</c> scheme: a configured key in a header, query parameter or cookie.</summary>
    ApiKey,
}

/// <summary>One scheme a security requirement names.</summary>
/// <param name="ApiKeyScheme">For an <c>apiKey</c> scheme, its name in components.securitySchemes; null for the others, which the runtime serves alike whatever their name.</param>
internal sealed record SecuritySchemeUse(SecuritySchemeKind Kind, string? ApiKeyScheme = null);

/// <summary>One security requirement: the schemes a request sends together; none at all means no credentials.</summary>
internal sealed record SecurityRequirementModel(EquatableArray<SecuritySchemeUse> Schemes);

/// <summary>
/// An operation's security: the requirements the runtime can serve, in the specification's order, of which it uses the
/// first whose credentials it has. No requirement at all means the operation sends no credentials.
/// </summary>
internal sealed record SecurityModel(EquatableArray<SecurityRequirementModel> Alternatives)
{
    /// <summary>No credentials.</summary>
    public static SecurityModel None { get; } = new(EquatableArray<SecurityRequirementModel>.Empty);

    /// <summary>Whether the first alternative is HTTP Basic alone (what the token operation needs).</summary>
    public bool StartsWithBasicAlone
        => Alternatives.Count > 0 && Alternatives[0].Schemes.Count == 1 && Alternatives[0].Schemes[0].Kind == SecuritySchemeKind.Basic;

    /// <summary>
    /// The requirement as the runtime's <c>SecurityRequirement</c> reads it: alternatives joined by <c> | </c>, each the
    /// schemes it sends together joined by <c> &amp; </c> (<c>basic</c>, <c>bearer</c>, <c>apikey:{scheme}</c>), an
    /// empty one <c>none</c>; no alternative at all is <c>none</c>.
    /// </summary>
    public string ToRequirementText()
        => Alternatives.Count == 0 ? "none" : string.Join(" | ", Alternatives.Select(RequirementText));

    /// <summary>The names of the <c>apiKey</c> schemes any alternative uses.</summary>
    public IEnumerable<string> ApiKeySchemeNames()
        => Alternatives.SelectMany(a => a.Schemes).Where(s => s.Kind == SecuritySchemeKind.ApiKey).Select(s => s.ApiKeyScheme!);

    private static string RequirementText(SecurityRequirementModel requirement)
        => requirement.Schemes.Count == 0 ? "none" : string.Join(" & ", requirement.Schemes.Select(SchemeText));

    private static string SchemeText(SecuritySchemeUse scheme) => scheme.Kind switch
    {
        SecuritySchemeKind.Basic => "basic",
        SecuritySchemeKind.Bearer => "bearer",
        _ => "apikey:" + scheme.ApiKeyScheme,
    };
}
