using System;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace CelerData.Generated.Runtime;

/// <summary>
/// Names and seals a shared token. From the client secret, HKDF-SHA256 derives two independent values: the cache
/// key (so the key never holds the secret, and only holders of the same base address, client ID and secret
/// compute it) and an AES-256-GCM key. The sealed entry is <c>version | nonce | tag | ciphertext</c>, with the
/// cache key as associated data, so an entry cannot be read or moved to another key without the secret.
/// </summary>
internal sealed class TokenProtector
{
    private const byte Version = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _key;
    private readonly byte[] _associatedData;

    public TokenProtector(string keyPrefix, Uri baseAddress, string clientId, string clientSecret)
    {
        var secret = Encoding.UTF8.GetBytes(clientSecret);
        var salt = Encoding.UTF8.GetBytes(baseAddress.AbsoluteUri + "\n" + clientId);
        var id = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, salt, "CelerData.Generated token cache key v1"u8.ToArray());
        _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, salt, "CelerData.Generated token cache AES-256-GCM v1"u8.ToArray());
        CacheKey = keyPrefix + Convert.ToHexString(id).ToLowerInvariant();
        LockKey = CacheKey + ":lock";
        _associatedData = Encoding.UTF8.GetBytes(CacheKey);
    }

    public string CacheKey { get; }

    public string LockKey { get; }

    /// <summary>The key of the shared record that the token endpoint refused these credentials.</summary>
    public string RefusalKey => CacheKey + ":refused";

    public static bool IsSupported => AesGcm.IsSupported;

    /// <summary>Seals a record that the token endpoint refused the credentials: its status, until when, and the backoff.</summary>
    public byte[] SealRefusal(SharedRefusal refusal)
    {
        var plain = new byte[4 + 8 + 8];
        BinaryPrimitives.WriteInt32LittleEndian(plain, refusal.StatusCode);
        BinaryPrimitives.WriteInt64LittleEndian(plain.AsSpan(4), refusal.Until.ToUnixTimeMilliseconds());
        BinaryPrimitives.WriteInt64LittleEndian(plain.AsSpan(12), (long)refusal.Backoff.TotalMilliseconds);
        return SealBytes(plain, Encoding.UTF8.GetBytes(RefusalKey));
    }

    /// <summary>The refusal in <paramref name="sealedEntry"/>, or <see langword="null"/> when it is not one this key sealed.</summary>
    public SharedRefusal? OpenRefusal(byte[]? sealedEntry)
    {
        var plain = OpenBytes(sealedEntry, Encoding.UTF8.GetBytes(RefusalKey));
        if (plain is not { Length: 20 })
        {
            return null;
        }

        return new SharedRefusal(
            BinaryPrimitives.ReadInt32LittleEndian(plain),
            DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64LittleEndian(plain.AsSpan(4))),
            TimeSpan.FromMilliseconds(BinaryPrimitives.ReadInt64LittleEndian(plain.AsSpan(12))));
    }

    private byte[] SealBytes(byte[] plain, byte[] associatedData)
    {
        var sealedEntry = new byte[1 + NonceSize + TagSize + plain.Length];
        sealedEntry[0] = Version;
        var nonce = sealedEntry.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, plain, sealedEntry.AsSpan(1 + NonceSize + TagSize), sealedEntry.AsSpan(1 + NonceSize, TagSize), associatedData);
        return sealedEntry;
    }

    private byte[]? OpenBytes(byte[]? sealedEntry, byte[] associatedData)
    {
        if (sealedEntry is null || sealedEntry.Length < 1 + NonceSize + TagSize || sealedEntry[0] != Version)
        {
            return null;
        }

        var plain = new byte[sealedEntry.Length - 1 - NonceSize - TagSize];
        try
        {
            using var aes = new AesGcm(_key, TagSize);
            aes.Decrypt(sealedEntry.AsSpan(1, NonceSize), sealedEntry.AsSpan(1 + NonceSize + TagSize), sealedEntry.AsSpan(1 + NonceSize, TagSize), plain, associatedData);
            return plain;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    public byte[] Seal(SharedToken token)
    {
        var type = Encoding.UTF8.GetBytes(token.TokenType);
        var value = Encoding.UTF8.GetBytes(token.AccessToken);
        var plain = new byte[8 + 8 + 4 + type.Length + value.Length];
        BinaryPrimitives.WriteInt64LittleEndian(plain, token.ExpiresAt.ToUnixTimeMilliseconds());
        BinaryPrimitives.WriteInt64LittleEndian(plain.AsSpan(8), token.RefreshAt.ToUnixTimeMilliseconds());
        BinaryPrimitives.WriteInt32LittleEndian(plain.AsSpan(16), type.Length);
        type.CopyTo(plain, 20);
        value.CopyTo(plain, 20 + type.Length);

        var sealedEntry = new byte[1 + NonceSize + TagSize + plain.Length];
        sealedEntry[0] = Version;
        var nonce = sealedEntry.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, plain, sealedEntry.AsSpan(1 + NonceSize + TagSize), sealedEntry.AsSpan(1 + NonceSize, TagSize), _associatedData);
        CryptographicOperations.ZeroMemory(plain);
        return sealedEntry;
    }

    /// <summary>The token in <paramref name="sealedEntry"/>, or <see langword="null"/> when it is not one this key sealed.</summary>
    public SharedToken? Open(byte[]? sealedEntry)
    {
        if (sealedEntry is null || sealedEntry.Length < 1 + NonceSize + TagSize + 20 || sealedEntry[0] != Version)
        {
            return null;
        }

        var plain = new byte[sealedEntry.Length - 1 - NonceSize - TagSize];
        try
        {
            using var aes = new AesGcm(_key, TagSize);
            aes.Decrypt(sealedEntry.AsSpan(1, NonceSize), sealedEntry.AsSpan(1 + NonceSize + TagSize), sealedEntry.AsSpan(1 + NonceSize, TagSize), plain, _associatedData);
        }
        catch (CryptographicException)
        {
            return null;
        }

        var typeLength = BinaryPrimitives.ReadInt32LittleEndian(plain.AsSpan(16));
        if (typeLength < 0 || typeLength > plain.Length - 20)
        {
            return null;
        }

        var token = new SharedToken(
            Encoding.UTF8.GetString(plain, 20 + typeLength, plain.Length - 20 - typeLength),
            Encoding.UTF8.GetString(plain, 20, typeLength),
            DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64LittleEndian(plain)),
            DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64LittleEndian(plain.AsSpan(8))));
        CryptographicOperations.ZeroMemory(plain);
        return token;
    }
}

/// <summary>A token as the fleet shares it: absolute times, so that every process computes the same remaining lifetime.</summary>
internal sealed record SharedToken(string AccessToken, string TokenType, DateTimeOffset ExpiresAt, DateTimeOffset RefreshAt)
{
    public override string ToString() => "SharedToken { AccessToken = ***, ExpiresAt = " + ExpiresAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture) + " }";
}

/// <summary>The token endpoint refused the credentials with <see cref="StatusCode"/>; no process fetches before <see cref="Until"/>.</summary>
internal sealed record SharedRefusal(int StatusCode, DateTimeOffset Until, TimeSpan Backoff);
