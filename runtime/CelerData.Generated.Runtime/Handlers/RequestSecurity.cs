using System;
using System.Collections.Generic;
using System.Net.Http;

namespace CelerData.Generated.Runtime;

/// <summary>The security requirement of a request, as the handlers compare it.</summary>
internal enum Security
{
    /// <summary>Neither the request nor the descriptor records a requirement.</summary>
    Unrecorded,

    /// <summary><see cref="SecurityRequirement.None"/>.</summary>
    None,

    /// <summary><see cref="SecurityRequirement.Basic"/>.</summary>
    Basic,

    /// <summary><see cref="SecurityRequirement.Bearer"/>.</summary>
    Bearer,

    /// <summary>A value the runtime does not know; treated as needing credentials it cannot give.</summary>
    Unknown,
}

/// <summary>
/// Reads a request's security requirement: the request option under <see cref="SecurityRequirement.Key"/> when
/// there is one, else the descriptor's requirement for the method Refit records on every request. The descriptor's
/// strings are parsed once, when the client is created.
/// </summary>
internal sealed class RequestSecurity
{
    private static readonly HttpRequestOptionsKey<string> MethodName = new(Refit.HttpRequestMessageOptions.MethodName);
    private readonly Dictionary<string, Security>? _byMethod;

    public RequestSecurity(IReadOnlyDictionary<string, string>? byMethod)
    {
        if (byMethod is not null)
        {
            _byMethod = new Dictionary<string, Security>(byMethod.Count, StringComparer.Ordinal);
            foreach (var (method, requirement) in byMethod)
            {
                _byMethod[method] = Parse(requirement);
            }
        }
    }

    public Security Read(HttpRequestMessage request)
    {
        if (request.Options.TryGetValue(SecurityRequirement.Key, out var value))
        {
            return Parse(value);
        }

        return _byMethod is not null
            && request.Options.TryGetValue(MethodName, out var method)
            && _byMethod.TryGetValue(method, out var requirement)
                ? requirement
                : Security.Unrecorded;
    }

    /// <summary>The path of the request, without its query, for log lines.</summary>
    public static string PathOf(HttpRequestMessage request) =>
        request.RequestUri is { IsAbsoluteUri: true } uri ? uri.AbsolutePath : request.RequestUri?.OriginalString.Split('?')[0] ?? "";

    private static Security Parse(string? value) =>
        value is null ? Security.Unrecorded
        : string.Equals(value, SecurityRequirement.Bearer, StringComparison.OrdinalIgnoreCase) ? Security.Bearer
        : string.Equals(value, SecurityRequirement.Basic, StringComparison.OrdinalIgnoreCase) ? Security.Basic
        : string.Equals(value, SecurityRequirement.None, StringComparison.OrdinalIgnoreCase) ? Security.None
        : Security.Unknown;
}
