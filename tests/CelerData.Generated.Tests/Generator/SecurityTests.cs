using System.Linq;
using CelerData.Generated.Tests.Infrastructure;
using Xunit;

namespace CelerData.Generated.Tests.Generator;

/// <summary>
/// How security requirements become the descriptor's strings: apiKey schemes, combinations, alternatives, and what the
/// runtime cannot serve (CDG0037 only when no alternative is left).
/// </summary>
public sealed class SecurityTests
{
    private const string Head = "openapi: 3.0.3\ninfo:\n  title: T\n  version: '1'\n";

    private static (string Requirement, string Registration, string[] Diagnostics) Read(string security, string schemes)
    {
        var result = GeneratorHarness.Run(new SpecFile("/specs/a.yaml", Head
            + "paths:\n  /a:\n    get:\n      operationId: getA\n      security:\n" + security + "      responses: {}\n"
            + "components:\n  securitySchemes:\n" + schemes));
        Assert.Empty(result.CompilationProblems());
        var registration = result.Sources.Single(s => s.HintName.EndsWith(".Registration.g.cs", System.StringComparison.Ordinal)).SourceText.ToString();
        var line = registration.Split('\n').Single(l => l.Contains("[\"GetAAsync\"] = \"", System.StringComparison.Ordinal) && !l.Contains("\"getA\"", System.StringComparison.Ordinal));
        var requirement = line.Substring(line.IndexOf("= \"", System.StringComparison.Ordinal) + 3).TrimEnd().TrimEnd(',').TrimEnd('"');
        return (requirement, registration, result.GeneratorDiagnostics.Select(d => d.Id).ToArray());
    }

    [Fact]
    public void ApiKeySchemesInHeaderQueryAndCookieAreServed()
    {
        var (requirement, registration, diagnostics) = Read(
            "        - h: []\n          q: []\n          c: []\n",
            "    h: { type: apiKey, in: header, name: X-Key }\n    q: { type: apiKey, in: query, name: key }\n    c: { type: apiKey, in: cookie, name: sid }\n    unused: { type: apiKey, in: header, name: X-Unused }\n");

        Assert.Equal("apikey:h & apikey:q & apikey:c", requirement);
        Assert.Empty(diagnostics);
        Assert.Contains("[\"q\"] = new(global::CelerData.Generated.Runtime.ApiKeyLocation.Query, \"key\"),", registration, System.StringComparison.Ordinal);
        Assert.Contains("[\"c\"] = new(global::CelerData.Generated.Runtime.ApiKeyLocation.Cookie, \"sid\"),", registration, System.StringComparison.Ordinal);
        Assert.DoesNotContain("X-Unused", registration, System.StringComparison.Ordinal);
    }

    [Fact]
    public void AlternativesTheRuntimeCannotServeAreLeftOutWithoutAWarningWhileOneRemains()
    {
        var (requirement, _, diagnostics) = Read(
            "        - tls: []\n        - oauth: []\n        - key: []\n        - oauth: []\n        - {}\n        - key: []\n",
            "    tls: { type: mutualTLS }\n    oauth: { type: oauth2, flows: {} }\n    key: { type: apiKey, in: header, name: X-Key }\n");

        Assert.Equal("bearer | apikey:key | none", requirement);
        Assert.Empty(diagnostics);
    }

    [Theory]
    [InlineData("        - basic: []\n          bearer: []\n")]
    [InlineData("        - bearer: []\n          auth: []\n")]
    [InlineData("        - content: []\n")]
    [InlineData("        - digest: []\n")]
    [InlineData("        - badin: []\n")]
    public void ARequirementTheRuntimeCannotServeIsSentWithoutCredentialsAndReported(string security)
    {
        var (requirement, _, diagnostics) = Read(
            security,
            "    basic: { type: http, scheme: basic }\n    bearer: { type: http, scheme: bearer }\n    digest: { type: http, scheme: digest }\n"
            + "    auth: { type: apiKey, in: header, name: Authorization }\n    content: { type: apiKey, in: header, name: Content-Type }\n"
            + "    badin: { type: apiKey, in: body, name: key }\n");

        Assert.Equal("none", requirement);
        Assert.Equal(new[] { "CDG0037" }, diagnostics);
    }

    [Theory]
    [InlineData("        - Oauth2: [a]\n          Oauth2c: [a]\n", "bearer")]
    [InlineData("        - Oauth2: [a]\n          Oauth2c: [a]\n          oidc: []\n          bearer: []\n", "bearer")]
    [InlineData("        - Oauth2: [a]\n          key: []\n          Oauth2c: [a]\n", "bearer & apikey:key")]
    public void BearerSchemesRequiredTogetherAreMetByOneToken(string security, string expected)
    {
        // Google's descriptions require an implicit and an authorization-code OAuth2 flow together in every requirement.
        var (requirement, _, diagnostics) = Read(
            security,
            "    Oauth2: { type: oauth2, flows: { implicit: { authorizationUrl: 'https://a/auth', scopes: { a: a } } } }\n"
            + "    Oauth2c: { type: oauth2, flows: { authorizationCode: { authorizationUrl: 'https://a/auth', tokenUrl: 'https://a/token', scopes: { a: a } } } }\n"
            + "    oidc: { type: openIdConnect, openIdConnectUrl: 'https://a/.well-known/openid-configuration' }\n"
            + "    bearer: { type: http, scheme: bearer }\n    key: { type: apiKey, in: query, name: key }\n");

        Assert.Equal(expected, requirement);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void AnApiKeyInTheAuthorizationHeaderIsServedAlone()
    {
        var (requirement, registration, diagnostics) = Read("        - auth: []\n", "    auth: { type: apiKey, in: header, name: Authorization }\n");

        Assert.Equal("apikey:auth", requirement);
        Assert.Empty(diagnostics);
        Assert.Contains("ApiKeyLocation.Header, \"Authorization\")", registration, System.StringComparison.Ordinal);
    }

    [Fact]
    public void ATokenOperationWhoseFirstAlternativeIsBasicIsStillTheTokenOperation()
    {
        var result = GeneratorHarness.Run(new SpecFile("/specs/a.yaml", Head
            + "paths:\n  /token:\n    post:\n      operationId: createToken\n      security:\n        - basic: []\n        - key: []\n"
            + "      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema:\n"
            + "                type: object\n                required: [access_token, expires_in]\n"
            + "                properties:\n                  access_token: { type: string }\n                  expires_in: { type: integer }\n"
            + "components:\n  securitySchemes:\n    basic: { type: http, scheme: basic }\n    key: { type: apiKey, in: header, name: X-Key }\n"));

        var registration = result.Sources.Single(s => s.HintName.EndsWith(".Registration.g.cs", System.StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("[\"CreateTokenAsync\"] = \"basic | apikey:key\",", registration, System.StringComparison.Ordinal);
        Assert.Contains("FetchToken = ", registration, System.StringComparison.Ordinal);
        Assert.Empty(result.CompilationProblems());
    }
}
