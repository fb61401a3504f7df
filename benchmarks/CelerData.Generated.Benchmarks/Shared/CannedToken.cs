using System;
using System.Text;

namespace CelerData.Generated.Benchmarks.Shared;

/// <summary>The token endpoint's reply that every suite reads: the example from the spec.</summary>
public static class CannedToken
{
    public const string AccessToken = "M2M3YZLLNMETNWJLZC0ZZMI1LWIYY2UTMZQ3YJG3MTA5MDA5";

    public const string Json =
        "{\"access_token\":\"" + AccessToken + "\",\"expires_in\":3600,\"refresh_token\":\"OWE2MTLKZJQTMZC0YY01OWZKLTLINDQTZJIZZDRLZDFKYTNL\",\"token_type\":\"Bearer\"}";

    public static readonly byte[] Utf8 = Encoding.UTF8.GetBytes(Json);

    public static readonly Uri BaseAddress = new("https://cloud-api.celerdata.com/");
}
