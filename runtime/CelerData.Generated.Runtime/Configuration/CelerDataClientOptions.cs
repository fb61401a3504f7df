using System;
using System.Collections.Generic;
using System.Linq;
using System.Globalization;

namespace CelerData.Generated.Runtime;

/// <summary>
/// Settings of a CelerData client. Bound from the configuration section <c>CelerData:{ClientName}</c> over the
/// section <c>CelerData</c> (a value missing from the client's own section falls back to the shared one), and from
/// the environment variables <c>CELERDATA_CLIENT_ID</c>, <c>CELERDATA_CLIENT_SECRET</c> and <c>CELERDATA_API_KEY</c>;
/// validated at start. <see cref="ToString"/> never shows the secret or an API key.
/// </summary>
public sealed class CelerDataClientOptions
{
    /// <summary>The configuration section the options are bound from; each client's own section is nested in it under the client's name.</summary>
    public const string ConfigurationSectionName = "CelerData";

    /// <summary>The environment variable that holds the client ID.</summary>
    public const string ClientIdEnvironmentVariable = "CELERDATA_CLIENT_ID";

    /// <summary>The environment variable that holds the client secret.</summary>
    public const string ClientSecretEnvironmentVariable = "CELERDATA_CLIENT_SECRET";

    /// <summary>The environment variable that holds the API key (<see cref="ApiKey"/>).</summary>
    public const string ApiKeyEnvironmentVariable = "CELERDATA_API_KEY";

    /// <summary>The client ID of the application key or service account. Must not hold <c>:</c> or control characters.</summary>
    public string? ClientId { get; set; }

    /// <summary>The client secret. Never logged, never shown by <see cref="ToString"/>.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>
    /// The key sent for every <c>apiKey</c> security scheme of the specification that <see cref="ApiKeys"/> does not
    /// name. Sent only to the base address's origin; never logged, never shown by <see cref="ToString"/>, never in an
    /// exception. Must not hold control characters.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// Keys by the name of the specification's <c>apiKey</c> security scheme (<c>CelerData:{ClientName}:ApiKeys:{scheme}</c>),
    /// for an API whose schemes take different keys; they take precedence over <see cref="ApiKey"/>. Guarded like it.
    /// </summary>
    public IDictionary<string, string>? ApiKeys { get; set; }

    /// <summary>The base address of the API; <see langword="null"/> uses the first server of the specification.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>How the Basic value is built; <see cref="BasicCredentialEncoding.Plain"/> by default.</summary>
    public BasicCredentialEncoding CredentialEncoding { get; set; } = BasicCredentialEncoding.Plain;

    /// <summary>
    /// How long before it expires a token is replaced. <see langword="null"/> (the default) uses
    /// the larger of 30 seconds and a tenth of the token's lifetime. A margin is never allowed to take
    /// more than half a token's lifetime.
    /// </summary>
    public TimeSpan? TokenRefreshMargin { get; set; }

    /// <summary>How many times a request answered with HTTP 429 is retried; 3 by default, 0 to 10.</summary>
    public int MaxRateLimitRetries { get; set; } = 3;

    /// <summary>
    /// The longest wait the client makes on a 429 before retrying; a longer <c>Retry-After</c> fails at once
    /// with a <see cref="CelerDataRateLimitedException"/>. One minute by default.
    /// </summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The longest a caller waits for a new access token: the whole fetch, including a wait for the client-side
    /// token request limit and for another process's fetch through a shared cache. It then fails with a
    /// <see cref="CelerDataTokenTimeoutException"/>. 30 seconds by default.
    /// </summary>
    public TimeSpan TokenFetchTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Shows the settings with the secret redacted.</summary>
    /// <returns>A description that holds no secret.</returns>
    public override string ToString() => string.Format(
        CultureInfo.InvariantCulture,
        "CelerDataClientOptions {{ ClientId = {0}, ClientSecret = {1}, ApiKey = {2}, ApiKeys = {3}, BaseAddress = {4}, CredentialEncoding = {5} }}",
        ClientId ?? "(none)",
        string.IsNullOrEmpty(ClientSecret) ? "(none)" : "***",
        string.IsNullOrEmpty(ApiKey) ? "(none)" : "***",
        ApiKeys is null || ApiKeys.Count == 0 ? "(none)" : "[" + string.Join(", ", ApiKeys.Keys.Order(StringComparer.Ordinal).Select(scheme => scheme + " = ***")) + "]",
        BaseAddress?.ToString() ?? "(default)",
        CredentialEncoding);

    /// <summary>The key for the <c>apiKey</c> scheme <paramref name="scheme"/>: its own in <see cref="ApiKeys"/>, else <see cref="ApiKey"/>; null when neither is set.</summary>
    internal string? ApiKeyFor(string scheme)
        => ApiKeys is not null && ApiKeys.TryGetValue(scheme, out var own) && !string.IsNullOrEmpty(own) ? own
            : string.IsNullOrEmpty(ApiKey) ? null : ApiKey;

    /// <summary>Whether any API key is set.</summary>
    internal bool HasApiKey => !string.IsNullOrEmpty(ApiKey) || (ApiKeys is not null && ApiKeys.Values.Any(key => !string.IsNullOrEmpty(key)));

    internal CelerDataClientOptions Clone()
    {
        var copy = (CelerDataClientOptions)MemberwiseClone();
        copy.ApiKeys = ApiKeys is null ? null : new Dictionary<string, string>(ApiKeys, StringComparer.Ordinal);
        return copy;
    }
}
