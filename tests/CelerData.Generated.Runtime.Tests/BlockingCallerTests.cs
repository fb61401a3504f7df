using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using CelerData.Generated.Runtime.Tests.Infrastructure;
using CelerData.Generated.Runtime.Tests.TestApi;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace CelerData.Generated.Runtime.Tests;

/// <summary>
/// Issue 12, item 4, over the wire: a caller that blocks on the result (<c>.GetAwaiter().GetResult()</c>) on the only
/// thread of a single-threaded synchronization context, with no cached token, gets its answer. A watchdog fails the
/// test instead of letting it hang.
/// </summary>
public sealed class BlockingCallerTests
{
    [Fact]
    public async Task A_blocking_caller_on_a_single_threaded_context_gets_a_token_and_an_answer()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Handle = (context, _) => context.Response.WriteAsync(
            context.Request.Path == "/api/1.0/token" ? Secrets.TokenJson() : """{"code":20000}""");
        using var client = CelerDataClientFactory.Create(TestDescriptor.Create(server.BaseAddress), Secrets.Options(server.BaseAddress));

        var outcome = SingleThreadContext.Run(
            () =>
            {
                var token = client.TokenCache!.GetAccessTokenAsync().AsTask().GetAwaiter().GetResult();
                var clusters = client.Api.ListClustersAsync().GetAwaiter().GetResult();
                return token.Value + " " + clusters.Code;
            },
            TimeSpan.FromSeconds(20));

        Assert.Equal(Secrets.AccessToken + " 20000", outcome);
    }

    /// <summary>A thread that runs the work items posted to its context one at a time, as a UI thread does.</summary>
    private sealed class SingleThreadContext : SynchronizationContext
    {
        private readonly BlockingCollection<(SendOrPostCallback Callback, object? State)> _queue = [];

        public override void Post(SendOrPostCallback d, object? state) => _queue.Add((d, state));

        public override void Send(SendOrPostCallback d, object? state) => throw new NotSupportedException();

        public static T Run<T>(Func<T> work, TimeSpan watchdog)
        {
            var context = new SingleThreadContext();
            var result = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
            var thread = new Thread(() =>
            {
                SetSynchronizationContext(context);
                context.Post(_ =>
                {
                    try
                    {
                        result.SetResult(work());
                    }
                    catch (Exception exception)
                    {
                        result.SetException(exception);
                    }
                    finally
                    {
                        context._queue.CompleteAdding();
                    }
                }, null);
                foreach (var (callback, state) in context._queue.GetConsumingEnumerable())
                {
                    callback(state);
                }
            })
            { IsBackground = true };
            thread.Start();
            if (!result.Task.Wait(watchdog))
            {
                throw new Xunit.Sdk.XunitException("Deadlock: the blocking caller did not get its answer within " + watchdog + ".");
            }

            return result.Task.GetAwaiter().GetResult();
        }
    }
}
