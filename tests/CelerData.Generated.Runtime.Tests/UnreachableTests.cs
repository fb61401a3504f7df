using System;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using CelerData.Generated.Runtime.Tests.Infrastructure;
using CelerData.Generated.Runtime.Tests.TestApi;
using Xunit;

namespace CelerData.Generated.Runtime.Tests;

/// <summary>A token endpoint nobody listens on fails with a typed exception, not Refit's transport wrapper.</summary>
public sealed class UnreachableTests
{
    [Fact]
    public async Task ARefusedConnectionIsATypedError()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var options = Secrets.Options();
        options.BaseAddress = new Uri("http://127.0.0.1:" + port + "/");
        using var client = CelerDataClientFactory.Create(TestDescriptor.Create(), options);

        var error = await Assert.ThrowsAsync<CelerDataUnreachableException>(async () => await client.TokenCache!.GetAccessTokenAsync());

        Assert.Contains("could not be reached", error.Message, StringComparison.Ordinal);
        Assert.IsType<System.Net.Http.HttpRequestException>(error.InnerException);
        Assert.DoesNotContain(Secrets.ClientSecret, error.ToString(), StringComparison.Ordinal);
    }
}
