using System;
using System.Threading;
using System.Threading.Tasks;

namespace CelerData.Generated.Runtime;

/// <summary>
/// A lock that every process sharing a token cache sees, so that only one of them fetches a token at a time. The
/// holder keeps it until it disposes the handle: an implementation renews it meanwhile, and the expiry frees it only
/// when the holder died. CelerData.Generated.Runtime.Redis implements it on Redis (<c>SET key value NX PX</c>).
/// </summary>
public interface ICelerDataTokenLock
{
    /// <summary>Takes the lock named <paramref name="key"/> if nobody holds it.</summary>
    /// <param name="key">The lock's name; holds no secret.</param>
    /// <param name="expiry">When the lock frees itself if it is neither renewed nor released.</param>
    /// <param name="cancellationToken">Cancels the attempt.</param>
    /// <returns>A handle that releases the lock when disposed, or <see langword="null"/> when another process holds it.</returns>
    ValueTask<IAsyncDisposable?> TryAcquireAsync(string key, TimeSpan expiry, CancellationToken cancellationToken);
}
