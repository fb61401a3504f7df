namespace CelerData.Generated.Runtime;

/// <summary>How the client ID and secret are joined before they are base64-encoded into the Basic value.</summary>
public enum BasicCredentialEncoding
{
    /// <summary>
    /// <c>base64(UTF-8(client_id ":" secret))</c> exactly, as the CelerData documentation shows. The default.
    /// </summary>
    Plain,

    /// <summary>
    /// RFC 6749 section 2.3.1: each part is form-URL-encoded first, then joined with <c>:</c> and base64-encoded.
    /// </summary>
    FormUrlEncoded,
}
