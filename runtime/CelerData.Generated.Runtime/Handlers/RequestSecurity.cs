using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;

namespace CelerData.Generated.Runtime;

/// <summary>The <c>Authorization</c> credential of a request, as the handlers compare it.</summary>
internal enum Security
{
    /// <summary>Neither the request nor the descriptor records a requirement.</summary>
    Unrecorded,

    /// <summary>No <c>Authorization</c> credential (<see cref="SecurityRequirement.None"/>, or only API keys).</summary>
    None,

    /// <summary><see cref="SecurityRequirement.Basic"/>.</summary>
    Basic,

    /// <summary><see cref="SecurityRequirement.Bearer"/>.</summary>
    Bearer,

    /// <summary>A value the runtime does not know; treated as needing credentials it cannot give.</summary>
    Unknown,
}

/// <summary>One API key a request sends. <see cref="ToString"/> never shows the key.</summary>
/// <param name="Scheme">The name of the specification's <c>apiKey</c> scheme.</param>
/// <param name="Where">Where the key goes; null when the descriptor declares no such scheme.</param>
/// <param name="Key">The configured key; null when none is configured.</param>
internal sealed record ApiKeyCredential(string Scheme, CelerDataApiKeyScheme? Where, string? Key)
{
    public override string ToString() => "ApiKeyCredential { Scheme = " + Scheme + ", Key = *** }";
}

/// <summary>The credentials one request needs: an <c>Authorization</c> credential and any number of API keys.</summary>
internal sealed class Requirement
{
    public static readonly Requirement Unrecorded = new(Security.Unrecorded, []);

    public Requirement(Security authorization, IReadOnlyList<ApiKeyCredential> apiKeys)
    {
        Authorization = authorization;
        ApiKeys = apiKeys;
    }

    public Security Authorization { get; }

    public IReadOnlyList<ApiKeyCredential> ApiKeys { get; }
}

/// <summary>
/// Reads a request's security requirement: the request option under <see cref="SecurityRequirement.Key"/> when
/// there is one, else the descriptor's requirement for the method Refit records on every request. Of a requirement's
/// alternatives the first whose credentials the client has is used (a bearer token needs a token operation, Basic a
/// client ID and secret, an API key a configured key), else the first, whose handler then reports what is missing.
/// The descriptor's strings are parsed and chosen from once, when the client is created.
/// </summary>
internal sealed class RequestSecurity
{
    private static readonly HttpRequestOptionsKey<string> MethodName = new(Refit.HttpRequestMessageOptions.MethodName);
    private readonly Dictionary<string, Requirement>? _byMethod;
    private readonly Requirement _bearer;
    private readonly Requirement _basic;
    private readonly Requirement _none;
    private readonly IReadOnlyDictionary<string, CelerDataApiKeyScheme>? _apiKeySchemes;
    private readonly Func<string, string?> _apiKeyFor;
    private readonly bool _hasTokenOperation;
    private readonly bool _hasClientCredentials;

    public RequestSecurity(
        IReadOnlyDictionary<string, string>? byMethod,
        IReadOnlyDictionary<string, CelerDataApiKeyScheme>? apiKeySchemes = null,
        Func<string, string?>? apiKeyFor = null,
        bool hasTokenOperation = true,
        bool hasClientCredentials = true)
    {
        _apiKeySchemes = apiKeySchemes;
        _apiKeyFor = apiKeyFor ?? (static _ => null);
        _hasTokenOperation = hasTokenOperation;
        _hasClientCredentials = hasClientCredentials;

        // The values a request option most often holds, chosen once: they name no API key, so nothing in them changes.
        _bearer = Choose(SecurityRequirement.Bearer);
        _basic = Choose(SecurityRequirement.Basic);
        _none = Choose(SecurityRequirement.None);
        if (byMethod is not null)
        {
            _byMethod = new Dictionary<string, Requirement>(byMethod.Count, StringComparer.Ordinal);
            foreach (var (method, requirement) in byMethod)
            {
                _byMethod[method] = Choose(requirement);
            }
        }
    }

    public Requirement Read(HttpRequestMessage request)
    {
        if (request.Options.TryGetValue(SecurityRequirement.Key, out var value))
        {
            return value switch
            {
                null => Requirement.Unrecorded,
                SecurityRequirement.Bearer => _bearer,
                SecurityRequirement.Basic => _basic,
                SecurityRequirement.None => _none,
                _ => Choose(value),
            };
        }

        return _byMethod is not null
            && request.Options.TryGetValue(MethodName, out var method)
            && _byMethod.TryGetValue(method, out var requirement)
                ? requirement
                : Requirement.Unrecorded;
    }

    /// <summary>The path of the request, without its query or fragment, for log lines.</summary>
    public static string PathOf(HttpRequestMessage request) =>
        request.RequestUri is { IsAbsoluteUri: true } uri ? uri.AbsolutePath : TelemetryHandler.PathOf(request.RequestUri?.OriginalString ?? "");

    /// <summary>Whether any alternative of <paramref name="value"/> sends Basic credentials.</summary>
    public static bool MentionsBasic(string value)
        => Parts(value).Any(alternative => alternative.Any(part => string.Equals(part, SecurityRequirement.Basic, StringComparison.OrdinalIgnoreCase)));

    private Requirement Choose(string value)
    {
        Requirement? first = null;
        foreach (var alternative in Parts(value))
        {
            var requirement = Parse(alternative);
            first ??= requirement;
            if (CanServe(requirement))
            {
                return requirement;
            }
        }

        return first ?? new Requirement(Security.Unknown, []);
    }

    private bool CanServe(Requirement requirement)
    {
        var authorization = requirement.Authorization switch
        {
            Security.Basic => _hasClientCredentials,
            Security.Bearer => _hasTokenOperation,
            Security.Unknown => false,
            _ => true,
        };
        return authorization && requirement.ApiKeys.All(key => key.Where is not null && key.Key is not null);
    }

    private Requirement Parse(IReadOnlyList<string> parts)
    {
        var authorization = Security.None;
        var apiKeys = new List<ApiKeyCredential>();
        foreach (var part in parts)
        {
            if (part.StartsWith(SecurityRequirement.ApiKeyPrefix, StringComparison.OrdinalIgnoreCase))
            {
                var scheme = part.Substring(SecurityRequirement.ApiKeyPrefix.Length);
                var where = _apiKeySchemes is not null && _apiKeySchemes.TryGetValue(scheme, out var found) ? found : null;
                apiKeys.Add(new ApiKeyCredential(scheme, where, _apiKeyFor(scheme)));
                continue;
            }

            var one = ParseAuthorization(part);
            // Two Authorization credentials cannot be sent together.
            authorization = one == Security.None ? authorization : authorization == Security.None ? one : Security.Unknown;
        }

        return new Requirement(authorization, apiKeys);
    }

    private static Security ParseAuthorization(string value) =>
        string.Equals(value, SecurityRequirement.Bearer, StringComparison.OrdinalIgnoreCase) ? Security.Bearer
        : string.Equals(value, SecurityRequirement.Basic, StringComparison.OrdinalIgnoreCase) ? Security.Basic
        : string.Equals(value, SecurityRequirement.None, StringComparison.OrdinalIgnoreCase) ? Security.None
        : Security.Unknown;

    /// <summary>The alternatives of a requirement string, each as the parts it needs together.</summary>
    private static IEnumerable<IReadOnlyList<string>> Parts(string value)
        => value.Split(SecurityRequirement.Alternative.Trim(), StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(alternative => (IReadOnlyList<string>)alternative.Split(SecurityRequirement.Combination.Trim(), StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
}
