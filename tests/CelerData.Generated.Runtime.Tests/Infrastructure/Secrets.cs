using System;
using System.Text;

namespace CelerData.Generated.Runtime.Tests.Infrastructure;

/// <summary>Distinctive values that a redaction check can search for.</summary>
public static class Secrets
{
    public const string ClientId = "50292c3c-2b95-417f-880d-0c7e8c26eac1";
    public const string ClientSecret = "YOklxY24RKgveikknUI48RuHnkPsFit1u0i2TGyp";
    public const string AccessToken = "M2M3YZLLNMETNWJLZC0ZZMI1LWIYY2UTMZQ3YJG3MTA5MDA5";
    public const string SecondAccessToken = "SECONDTOKENOWE2MTLKZJQTMZC0YY01OWZKLTLINDQTZJIZZ";
    public const string RefreshToken = "OWE2MTLKZJQTMZC0YY01OWZKLTLINDQTZJIZZDRLZDFKYTNL";

    public static string BasicValue => Convert.ToBase64String(Encoding.UTF8.GetBytes(ClientId + ":" + ClientSecret));

    public static string[] All => [ClientSecret, AccessToken, SecondAccessToken, RefreshToken, BasicValue];

    public static string TokenJson(string accessToken = AccessToken, int expiresIn = 3600) =>
        $$"""{"access_token":"{{accessToken}}","expires_in":{{expiresIn}},"refresh_token":"{{RefreshToken}}","token_type":"Bearer"}""";

    public static CelerDataClientOptions Options(Uri? baseAddress = null) => new()
    {
        ClientId = ClientId,
        ClientSecret = ClientSecret,
        BaseAddress = baseAddress,
    };
}
