using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using CelerData.Emulator;
using CelerData.Generated.Runtime;
using Xunit;

namespace CelerData.Cloud.Tests;

/// <summary>
/// Spans through the generated CelerData.Cloud client, whose descriptor the generator fills from the specification:
/// each call records the operation's <c>operationId</c> beside its method and path template.
/// </summary>
public sealed class TelemetryTests
{
    [Fact]
    public async Task Spans_of_generated_calls_carry_the_specifications_operationId()
    {
        await using var emulator = await CelerDataEmulator.StartAsync(new EmulatorOptions());
        var port = emulator.BaseAddress.Port;
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == CelerDataTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                // Tests run in parallel: only this emulator's calls count.
                if (Equals(activity.GetTagItem("server.port"), port))
                {
                    spans.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        using var client = CelerDataCloudClient.Create(new CelerDataClientOptions
        {
            ClientId = emulator.Client.ClientId,
            ClientSecret = emulator.Client.ClientSecret,
            BaseAddress = emulator.BaseAddress,
        });

        await client.Api.ListClustersAsync();
        await client.Api.GetClusterStateAsync(emulator.ClusterId);

        var all = spans.ToArray();
        Assert.Equal(
            [
                ("POST /api/1.0/token", "createAccessToken", "CreateAccessTokenAsync"),
                ("GET /api/1.0/clusters", "listClusters", "ListClustersAsync"),
                ("GET /api/1.0/clusters/{cluster_id}/state", "getClusterState", "GetClusterStateAsync"),
            ],
            all.Select(s => (s.DisplayName, s.GetTagItem("celerdata.operation.id") as string, s.GetTagItem("code.function.name") as string)));
        Assert.All(all, s => Assert.Equal("CelerDataCloud", s.GetTagItem("celerdata.client.name")));
        var tags = string.Join("\n", all.SelectMany(s => s.TagObjects).Select(t => t.Key + "=" + t.Value));
        Assert.DoesNotContain(emulator.Client.ClientSecret, tags, StringComparison.Ordinal);
    }
}
