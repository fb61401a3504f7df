using System.Net.Http;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;

namespace CelerData.Generated.Runtime;

/// <summary>
/// Makes a request's content sendable a second time, where that is safe. No content, and content that
/// re-creates its bytes on every send (byte array, string, form, memory, JSON), are replayable as they are.
/// Other content written from an object in memory (such as Refit's serialized bodies) is buffered first.
/// Streams and multipart content are read once and never replayed: they may be large or one-shot.
/// </summary>
internal static class RequestReplay
{
    public static async ValueTask<bool> PrepareAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        switch (request.Content)
        {
            case null or ByteArrayContent or ReadOnlyMemoryContent or JsonContent:
                return true;
            case StreamContent or MultipartContent:
                return false;
            case { } content:
#if NET9_0_OR_GREATER
                await content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
#else
                cancellationToken.ThrowIfCancellationRequested();
                await content.LoadIntoBufferAsync().ConfigureAwait(false);
#endif
                return true;
        }
    }
}
