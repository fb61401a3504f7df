using System;
using System.Buffers;
using System.Text.Json;

namespace CelerData.Generated.Benchmarks.Json;

/// <summary>The floor: a hand-written Utf8JsonReader parser and Utf8JsonWriter writer for the token reply.</summary>
public sealed class HandTokenParser : IDisposable
{
    private static readonly JsonEncodedText AccessTokenName = JsonEncodedText.Encode("access_token");
    private static readonly JsonEncodedText ExpiresInName = JsonEncodedText.Encode("expires_in");
    private static readonly JsonEncodedText RefreshTokenName = JsonEncodedText.Encode("refresh_token");
    private static readonly JsonEncodedText TokenTypeName = JsonEncodedText.Encode("token_type");

    private readonly ArrayBufferWriter<byte> _buffer = new(256);
    private readonly Utf8JsonWriter _writer;

    public HandTokenParser()
    {
        _writer = new Utf8JsonWriter(_buffer);
    }

    public static HandToken Parse(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        reader.Read();
        return Read(ref reader);
    }

    /// <summary>Reads the reply from a reader at its first token, as a converter is called.</summary>
    public static HandToken Read(ref Utf8JsonReader reader)
    {
        string? accessToken = null, refreshToken = null, tokenType = null;
        int? expiresIn = null;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("The token reply is not an object.");
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("access_token"u8))
            {
                reader.Read();
                accessToken = reader.GetString();
            }
            else if (reader.ValueTextEquals("expires_in"u8))
            {
                reader.Read();
                expiresIn = reader.GetInt32();
            }
            else if (reader.ValueTextEquals("refresh_token"u8))
            {
                reader.Read();
                refreshToken = reader.GetString();
            }
            else if (reader.ValueTextEquals("token_type"u8))
            {
                reader.Read();
                tokenType = reader.GetString();
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return new HandToken
        {
            AccessToken = accessToken ?? throw new JsonException("access_token is missing."),
            ExpiresIn = expiresIn ?? throw new JsonException("expires_in is missing."),
            RefreshToken = refreshToken ?? throw new JsonException("refresh_token is missing."),
            TokenType = tokenType ?? throw new JsonException("token_type is missing."),
        };
    }

    /// <summary>Writes <paramref name="token"/> into a reused buffer and copies it out, as SerializeToUtf8Bytes returns a fresh array.</summary>
    public byte[] ToUtf8Bytes(HandToken token)
    {
        _buffer.ResetWrittenCount();
        _writer.Reset();
        _writer.WriteStartObject();
        _writer.WriteString(AccessTokenName, token.AccessToken);
        _writer.WriteNumber(ExpiresInName, token.ExpiresIn);
        _writer.WriteString(RefreshTokenName, token.RefreshToken);
        _writer.WriteString(TokenTypeName, token.TokenType);
        _writer.WriteEndObject();
        _writer.Flush();
        return _buffer.WrittenSpan.ToArray();
    }

    public void Dispose() => _writer.Dispose();
}
