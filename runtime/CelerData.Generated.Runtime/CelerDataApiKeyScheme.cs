using System;

namespace CelerData.Generated.Runtime;

/// <summary>Where an <c>apiKey</c> security scheme sends its key.</summary>
public enum ApiKeyLocation
{
    /// <summary>In a request header named <see cref="CelerDataApiKeyScheme.ParameterName"/>.</summary>
    Header,

    /// <summary>In a query parameter named <see cref="CelerDataApiKeyScheme.ParameterName"/>.</summary>
    Query,

    /// <summary>In a cookie named <see cref="CelerDataApiKeyScheme.ParameterName"/>, sent in the <c>Cookie</c> header.</summary>
    Cookie,
}

/// <summary>An <c>apiKey</c> security scheme of the specification: where its key goes and under which name.</summary>
public sealed class CelerDataApiKeyScheme
{
    /// <summary>Creates a scheme.</summary>
    /// <param name="location">Header, query parameter or cookie.</param>
    /// <param name="parameterName">The name of the header, query parameter or cookie.</param>
    public CelerDataApiKeyScheme(ApiKeyLocation location, string parameterName)
    {
        ArgumentException.ThrowIfNullOrEmpty(parameterName);
        Location = location;
        ParameterName = parameterName;
    }

    /// <summary>Header, query parameter or cookie.</summary>
    public ApiKeyLocation Location { get; }

    /// <summary>The name of the header, query parameter or cookie.</summary>
    public string ParameterName { get; }
}
