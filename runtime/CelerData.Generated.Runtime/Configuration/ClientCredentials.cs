using System;
using System.Text;

namespace CelerData.Generated.Runtime;

/// <summary>A validated client ID and secret and the Basic value made from them. <see cref="ToString"/> shows neither secret nor value.</summary>
internal sealed class ClientCredentials
{
    public ClientCredentials(string clientId, string clientSecret, BasicCredentialEncoding encoding)
    {
        ClientId = clientId;
        var joined = encoding == BasicCredentialEncoding.FormUrlEncoded
            ? FormUrlEncoding.Encode(clientId) + ":" + FormUrlEncoding.Encode(clientSecret)
            : clientId + ":" + clientSecret;
        BasicValue = Convert.ToBase64String(Encoding.UTF8.GetBytes(joined));
    }

    public string ClientId { get; }

    /// <summary>The parameter of <c>Authorization: Basic</c>.</summary>
    public string BasicValue { get; }

    public override string ToString() => "ClientCredentials { ClientId = " + ClientId + ", ClientSecret = *** }";
}
