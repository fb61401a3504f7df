using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Refit;

namespace CelerData.Generated.Runtime;

/// <summary>
/// Refit's System.Text.Json serializer for a generated context, with one change: a UTF-8 JSON reply whose length is
/// known (Refit buffers every reply before reading it) is read from its bytes in one pass.
/// </summary>
/// <remarks>
/// Through a stream, System.Text.Json reads a value whose converter is not its own (every generated model's) ahead
/// before converting it: from a 16 KB buffer, doubled and scanned again whenever it fills, so a reply past 16 KB is
/// scanned about twice more and held twice (docs/benchmarks.md, section 1, lists at scale). Everything else, and any
/// reply in another charset, of unknown length or of a type the context does not describe, goes to Refit's serializer
/// unchanged. The bytes read are cleared before their buffer goes back to the pool: a token reply holds credentials.
/// </remarks>
internal sealed class BufferedReplySerializer : IHttpContentSerializer, IStreamingContentSerializer, ISynchronousContentSerializer,
    ISynchronousContentDeserializer, IJsonTypeInfoContentSerializer
{
    private readonly SystemTextJsonContentSerializer _inner;

    /// <summary>Wraps Refit's serializer for a generated context (made by <see cref="CelerDataRefitSettings.For"/>).</summary>
    public BufferedReplySerializer(SystemTextJsonContentSerializer inner) => _inner = inner;

    public Task<T?> FromHttpContentAsync<T>(HttpContent content, CancellationToken cancellationToken = default) =>
        _inner.SerializerOptions.TryGetTypeInfo(typeof(T), out var typeInfo) && typeInfo is JsonTypeInfo<T> typed
            ? FromHttpContentAsync(content, typed, cancellationToken)
            : _inner.FromHttpContentAsync<T>(content, cancellationToken);

    public Task<T?> FromHttpContentAsync<T>(HttpContent content, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        return content.Headers.ContentLength is { } length and > 0 && length <= MaxLength && IsUtf8(content)
            ? ReadAsync(content, length, typeInfo, cancellationToken)
            : _inner.FromHttpContentAsync(content, typeInfo, cancellationToken);
    }

    private static async Task<T?> ReadAsync<T>(HttpContent content, long length, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            // A buffered reply's stream knows its length (one byte more, to see its end without growing); a live
            // one's header could lie, so it gets at most the first megabyte and grows as its bytes arrive.
            var size = stream.CanSeek ? stream.Length - stream.Position + 1 : Math.Min(length, FirstBuffer);
            var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Clamp(size, 1, MaxLength));
            var read = 0;
            try
            {
                int count;
                while ((count = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    read += count;
                    if (read == buffer.Length)
                    {
                        // Full before the end: grow as the serializer's own buffer would.
                        var larger = ArrayPool<byte>.Shared.Rent(checked(buffer.Length * 2));
                        buffer.AsSpan(0, read).CopyTo(larger);
                        Return(buffer, read);
                        buffer = larger;
                    }
                }

                var json = buffer.AsSpan(0, read);
                return JsonSerializer.Deserialize(json.StartsWith(Utf8Bom) ? json[Utf8Bom.Length..] : json, typeInfo);
            }
            finally
            {
                Return(buffer, read);
            }
        }
    }

    private const int FirstBuffer = 1 << 20;

    // Past half the largest array, growing could not double: such a reply goes through the stream.
    private static long MaxLength => Array.MaxLength / 2;

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private static void Return(byte[] buffer, int used)
    {
        buffer.AsSpan(0, used).Clear();
        ArrayPool<byte>.Shared.Return(buffer);
    }

    /// <summary>
    /// Whether <c>HttpContent.ReadFromJsonAsync</c> reads the reply's bytes untranscoded: no charset, or one (at most
    /// once quoted) that names UTF-8. Anything else, an unknown charset included, goes to Refit's serializer, which
    /// transcodes it or fails as it always does.
    /// </summary>
    private static bool IsUtf8(HttpContent content)
    {
        if (content.Headers.ContentType?.CharSet is not { } charset)
        {
            return true;
        }

        if (charset.Length > 2 && charset[0] == '"' && charset[^1] == '"')
        {
            charset = charset[1..^1];
        }

        try
        {
            return Encoding.GetEncoding(charset).CodePage == Encoding.UTF8.CodePage;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    public HttpContent ToHttpContent<T>(T item) => _inner.ToHttpContent(item);

    public string? GetFieldNameForProperty(PropertyInfo propertyInfo) => _inner.GetFieldNameForProperty(propertyInfo);

    public IAsyncEnumerable<T?> DeserializeStreamAsync<T>(Stream stream, StreamingContentFormat format, CancellationToken cancellationToken = default) =>
        _inner.DeserializeStreamAsync<T>(stream, format, cancellationToken);

    public HttpContent ToHttpContentSynchronous<T>(T item) => _inner.ToHttpContentSynchronous(item);

    public HttpContent ToStreamingHttpContent<T>(T item) => _inner.ToStreamingHttpContent(item);

    public T? DeserializeFromString<T>(string content) => _inner.DeserializeFromString<T>(content);

    public HttpContent ToHttpContent<T>(T item, JsonTypeInfo<T> typeInfo) => _inner.ToHttpContent(item, typeInfo);

    public HttpContent ToHttpContentSynchronous<T>(T item, JsonTypeInfo<T> typeInfo) => _inner.ToHttpContentSynchronous(item, typeInfo);

    public HttpContent ToStreamingHttpContent<T>(T item, JsonTypeInfo<T> typeInfo) => _inner.ToStreamingHttpContent(item, typeInfo);

    public T? DeserializeFromString<T>(string content, JsonTypeInfo<T> typeInfo) => _inner.DeserializeFromString(content, typeInfo);

    public IAsyncEnumerable<T?> DeserializeStreamAsync<T>(Stream stream, StreamingContentFormat format, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken = default) =>
        _inner.DeserializeStreamAsync(stream, format, typeInfo, cancellationToken);
}
