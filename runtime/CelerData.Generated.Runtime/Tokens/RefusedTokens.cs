using System;
using System.Collections.Generic;

namespace CelerData.Generated.Runtime;

/// <summary>
/// The tokens a server refused with 401, until they expire, so that neither the token cache nor the shared cache
/// hands one of them out again. Holds at most a few: a refused token is replaced at once.
/// </summary>
internal sealed class RefusedTokens
{
    private const int Capacity = 8;
    private readonly List<(string Value, DateTimeOffset ExpiresAt)> _refused = new(Capacity);
    private readonly TimeProvider _timeProvider;

    public RefusedTokens(TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
    }

    public void Add(string value, DateTimeOffset expiresAt)
    {
        lock (_refused)
        {
            Prune();
            if (_refused.Count == Capacity)
            {
                _refused.RemoveAt(0);
            }

            _refused.Add((value, expiresAt));
        }
    }

    public bool Contains(string value)
    {
        lock (_refused)
        {
            Prune();
            foreach (var (refused, _) in _refused)
            {
                if (string.Equals(refused, value, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }
    }

    private void Prune()
    {
        var now = _timeProvider.GetUtcNow();
        _refused.RemoveAll(entry => entry.ExpiresAt <= now);
    }
}
