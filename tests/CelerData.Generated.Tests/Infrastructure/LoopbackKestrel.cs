using System.Collections.Generic;
using System.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CelerData.Generated.Tests.Infrastructure;

/// <summary>
/// A real Kestrel server on a free loopback port that records what each request brings (as <typeparamref name="T"/>,
/// made by the test's <c>record</c> function) and answers through the test's <c>answer</c> function, which is given
/// what was recorded.
/// </summary>
internal sealed class LoopbackKestrel<T> : IAsyncDisposable
{
    private readonly List<T> _requests = new();
    private WebApplication _app = null!;

    private LoopbackKestrel()
    {
    }

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>What the requests brought so far, in the order they arrived.</summary>
    public IReadOnlyList<T> Requests
    {
        get
        {
            lock (_requests)
            {
                return _requests.ToList();
            }
        }
    }

    /// <summary>Forgets the requests recorded so far.</summary>
    public void Clear()
    {
        lock (_requests)
        {
            _requests.Clear();
        }
    }

    public static async Task<LoopbackKestrel<T>> StartAsync(Func<HttpContext, Task<T>> record, Func<HttpContext, T, Task> answer)
    {
        var server = new LoopbackKestrel<T>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        server._app = builder.Build();
        server._app.Run(async context =>
        {
            var request = await record(context);
            lock (server._requests)
            {
                server._requests.Add(request);
            }

            await answer(context, request);
        });
        await server._app.StartAsync();
        server.BaseAddress = new Uri(server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
