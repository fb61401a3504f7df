using System;
using System.Collections.Generic;
using Microsoft.Extensions.Options;

namespace CelerData.Generated.Runtime;

/// <summary>Validates the options of one named client. No message repeats a credential.</summary>
internal sealed class CelerDataClientOptionsValidator : IValidateOptions<CelerDataClientOptions>
{
    private readonly string _clientName;
    private readonly bool _usesClientCredentials;

    public CelerDataClientOptionsValidator(string clientName, bool usesClientCredentials)
    {
        _clientName = clientName;
        _usesClientCredentials = usesClientCredentials;
    }

    public ValidateOptionsResult Validate(string? name, CelerDataClientOptions options)
    {
        if (!string.Equals(name, _clientName, StringComparison.Ordinal))
        {
            return ValidateOptionsResult.Skip;
        }

        var failures = Check(options, _clientName, _usesClientCredentials);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>
    /// Returns every problem of <paramref name="options"/>; empty when they are valid. A client ID and secret are
    /// required when the client uses them (<paramref name="usesClientCredentials"/>: a token operation or Basic
    /// credentials), unless neither is set and an API key is; half of them is always a problem.
    /// </summary>
    public static List<string> Check(CelerDataClientOptions options, string clientName, bool usesClientCredentials = true)
    {
        var failures = new List<string>();
        var noClientCredentials = string.IsNullOrEmpty(options.ClientId) && string.IsNullOrEmpty(options.ClientSecret);
        if (noClientCredentials && (!usesClientCredentials || options.HasApiKey))
        {
            CheckApiKeys(options, failures);
            CheckSettings(options, failures);
            return failures;
        }

        if (string.IsNullOrEmpty(options.ClientId))
        {
            failures.Add($"CelerData: the client ID is missing. Set '{CelerDataClientOptions.ConfigurationSectionName}:{clientName}:ClientId' or '{CelerDataClientOptions.ConfigurationSectionName}:ClientId', or the environment variable {CelerDataClientOptions.ClientIdEnvironmentVariable}.");
        }
        else
        {
            if (options.ClientId.Contains(':', StringComparison.Ordinal))
            {
                failures.Add("CelerData: the client ID must not contain ':'.");
            }

            foreach (var c in options.ClientId)
            {
                if (char.IsControl(c))
                {
                    failures.Add("CelerData: the client ID must not contain control characters.");
                    break;
                }
            }
        }

        if (string.IsNullOrEmpty(options.ClientSecret))
        {
            failures.Add($"CelerData: the client secret is missing. Set '{CelerDataClientOptions.ConfigurationSectionName}:{clientName}:ClientSecret' or '{CelerDataClientOptions.ConfigurationSectionName}:ClientSecret', or the environment variable {CelerDataClientOptions.ClientSecretEnvironmentVariable}.");
        }

        CheckApiKeys(options, failures);
        CheckSettings(options, failures);
        return failures;
    }

    /// <summary>An API key with a control character could split a header; the message names the scheme, never the key.</summary>
    private static void CheckApiKeys(CelerDataClientOptions options, List<string> failures)
    {
        if (HasControlCharacter(options.ApiKey))
        {
            failures.Add("CelerData: the API key must not contain control characters.");
        }

        if (options.ApiKeys is not null)
        {
            foreach (var (scheme, key) in options.ApiKeys)
            {
                if (HasControlCharacter(key))
                {
                    failures.Add($"CelerData: the API key of scheme '{scheme}' must not contain control characters.");
                }
            }
        }
    }

    private static bool HasControlCharacter(string? value)
    {
        foreach (var c in value ?? string.Empty)
        {
            if (char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }

    private static void CheckSettings(CelerDataClientOptions options, List<string> failures)
    {
        if (options.BaseAddress is { } address)
        {
            if (!address.IsAbsoluteUri)
            {
                failures.Add("CelerData: the base address must be an absolute URI.");
            }
            else if (!TransportSecurity.IsSecure(address))
            {
                failures.Add($"CelerData: the base address '{address.Scheme}://{address.Authority}' is not HTTPS; plain HTTP is allowed only to loopback addresses.");
            }
        }

        if (options.TokenRefreshMargin is { } margin && margin < TimeSpan.Zero)
        {
            failures.Add("CelerData: the token refresh margin must not be negative.");
        }

        if (options.MaxRateLimitRetries is < 0 or > 10)
        {
            failures.Add("CelerData: MaxRateLimitRetries must be between 0 and 10.");
        }

        if (options.MaxRetryDelay <= TimeSpan.Zero)
        {
            failures.Add("CelerData: MaxRetryDelay must be positive.");
        }

        if (options.TokenFetchTimeout <= TimeSpan.Zero)
        {
            failures.Add("CelerData: TokenFetchTimeout must be positive.");
        }

        if (!Enum.IsDefined(options.CredentialEncoding))
        {
            failures.Add("CelerData: CredentialEncoding is not a known value.");
        }
    }
}
