using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;
using CelerData.Emulator;
using CelerData.Generated.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Refit;
using Xunit;

namespace CelerData.Cloud.Tests;

/// <summary>
/// The runtime's reply reader (a buffered reply read from its bytes) against Refit's own serializer (the same reply
/// through a stream) on the generated context: the same value, or the same exception with the same message (path,
/// line and position), for every reply; replies it does not read itself go to Refit's serializer.
/// </summary>
public sealed class BufferedReplySerializerTests
{
    // Through the public entry that users of Refit alone take; the runtime's clients use the same settings.
    private static readonly IHttpContentSerializer Ours = CelerDataRefitSettings.For(CelerDataCloudJsonContext.Default).ContentSerializer;
    private static readonly IHttpContentSerializer Refits = SystemTextJsonContentSerializer.ForContext(CelerDataCloudJsonContext.Default);

    public static TheoryData<string, string> Replies()
    {
        var large = List(20_000);
        var data = new TheoryData<string, string>
        {
            { "small list", List(3) },
            { "large list", large },
            { "large list, whitespace around", "  \r\n" + large + "\n\t " },
            { "large list, a number where a name belongs at the end", large.Replace("\"}]}}", "\",\"cluster_name\":5}]}}", StringComparison.Ordinal) },
            { "large list, truncated", large[..(large.Length - 100)] },
            { "large list, required property missing in the last item", large.Replace(",{\"cluster_id\":\"c-000000019999\",", ",{", StringComparison.Ordinal) },
            { "large list, trailing content", large + " x" },
            { "large list, two values", large + large },
            { "empty object", "{}" },
            { "null", "null" },
            { "array", "[]" },
            { "whitespace", "   " },
            { "not JSON", "<html><body>502 Bad Gateway</body></html>" },
            { "escapes", "{\"code\":20000,\"data\":{\"total\":1,\"list\":[{\"cluster_id\":\"\\u0063-1\",\"cluster_name\":\"\\ud83d\\ude00 \\\"q\\\"\"}]}}" },
        };
        return data;
    }

    [Theory]
    [MemberData(nameof(Replies))]
    public async Task Every_reply_reads_as_Refits_serializer_reads_it(string name, string json)
    {
        Assert.NotNull(name);
        foreach (var charset in new[] { null, "utf-8", "\"UTF-8\"", "utf8" })
        {
            foreach (var bom in new[] { false, true })
            {
                var bytes = Bytes(json, bom);
                await AssertSameAsync<ClusterListResponse>(() => Buffered(bytes, charset));
            }
        }
    }

    [Fact]
    public async Task A_token_reply_reads_the_same_and_a_reply_in_another_charset_or_of_unknown_length_goes_to_Refits_serializer()
    {
        await AssertSameAsync<AccessTokenResponse>(() => Buffered(Encoding.UTF8.GetBytes("""{"access_token":"t","expires_in":3600,"token_type":"Bearer"}"""), null));
        var latin1 = Encoding.Latin1.GetBytes("""{"code":20000,"message":"café","data":{"total":0,"list":[]}}""");
        var read = await AssertSameAsync<ClusterListResponse>(() => Buffered(latin1, "iso-8859-1"));
        Assert.Equal("café", read!.Message);
        await AssertSameAsync<ClusterListResponse>(() => Streamed(Bytes(List(5_000), bom: false)));
        await AssertSameAsync<ClusterListResponse>(() => Streamed(Bytes(List(5_000)[..1000], bom: false)));
    }

    [Fact]
    public void The_public_settings_carry_the_reader_and_refuse_a_missing_context()
    {
        Assert.IsType<BufferedReplySerializer>(CelerDataRefitSettings.For(CelerDataCloudJsonContext.Default).ContentSerializer);
        Assert.Throws<ArgumentNullException>(() => CelerDataRefitSettings.For(null!));
    }

    [Fact]
    public async Task Refits_DI_registration_keeps_the_public_settings_and_reads_a_list_over_loopback()
    {
        await using var emulator = await CelerDataEmulator.StartAsync(new EmulatorOptions
        {
            Clusters = { new EmulatorCluster { ClusterId = "c-1", ClusterName = "one" }, new EmulatorCluster { ClusterId = "c-2", ClusterName = "two \"2\" é" } },
        });
        using var runtime = CelerDataCloudClient.Create(new CelerDataClientOptions
        {
            ClientId = emulator.Client.ClientId,
            ClientSecret = emulator.Client.ClientSecret,
            BaseAddress = emulator.BaseAddress,
        });
        var token = await runtime.Api.CreateAccessTokenAsync();

        // Refit alone, registered through Refit.HttpClientFactory with the settings that carry the reader; the
        // caller sends the token itself, as there are no runtime handlers.
        var services = new ServiceCollection();
        services.AddRefitGeneratedClient<ICelerDataCloudApi>(CelerDataRefitSettings.For(CelerDataCloudJsonContext.Default))
            .ConfigureHttpClient(client =>
            {
                client.BaseAddress = emulator.BaseAddress;
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
            });
        await using var provider = services.BuildServiceProvider();

        Assert.IsType<BufferedReplySerializer>(provider.GetRequiredService<SettingsFor<ICelerDataCloudApi>>().Settings!.ContentSerializer);
        var list = await provider.GetRequiredService<ICelerDataCloudApi>().ListClustersAsync();
        Assert.Equal(["c-1", "c-2"], list.List.Select(cluster => cluster.ClusterId));
        Assert.Equal("two \"2\" é", list.List[1].ClusterName);

        // The overload that takes a context and a settings factory asks Refit to add the context to the settings'
        // serializer, which Refit allows only for its own serializer: the README names the one above.
        var other = new ServiceCollection();
        other.AddRefitGeneratedClient<ICelerDataCloudApi>(CelerDataCloudJsonContext.Default, _ => CelerDataRefitSettings.For(CelerDataCloudJsonContext.Default));
        await using var otherProvider = other.BuildServiceProvider();
        Assert.Throws<InvalidOperationException>(() => otherProvider.GetRequiredService<SettingsFor<ICelerDataCloudApi>>());
    }

    [Fact]
    public async Task A_large_buffered_reply_is_read_whole_where_Refits_serializer_reads_it_in_pieces()
    {
        var bytes = Bytes(List(20_000), bom: false);
        var ours = new RecordingContent(bytes, bytes.Length, seekable: true);
        var refits = new RecordingContent(bytes, bytes.Length, seekable: true);

        var read = await Ours.FromHttpContentAsync<ClusterListResponse>(ours);
        await Refits.FromHttpContentAsync<ClusterListResponse>(refits);

        Assert.Equal(20_000, read!.Data!.List.Count);
        Assert.True(ours.FirstRead > bytes.Length, $"The first read asked for {ours.FirstRead} of {bytes.Length} bytes.");
        Assert.True(refits.FirstRead <= 64 * 1024, $"Refit's serializer asked for {refits.FirstRead} bytes at first.");
    }

    [Fact]
    public async Task A_live_reply_whose_length_header_lies_gets_no_more_than_a_megabyte_at_first()
    {
        var bytes = Bytes(List(3), bom: false);
        var live = new RecordingContent(bytes, 500_000_000, seekable: false);

        var read = await Ours.FromHttpContentAsync<ClusterListResponse>(live);

        // Read by the runtime (which asks for more than the serializer's 16 KB), but not for the half gigabyte the header claims.
        Assert.Equal(3, read!.Data!.List.Count);
        Assert.InRange(live.FirstRead, 64 * 1024 + 1, 1 << 20);
    }

    private static async Task<T?> AssertSameAsync<T>(Func<Task<HttpContent>> content)
    {
        var (ours, ourError) = await AttemptAsync(async () => await Ours.FromHttpContentAsync<T>(await content()));
        var (refits, refitError) = await AttemptAsync(async () => await Refits.FromHttpContentAsync<T>(await content()));
        Assert.Equal(refitError?.GetType(), ourError?.GetType());
        Assert.Equal(refitError?.Message, ourError?.Message);
        Assert.Equal((refitError as JsonException)?.Path, (ourError as JsonException)?.Path);
        var typeInfo = (JsonTypeInfo<T>)CelerDataCloudJsonContext.Default.GetTypeInfo(typeof(T))!;
        Assert.Equal(refits is null ? null : JsonSerializer.Serialize(refits, typeInfo), ours is null ? null : JsonSerializer.Serialize(ours, typeInfo));
        return ours;
    }

    private static async Task<(T? Value, Exception? Error)> AttemptAsync<T>(Func<Task<T?>> read)
    {
        try
        {
            return (await read(), null);
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException or InvalidOperationException)
        {
            return (default, exception);
        }
    }

    // As Refit hands a reply over: buffered, its length known.
    private static async Task<HttpContent> Buffered(byte[] bytes, string? charset)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = charset };
        await content.LoadIntoBufferAsync();
        return content;
    }

    // A live stream of unknown length (Refit could not buffer it).
    private static Task<HttpContent> Streamed(byte[] bytes)
    {
        HttpContent content = new StreamContent(new UnknownLengthStream(bytes));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return Task.FromResult(content);
    }

    private static byte[] Bytes(string json, bool bom) => bom ? [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(json)] : Encoding.UTF8.GetBytes(json);

    private static string List(int count) =>
        "{\"code\":20000,\"message\":\"ok\",\"data\":{\"total\":" + count.ToString(CultureInfo.InvariantCulture) + ",\"list\":["
        + string.Join(",", Enumerable.Range(0, count).Select(i => "{\"cluster_id\":\"c-" + i.ToString("D12", CultureInfo.InvariantCulture) + "\",\"cluster_name\":\"cluster " + i.ToString(CultureInfo.InvariantCulture) + "\"}"))
        + "]}}";

    /// <summary>A reply of a stated length, buffered (seekable) or live, that records how many bytes its reader asked for first.</summary>
    private sealed class RecordingContent : HttpContent
    {
        private readonly byte[] _bytes;
        private readonly long _length;
        private readonly bool _seekable;

        public RecordingContent(byte[] bytes, long length, bool seekable)
        {
            _bytes = bytes;
            _length = length;
            _seekable = seekable;
            Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        public int FirstRead { get; private set; } = -1;

        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => stream.WriteAsync(_bytes).AsTask();

        protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(new Recording(this));

        protected override bool TryComputeLength(out long length)
        {
            length = _length;
            return true;
        }

        private sealed class Recording(RecordingContent owner) : Stream
        {
            private readonly MemoryStream _inner = new(owner._bytes, writable: false);

            public override bool CanRead => true;

            public override bool CanSeek => owner._seekable;

            public override bool CanWrite => false;

            public override long Length => CanSeek ? _inner.Length : throw new NotSupportedException();

            public override long Position { get => CanSeek ? _inner.Position : throw new NotSupportedException(); set => throw new NotSupportedException(); }

            public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

            public override int Read(Span<byte> buffer)
            {
                Record(buffer.Length);
                return _inner.Read(buffer);
            }

            public override Task<int> ReadAsync(byte[] buffer, int offset, int count, System.Threading.CancellationToken cancellationToken)
                => Task.FromResult(Read(buffer.AsSpan(offset, count)));

            public override ValueTask<int> ReadAsync(Memory<byte> buffer, System.Threading.CancellationToken cancellationToken = default)
                => ValueTask.FromResult(Read(buffer.Span));

            public override void Flush()
            {
            }

            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

            public override void SetLength(long value) => throw new NotSupportedException();

            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

            private void Record(int count)
            {
                if (owner.FirstRead < 0)
                {
                    owner.FirstRead = count;
                }
            }
        }
    }

    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
