using System.Globalization;
using System.Text.Json;
using System.Threading.Tasks;
using CelerData.Emulator;
using CelerData.Generated.Runtime;
using Xunit;

namespace CelerData.Cloud.Tests;

/// <summary>
/// A reply far larger than System.Text.Json's 16 KB stream buffer, through the whole client over loopback: the
/// serializer reads a generated converter's value ahead, growing its buffer several times before calling it, so
/// this is the path a big description's list operations take (docs/benchmarks.md, section 1, lists at scale).
/// </summary>
public sealed class LargeResponseTests
{
    private const int Count = 20_000;

    [Fact]
    public async Task A_list_of_20000_clusters_over_loopback_reads_whole_and_in_order()
    {
        var options = new EmulatorOptions { ExpiresInSeconds = 86400 };
        for (var i = 0; i < Count; i++)
        {
            options.Clusters.Add(new EmulatorCluster { ClusterId = Id(i), ClusterName = Name(i) });
        }

        await using var emulator = await CelerDataEmulator.StartAsync(options);
        using var client = CelerDataCloudClient.Create(new CelerDataClientOptions
        {
            ClientId = emulator.Client.ClientId,
            ClientSecret = emulator.Client.ClientSecret,
            BaseAddress = emulator.BaseAddress,
        });

        var clusters = await client.Api.GetClustersAsync();

        Assert.Equal(Count, clusters.Count);
        for (var i = 0; i < Count; i++)
        {
            Assert.Equal(Id(i), clusters[i].ClusterId);
            Assert.Equal(Name(i), clusters[i].ClusterName);
        }

        // The reply really spans many of the serializer's buffers, or this test would not test the read-ahead.
        var size = JsonSerializer.SerializeToUtf8Bytes(await client.Api.ListClustersAsync(), CelerDataCloudJsonContext.Default.ClusterList).Length;
        Assert.True(size > 64 * 16 * 1024, $"The list is only {size} bytes.");
    }

    private static string Id(int i) => "c-" + i.ToString("D12", CultureInfo.InvariantCulture);

    // Escaped and non-ASCII characters on every tenth name, so that names read through the escaped path too.
    private static string Name(int i) => i % 10 == 0
        ? "cluster " + i.ToString(CultureInfo.InvariantCulture) + " \"quoted\" \\ <b>é</b> 数据"
        : "production cluster number " + i.ToString(CultureInfo.InvariantCulture);
}
