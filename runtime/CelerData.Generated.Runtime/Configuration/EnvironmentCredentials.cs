using System;

namespace CelerData.Generated.Runtime;

/// <summary>Reads <c>CELERDATA_CLIENT_ID</c>, <c>CELERDATA_CLIENT_SECRET</c> and <c>CELERDATA_API_KEY</c>.</summary>
internal static class EnvironmentCredentials
{
    /// <summary>Copies each variable that is set into <paramref name="options"/>, unless it already has a value.</summary>
    public static void FillMissing(CelerDataClientOptions options)
    {
        if (string.IsNullOrEmpty(options.ClientId))
        {
            options.ClientId = Read(CelerDataClientOptions.ClientIdEnvironmentVariable) ?? options.ClientId;
        }

        if (string.IsNullOrEmpty(options.ClientSecret))
        {
            options.ClientSecret = Read(CelerDataClientOptions.ClientSecretEnvironmentVariable) ?? options.ClientSecret;
        }

        if (string.IsNullOrEmpty(options.ApiKey))
        {
            options.ApiKey = Read(CelerDataClientOptions.ApiKeyEnvironmentVariable) ?? options.ApiKey;
        }
    }

    private static string? Read(string name)
    {
        var value = Environment.GetEnvironmentVariable(name);
        return string.IsNullOrEmpty(value) ? null : value;
    }
}
