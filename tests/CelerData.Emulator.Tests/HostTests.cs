using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace CelerData.Emulator.Tests;

public sealed class HostTests
{
    [Theory]
    [InlineData("http://0.0.0.0:5098")]
    [InlineData("http://*:5098")]
    public async Task The_host_refuses_a_non_loopback_address_by_default(string urls)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await EmulatorHost.RunAsync(["--urls", urls], output, error);

        Assert.Equal(EmulatorHost.InvalidConfigurationExitCode, exitCode);
        Assert.Contains("not a loopback address", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(output.ToString());
    }

    [Fact]
    public async Task The_host_refuses_unparsable_settings()
    {
        using var error = new StringWriter();

        var exitCode = await EmulatorHost.RunAsync(["--Emulator:ExpiresInSeconds", "soon"], TextWriter.Null, error);

        Assert.Equal(EmulatorHost.InvalidConfigurationExitCode, exitCode);
        Assert.Contains("configuration error", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_host_serves_tokens_on_loopback_prints_the_demo_credentials_and_stops_on_cancel()
    {
        var port = FreeLoopbackPort();
        var output = new BannerWriter();
        using var stop = new CancellationTokenSource();

        var run = EmulatorHost.RunAsync(["--urls", $"http://127.0.0.1:{port}"], output, TextWriter.Null, stop.Token);
        await output.Started.WaitAsync(TimeSpan.FromSeconds(30));
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        using var response = await http.SendAsync(EmulatorSession.TokenRequest(EmulatorSession.Basic(EmulatorClient.Demo)));
        stop.Cancel();
        var exitCode = await run.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, exitCode);
        Assert.Contains(EmulatorClient.DemoClientId, output.Text, StringComparison.Ordinal);
        Assert.Contains(EmulatorClient.DemoClientSecret, output.Text, StringComparison.Ordinal);
        Assert.Contains($"http://127.0.0.1:{port}", output.Text, StringComparison.Ordinal);
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class BannerWriter : StringWriter
    {
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Started => _started.Task;

        public string Text
        {
            get
            {
                lock (this)
                {
                    return ToString();
                }
            }
        }

        public override Task WriteLineAsync(string? value)
        {
            lock (this)
            {
                base.WriteLine(value);
            }

            if (value?.StartsWith("Press Ctrl+C", StringComparison.Ordinal) == true)
            {
                _started.TrySetResult();
            }

            return Task.CompletedTask;
        }
    }
}
