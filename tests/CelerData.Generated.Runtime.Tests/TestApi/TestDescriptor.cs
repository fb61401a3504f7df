using System;
using System.Collections.Generic;

namespace CelerData.Generated.Runtime.Tests.TestApi;

/// <summary>The descriptor the generator would emit for <see cref="ITestCloudApi"/>.</summary>
public static class TestDescriptor
{
    public const string Name = "TestCloud";

    public static CelerDataClientDescriptor<ITestCloudApi> Create(
        Uri? baseAddress = null,
        int tokenRequestsPerMinute = 600,
        IReadOnlyDictionary<string, string>? securityRequirements = null,
        string name = Name,
        IReadOnlyDictionary<string, string>? operationIds = null,
        IReadOnlyDictionary<string, CelerDataApiKeyScheme>? apiKeySchemes = null) => new()
    {
        SecurityRequirements = securityRequirements,
        ApiKeySchemes = apiKeySchemes,
        OperationIds = operationIds,
        Name = name,
        DefaultBaseAddress = baseAddress ?? new Uri("https://cloud-api.test.invalid"),
        JsonContext = TestJsonContext.Default,
        TokenRequestsPerMinute = tokenRequestsPerMinute,
        FetchToken = async (api, cancellationToken) =>
        {
            // Refit answers an empty body with null; the generated mapping passes that on as a response with no token.
            var token = await api.CreateAccessTokenAsync(cancellationToken: cancellationToken);
            return new TokenEndpointResponse(token?.Token, token?.ExpiresIn, token?.RefreshToken, token?.TokenType);
        },
    };
}
