using System;
using System.Threading.Tasks;
using CelerData.Generated.Runtime.Tests.TestApi;
using Microsoft.Extensions.Time.Testing;

namespace CelerData.Generated.Runtime.Tests.Infrastructure;

/// <summary>A client made by <see cref="CelerDataClientFactory"/> over a <see cref="StubHandler"/>, a fake clock and captured logs.</summary>
public sealed class TestClient : IDisposable
{
    public TestClient(Action<CelerDataClientOptions>? configure = null, int tokenRequestsPerMinute = 600)
    {
        var options = Secrets.Options();
        configure?.Invoke(options);
        Client = CelerDataClientFactory.Create(
            TestDescriptor.Create(tokenRequestsPerMinute: tokenRequestsPerMinute),
            options,
            Stub,
            Time,
            Logs.Factory);
    }

    public StubHandler Stub { get; } = new();

    public FakeTimeProvider Time { get; } = new();

    public LogCapture Logs { get; } = new();

    public CelerDataClient<ITestCloudApi> Client { get; }

    public ITestCloudApi Api => Client.Api;

    public CelerDataTokenCache Cache => Client.TokenCache!;

    /// <summary>Moves the fake clock in steps until <paramref name="task"/> completes.</summary>
    public async Task<T> Drive<T>(Task<T> task, TimeSpan step, int maxSteps = 2000)
    {
        for (var i = 0; i < maxSteps && !task.IsCompleted; i++)
        {
            await Task.Delay(1);
            Time.Advance(step);
        }

        return await task;
    }

    public void Dispose()
    {
        Client.Dispose();
        Logs.Dispose();
    }
}
