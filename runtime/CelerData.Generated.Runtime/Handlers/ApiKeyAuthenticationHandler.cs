using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace CelerData.Generated.Runtime;

/// <summary>
/// Sends the API keys a request's requirement names (<see cref="SecurityRequirement.ApiKeyPrefix"/>) in the header,
/// query parameter or cookie their scheme declares, only toward the base address's origin. Once the response is in or
/// the send failed, the request is put back as it was (header removed, address and <c>Cookie</c> header restored), so
/// that no request message an exception holds carries a key; a missing key fails before anything is sent, with a
/// message that names where to set it.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler : DelegatingHandler
{
    /// <summary>Set on a request while it carries API keys; the guard lets such a request through only to the base address's origin.</summary>
    public static readonly HttpRequestOptionsKey<bool> Carried = new("CelerData.Generated.ApiKeysCarried");

    private const string CookieHeader = "Cookie";
    private readonly RequestSecurity _security;
    private readonly CredentialScope _scope;

    public ApiKeyAuthenticationHandler(RequestSecurity security, CredentialScope scope)
    {
        _security = security;
        _scope = scope;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var keys = _security.Read(request).ApiKeys;
        return keys.Count == 0 ? base.SendAsync(request, cancellationToken) : SendWithKeysAsync(request, keys, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendWithKeysAsync(HttpRequestMessage request, IReadOnlyList<ApiKeyCredential> keys, CancellationToken cancellationToken)
    {
        foreach (var key in keys)
        {
            if (key.Where is null)
            {
                throw new CelerDataAuthenticationException($"{_scope.ClientName}: the operation needs the API key of scheme '{key.Scheme}', which the client's descriptor does not declare.");
            }

            if (key.Key is null)
            {
                var section = CelerDataClientOptions.ConfigurationSectionName + ":" + _scope.ClientName;
                throw new CelerDataAuthenticationException(
                    $"{_scope.ClientName}: the operation needs the API key of scheme '{key.Scheme}', and none is configured. Set '{section}:ApiKeys:{key.Scheme}' or '{section}:ApiKey', or the environment variable {CelerDataClientOptions.ApiKeyEnvironmentVariable}.");
            }
        }

        _scope.EnsureAllowed(request.RequestUri);
        var address = request.RequestUri;
        var hadCookies = request.Headers.TryGetValues(CookieHeader, out var cookieValues);
        var cookies = hadCookies ? cookieValues!.ToList() : null;
        var headers = new List<string>();
        try
        {
            foreach (var key in keys)
            {
                Apply(request, key.Where!, key.Key!, headers);
            }

            request.Options.Set(Carried, true);
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            request.Options.Set(Carried, false);
            request.RequestUri = address;
            foreach (var header in headers)
            {
                request.Headers.Remove(header);
            }

            request.Headers.Remove(CookieHeader);
            if (cookies is not null)
            {
                request.Headers.TryAddWithoutValidation(CookieHeader, cookies);
            }
        }
    }

    private static void Apply(HttpRequestMessage request, CelerDataApiKeyScheme where, string key, List<string> headers)
    {
        switch (where.Location)
        {
            case ApiKeyLocation.Header:
                request.Headers.Remove(where.ParameterName);
                request.Headers.TryAddWithoutValidation(where.ParameterName, key);
                headers.Add(where.ParameterName);
                break;
            case ApiKeyLocation.Query:
                var uri = request.RequestUri!;
                var pair = Uri.EscapeDataString(where.ParameterName) + "=" + Uri.EscapeDataString(key);
                var text = uri.IsAbsoluteUri ? uri.AbsoluteUri : uri.OriginalString;
                var fragment = text.IndexOf('#', StringComparison.Ordinal);
                var withoutFragment = fragment < 0 ? text : text.Substring(0, fragment);
                var joined = withoutFragment + (withoutFragment.Contains('?', StringComparison.Ordinal) ? "&" : "?") + pair;
                request.RequestUri = new Uri(joined, uri.IsAbsoluteUri ? UriKind.Absolute : UriKind.Relative);
                break;
            case ApiKeyLocation.Cookie:
                var existing = request.Headers.TryGetValues(CookieHeader, out var values) ? string.Join("; ", values) : null;
                var cookie = where.ParameterName + "=" + key;
                request.Headers.Remove(CookieHeader);
                request.Headers.TryAddWithoutValidation(CookieHeader, string.IsNullOrEmpty(existing) ? cookie : existing + "; " + cookie);
                break;
        }
    }
}
