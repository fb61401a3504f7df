using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using CelerData.Generated.Benchmarks.Cloud;
using CelerData.Generated.Runtime;
using Refit;

namespace CelerData.Generated.Benchmarks.Json;

/// <summary>
/// Reading a list reply of <see cref="Count"/> clusters in the API's envelope (about 80 bytes a cluster): from bytes
/// in memory, and from a stream as <c>HttpContent.ReadFromJsonAsync</c> (Refit's reader) reads a response body. A
/// generated converter is not resumable, so System.Text.Json reads the whole value ahead before calling it, growing
/// its buffer from 16 KB and scanning the value again at each growth; the STJ generator's metadata reads as the
/// bytes come. These rows show what that costs at scale (docs/benchmarks.md, section 1), and what the replies cost
/// through the reader each client uses: Refit's serializer for the STJ generator's context (a stream over the reply),
/// the runtime's for ours (the buffered reply's bytes in one pass).
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Json")]
public class JsonListBenchmarks
{
    private static readonly IHttpContentSerializer RefitsReader = SystemTextJsonContentSerializer.ForContext(HandListJsonContext.Default);
    private static readonly IHttpContentSerializer RuntimesReader = CelerDataRefitSettings.For(CelerDataCloudJsonContext.Default).ContentSerializer;

    private byte[] _json = [];

    [Params(100, 10_000)]
    public int Count { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var json = new StringBuilder("{\"code\":20000,\"message\":\"ok\",\"data\":{\"total\":").Append(Count).Append(",\"list\":[");
        for (var i = 0; i < Count; i++)
        {
            json.Append(i == 0 ? "{" : ",{")
                .Append("\"cluster_id\":\"c-").Append(i.ToString("D12", CultureInfo.InvariantCulture))
                .Append("\",\"cluster_name\":\"production cluster number ").Append(i.ToString(CultureInfo.InvariantCulture)).Append("\"}");
        }

        _json = Encoding.UTF8.GetBytes(json.Append("]}}").ToString());

        // The four rows must read the same list, or the comparison means nothing.
        var expected = Describe(StjBytes());
        string[] read =
        [
            Describe(StjStream().GetAwaiter().GetResult()), Describe(StjRefit().GetAwaiter().GetResult()),
            Describe(OursBytes()), Describe(OursStream().GetAwaiter().GetResult()), Describe(OursRuntime().GetAwaiter().GetResult()),
        ];
        foreach (var description in read)
        {
            if (description != expected)
            {
                throw new InvalidDataException($"The rows read different lists: {description} against {expected}.");
            }
        }
    }

    private static string Describe(HandClusterListResponse reply)
        => $"{reply.Code} {reply.Data!.Total} {reply.Data.List.Count} {reply.Data.List[^1].ClusterId} {reply.Data.List[^1].ClusterName}";

    private static string Describe(ClusterListResponse reply)
        => $"{reply.Code} {reply.Data!.Total} {reply.Data.List.Count} {reply.Data.List[^1].ClusterId} {reply.Data.List[^1].ClusterName}";

    [Benchmark(Baseline = true, Description = "STJ generator, bytes")]
    public HandClusterListResponse StjBytes() => JsonSerializer.Deserialize(_json, HandListJsonContext.Default.HandClusterListResponse)!;

    [Benchmark(Description = "STJ generator, stream")]
    public async Task<HandClusterListResponse> StjStream()
        => (await JsonSerializer.DeserializeAsync(new MemoryStream(_json, writable: false), HandListJsonContext.Default.HandClusterListResponse).ConfigureAwait(false))!;

    [Benchmark(Description = "STJ generator, Refit's reply reader")]
    public async Task<HandClusterListResponse> StjRefit() => (await RefitsReader.FromHttpContentAsync<HandClusterListResponse>(Reply()).ConfigureAwait(false))!;

    [Benchmark(Description = "CelerData.Generated context, bytes")]
    public ClusterListResponse OursBytes() => JsonSerializer.Deserialize(_json, CelerDataCloudJsonContext.Default.ClusterListResponse)!;

    [Benchmark(Description = "CelerData.Generated context, stream")]
    public async Task<ClusterListResponse> OursStream()
        => (await JsonSerializer.DeserializeAsync(new MemoryStream(_json, writable: false), CelerDataCloudJsonContext.Default.ClusterListResponse).ConfigureAwait(false))!;

    [Benchmark(Description = "CelerData.Generated context, the runtime's reply reader")]
    public async Task<ClusterListResponse> OursRuntime() => (await RuntimesReader.FromHttpContentAsync<ClusterListResponse>(Reply()).ConfigureAwait(false))!;

    // A reply as Refit hands it to the reader: its bytes buffered, its length known.
    private ByteArrayContent Reply() => new(_json) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
}
