using System;
using System.Threading.Tasks;
using Xunit;

namespace CelerData.Generated.Runtime.Tests.Infrastructure;

public static class Errors
{
    /// <summary>
    /// Awaits <paramref name="action"/> and returns the <typeparamref name="T"/> it threw, directly or as the inner
    /// exception of the exception Refit wraps handler failures in.
    /// </summary>
    public static async Task<T> Find<T>(Func<Task> action)
        where T : Exception
    {
        var thrown = await Assert.ThrowsAnyAsync<Exception>(action);
        for (var e = thrown; e is not null; e = e.InnerException)
        {
            if (e is T match)
            {
                return match;
            }
        }

        throw new Xunit.Sdk.XunitException($"Expected {typeof(T).Name} but got {thrown}");
    }
}
