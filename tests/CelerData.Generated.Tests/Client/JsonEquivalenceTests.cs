using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CelerData.Generated.Tests.Infrastructure;
using Xunit;
using Ours = CelerData.Generated.Tests.Features;
using Reference = CelerData.Generated.Tests.HandWritten;

namespace CelerData.Generated.Tests.Client;

/// <summary>
/// The emitted <c>FeaturesJsonContext</c> behaves exactly like the System.Text.Json generator's context for
/// identical hand-written types: same values read, same bytes written, same failures at the same JSON path.
/// </summary>
public sealed class JsonEquivalenceTests
{
    private const string FullPet = """
        {"name":"Rex","kind":"dog","birthday":"2020-02-29","weight":12.5,"tags":["a","b\u00e9"],"id":7,"created":"2024-01-02T03:04:05.678+01:00",
         "owner_id":"0f8fad5b-d9cb-469f-a165-70867728950e","score":1.5,"price":19.99,"photo":"AQID","attributes":{"color":"brown","size":null},
         "parent":{"name":"Old","id":1,"created":"2000-01-01T00:00:00Z"},"children":[{"name":"Pup","id":8,"created":"2024-06-01T00:00:00Z","kind":"Bird+"}],
         "extra":{"any":[1,"two",null,{"x":true}]},"class":"mammal","pet":"yes","status":"sold"}
        """;

    public static IEnumerable<object[]> PetDocuments() => new[]
    {
        new object[] { "full", FullPet },
        new object[] { "minimal", """{"name":"A","id":1,"created":"2024-01-01T00:00:00Z"}""" },
        new object[] { "missing id", """{"name":"A","created":"2024-01-01T00:00:00Z"}""" },
        new object[] { "missing created", """{"name":"A","id":1}""" },
        new object[] { "missing name", """{"id":1,"created":"2024-01-01T00:00:00Z"}""" },
        new object[] { "empty object", "{}" },
        new object[] { "id as string", """{"name":"A","id":"1","created":"2024-01-01T00:00:00Z"}""" },
        new object[] { "created as number", """{"name":"A","id":1,"created":5}""" },
        new object[] { "tags as string", """{"name":"A","id":1,"created":"2024-01-01T00:00:00Z","tags":"x"}""" },
        new object[] { "null name", """{"name":null,"id":1,"created":"2024-01-01T00:00:00Z"}""" },
        new object[] { "null id", """{"name":"A","id":null,"created":"2024-01-01T00:00:00Z"}""" },
        new object[] { "null optionals", """{"name":"A","id":1,"created":"2024-01-01T00:00:00Z","tags":null,"kind":null,"parent":null,"extra":null,"score":null}""" },
        new object[] { "unknown properties", """{"name":"A","id":1,"created":"2024-01-01T00:00:00Z","unknown":{"deep":[1,2,3]},"ID":99,"Name":"B"}""" },
        new object[] { "escapes", """{"name":"\u0041\n\"\\\/\ud83d\ude00\t","id":1,"created":"2024-01-01T00:00:00Z","tags":["\u00e9","<script>"]}""" },
        new object[] { "huge integer", """{"name":"A","id":99999999999999999999,"created":"2024-01-01T00:00:00Z"}""" },
        new object[] { "exponent integer", """{"name":"A","id":1e3,"created":"2024-01-01T00:00:00Z"}""" },
        new object[] { "huge double", """{"name":"A","id":1,"created":"2024-01-01T00:00:00Z","weight":1e400}""" },
        new object[] { "huge float", """{"name":"A","id":1,"created":"2024-01-01T00:00:00Z","score":1e39}""" },
        new object[] { "huge decimal", """{"name":"A","id":1,"created":"2024-01-01T00:00:00Z","price":79228162514264337593543950336}""" },
        new object[] { "unknown enum value", """{"name":"A","id":1,"created":"2024-01-01T00:00:00Z","kind":"lizard"}""" },
        new object[] { "enum as number", """{"name":"A","id":1,"created":"2024-01-01T00:00:00Z","kind":1}""" },
        new object[] { "enum unicode value", """{"name":"A","id":1,"created":"2024-01-01T00:00:00Z","kind":"\u00fcn\u00efcode"}""" },
        new object[] { "invalid date", """{"name":"A","id":1,"created":"2024-01-01T00:00:00Z","birthday":"2023-02-30"}""" },
        new object[] { "invalid guid", """{"name":"A","id":1,"created":"2024-01-01T00:00:00Z","owner_id":"nope"}""" },
        new object[] { "invalid base64", """{"name":"A","id":1,"created":"2024-01-01T00:00:00Z","photo":"***"}""" },
        new object[] { "nested missing required", """{"name":"A","id":1,"created":"2024-01-01T00:00:00Z","children":[{"name":"B"}]}""" },
        new object[] { "dictionary with wrong value", """{"name":"A","id":1,"created":"2024-01-01T00:00:00Z","attributes":{"a":1}}""" },
        new object[] { "duplicate property", """{"name":"A","name":"B","id":1,"created":"2024-01-01T00:00:00Z"}""" },
        new object[] { "trailing comma", """{"name":"A","id":1,"created":"2024-01-01T00:00:00Z",}""" },
        new object[] { "comment", """{"name":"A", /* c */ "id":1,"created":"2024-01-01T00:00:00Z"}""" },
        new object[] { "array instead of object", "[]" },
        new object[] { "null document", "null" },
        new object[] { "truncated", """{"name":"A","id":1,"crea""" },
        new object[] { "deep recursion", Deep(50) },
    };

    [Theory]
    [MemberData(nameof(PetDocuments))]
    public void PetsReadAndWriteTheSame(string name, string json)
    {
        Assert.NotNull(name);
        Compare(json, Ours.FeaturesJsonContext.Default.Pet, Reference.HandWrittenJsonContext.Default.Pet);
    }

    /// <summary>
    /// The same documents from a sequence of one-byte segments (as a <c>PipeReader</c> or a socket hands them over):
    /// every name and value then spans segments, which the generated readers must join as System.Text.Json does.
    /// </summary>
    [Theory]
    [MemberData(nameof(PetDocuments))]
    public void PetsReadTheSameFromOneByteSegments(string name, string json)
    {
        Assert.NotNull(name);
        CompareRead(json, Ours.FeaturesJsonContext.Default.Pet, Reference.HandWrittenJsonContext.Default.Pet, ReadSegmented);
    }

    public static IEnumerable<object[]> LargePetDocuments()
    {
        var tags = string.Join(",", Enumerable.Range(0, 3000).Select(i => "\"tag number " + i + " \\u00e9\""));
        var large = "{\"name\":\"A\",\"id\":1,\"created\":\"2024-01-01T00:00:00Z\",\"tags\":[" + tags + "],\"kind\":\"cat\"}";
        return new[]
        {
            new object[] { "large", large },
            new object[] { "large, a number at the end of the tags", large.Replace("],\"kind\"", ",5],\"kind\"", StringComparison.Ordinal) },
            new object[] { "large, required property missing", large.Replace("\"id\":1,", string.Empty, StringComparison.Ordinal) },
            new object[] { "large, unknown property around it", "{\"unknown\":[" + tags + "]," + large.Substring(1) },
            new object[] { "large, truncated", large.Substring(0, large.Length - 2000) },
        };
    }

    /// <summary>
    /// Documents larger than the serializer's 16 KB stream buffer, read from a stream as Refit reads a body: the
    /// serializer reads a generated converter's whole value ahead (its buffer grows several times), the STJ
    /// generator's converters read as the bytes come; values, failures and paths must still be the same.
    /// </summary>
    [Theory]
    [MemberData(nameof(LargePetDocuments))]
    public void LargePetsReadTheSameFromAStream(string name, string json)
    {
        Assert.NotNull(name);
        Assert.True(Encoding.UTF8.GetByteCount(json) > 3 * 16 * 1024);
        CompareRead(json, Ours.FeaturesJsonContext.Default.Pet, Reference.HandWrittenJsonContext.Default.Pet, ReadStream);
        CompareRead(json, Ours.FeaturesJsonContext.Default.Pet, Reference.HandWrittenJsonContext.Default.Pet, ReadSegmented);
    }

    [Theory]
    [InlineData("""[{"name":"A","id":1,"created":"2024-01-01T00:00:00Z"},{"name":"B","id":2,"created":"2024-01-01T00:00:00Z","kind":"cat"}]""")]
    [InlineData("[]")]
    [InlineData("""[{"name":"A"}]""")]
    [InlineData("""[null]""")]
    public void PetListsReadAndWriteTheSame(string json)
        => Compare(json, Ours.FeaturesJsonContext.Default.Options.GetTypeInfo(typeof(IReadOnlyList<Ours.Pet>)), Reference.HandWrittenJsonContext.Default.IReadOnlyListPet);

    [Theory]
    [InlineData("""{"access_token":"t","expires_in":3600,"token_type":"Bearer"}""")]
    [InlineData("""{"access_token":"t","expires_in":3600,"refresh_token":"r","token_type":"Bearer"}""")]
    [InlineData("""{"access_token":"t","token_type":"Bearer"}""")]
    [InlineData("""{"access_token":"t","expires_in":"3600","token_type":"Bearer"}""")]
    [InlineData("""{"access_token":"t","expires_in":4294967296,"token_type":"Bearer"}""")]
    [InlineData("""{"access_token":null,"expires_in":1,"token_type":null}""")]
    [InlineData("<html><body>502 Bad Gateway</body></html>")]
    [InlineData("")]
    public void TokensReadAndWriteTheSame(string json)
        => Compare(json, Ours.FeaturesJsonContext.Default.Token, Reference.HandWrittenJsonContext.Default.Token);

    [Theory]
    [InlineData("""{"status":"ok","checks":{"db":true,"cache":false}}""")]
    [InlineData("""{"status":"degraded"}""")]
    [InlineData("""{"checks":{}}""")]
    [InlineData("""{"status":"unknown"}""")]
    [InlineData("""{"status":"ok","version":"1.2.3","uptime":12.5,"nodes":[1,{"a":null}],"flag":false,"none":null,"checks":{"db":true}}""")]
    [InlineData("""{"ver\u0073ion":"escaped name","status":"ok","ünï":{"deep":{"deeper":[]}}}""")]
    [InlineData("""{"status":"ok","x":1,"x":2}""")]
    [InlineData("""{"status":"ok","checks":{"db":true},"broken":[1,2""")]
    [InlineData("""{"status":"ok","broken":{"a":}}""")]
    [InlineData("""{"extra":1}""")]
    public void HealthReadsAndWritesTheSame(string json)
        => Compare(json, Ours.FeaturesJsonContext.Default.HealthResponse, Reference.HandWrittenJsonContext.Default.HealthResponse);

    [Fact]
    public void TheContextServesJsonSerializerThroughItsOptions()
    {
        var pet = JsonSerializer.Deserialize<Ours.Pet>(FullPet, Ours.FeaturesJsonContext.Default.Options)!;
        Assert.Equal("Rex", pet.Name);
        Assert.Equal(Ours.PetKind.Dog, pet.Kind);
        Assert.Equal(Ours.PetKind.Bird, pet.Children![0].Kind);
        Assert.Equal(new DateOnly(2020, 2, 29), pet.Birthday);
        Assert.Equal("mammal", pet.Classification);
        Assert.Equal("yes", pet.PetValue);
        Assert.Equal(new byte[] { 1, 2, 3 }, pet.Photo);
        Assert.Contains("\"kind\":\"dog\"", JsonSerializer.Serialize(pet, Ours.FeaturesJsonContext.Default.Options), StringComparison.Ordinal);
        Assert.NotNull(Ours.FeaturesJsonContext.Default.GetTypeInfo(typeof(Ours.Token)));
        Assert.Null(Ours.FeaturesJsonContext.Default.GetTypeInfo(typeof(System.Uri[])));
    }

    [Fact]
    public void SensitiveValuesAreRedactedInToString()
    {
        var token = new Ours.Token { AccessToken = "secret-access", ExpiresIn = 60, RefreshToken = "secret-refresh", TokenType = "Bearer" };
        var text = token.ToString();
        Assert.DoesNotContain("secret", text, StringComparison.Ordinal);
        Assert.Contains("AccessToken = ***", text, StringComparison.Ordinal);
        Assert.Contains("ExpiresIn = 60", text, StringComparison.Ordinal);
        Assert.Contains("RefreshToken = null", (token with { RefreshToken = null }).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ARecordWithoutSensitivePropertiesPrintsEveryPropertyInToString()
    {
        // Only a record with a sensitive property gets a generated PrintMembers; the others keep the compiler's.
        var health = new Ours.HealthResponse { Status = Ours.HealthResponseStatus.Ok, Checks = null };
        Assert.Equal("HealthResponse { Status = ok, Checks = , AdditionalProperties =  }", health.ToString());
        Assert.NotNull(PrintMembers(typeof(Ours.HealthResponse)).GetCustomAttribute<CompilerGeneratedAttribute>());
        Assert.Null(PrintMembers(typeof(Ours.Token)).GetCustomAttribute<CompilerGeneratedAttribute>());
    }

    private static MethodInfo PrintMembers(Type type)
    {
        return type.GetMethod("PrintMembers", BindingFlags.NonPublic | BindingFlags.Instance)!;
    }

    /// <summary>
    /// Reads with both contexts and compares values, failures and JSON paths; then writes with both, through
    /// the fast path and through plain metadata. The reference is the System.Text.Json generator's metadata
    /// path. Documents setting a property whose schema allows null are compared in
    /// <see cref="NullIsWrittenOnlyWhereTheSchemaAllowsItAndTheCallerSetIt"/>: there ours keeps the explicit null.
    /// </summary>
    private static void Compare(string json, JsonTypeInfo ours, JsonTypeInfo reference)
    {
        if (CompareRead(json, ours, reference, Read) is { } ourValue)
        {
            Assert.Equal(Write(ourValue.Value, MetadataOnly.For(ours)), Write(ourValue.Value, ours));
        }
    }

    /// <summary>
    /// Reads with both contexts through <paramref name="read"/> and compares failures with their paths, or values as
    /// written back through metadata; returns our value when both read one.
    /// </summary>
    private static StrongBox<object?>? CompareRead(string json, JsonTypeInfo ours, JsonTypeInfo reference, Func<string, JsonTypeInfo, object?> read)
    {
        var (ourValue, ourError) = Attempt(() => read(json, ours));
        var (referenceValue, referenceError) = Attempt(() => read(json, reference));
        Assert.Equal(referenceError?.GetType(), ourError?.GetType());
        Assert.Equal((referenceError as JsonException)?.Path, (ourError as JsonException)?.Path);
        Assert.Equal((referenceError as JsonException)?.LineNumber, (ourError as JsonException)?.LineNumber);
        if (referenceError is not null)
        {
            return null;
        }

        Assert.Equal(Write(referenceValue, MetadataOnly.For(reference)), Write(ourValue, MetadataOnly.For(ours)));
        return new StrongBox<object?>(ourValue);
    }

    private static object? ReadSegmented(string json, JsonTypeInfo typeInfo)
    {
        var reader = new Utf8JsonReader(OneByteSegments(Encoding.UTF8.GetBytes(json)));
        return JsonSerializer.Deserialize(ref reader, typeInfo);
    }

    private static object? ReadStream(string json, JsonTypeInfo typeInfo)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return JsonSerializer.DeserializeAsync(stream, typeInfo).AsTask().GetAwaiter().GetResult();
    }

    /// <summary>The bytes as a sequence of one-byte segments.</summary>
    internal static ReadOnlySequence<byte> OneByteSegments(byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            return ReadOnlySequence<byte>.Empty;
        }

        var first = new Segment(bytes.AsMemory(0, 1), 0);
        var last = first;
        for (var i = 1; i < bytes.Length; i++)
        {
            last = last.Append(bytes.AsMemory(i, 1));
        }

        return new ReadOnlySequence<byte>(first, 0, last, 1);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }

    public static IEnumerable<object[]> TokenStrings() => new[]
    {
        new object[] { "plain" },
        new object[] { string.Empty },
        new object[] { new string(Enumerable.Range(0x20, 0x5F).Select(c => (char)c).ToArray()) },
        new object[] { "caf\u00e9" },
        new object[] { "<script>&'+`" },
        new object[] { "quote\"back\\slash" },
        new object[] { "line\nbreak\ttab\u0001" },
        new object[] { "emoji \ud83d\ude00" },
        new object[] { "lone \ud800 surrogate" },
        new object[] { new string('x', 5000) },
    };

    /// <summary>
    /// A flat model (strings, integers, booleans) is written as one raw value when the bytes are certain to be the
    /// writer's own; every string that must be escaped, a string too long for the buffer, null, an indented or
    /// validating writer, another encoder and a place in an array give the same bytes
    /// or the same failure as the System.Text.Json generator's context.
    /// </summary>
    [Theory]
    [MemberData(nameof(TokenStrings))]
    public void FlatModelsWriteTheSameBytesWhateverTheStringsAndTheWriter(string text)
    {
        var ours = new Ours.Token { AccessToken = text, ExpiresIn = -2147483648, RefreshToken = text + "r", TokenType = text };
        var reference = new Reference.Token { AccessToken = text, ExpiresIn = -2147483648, RefreshToken = text + "r", TokenType = text };
        var ourNull = ours with { AccessToken = null!, RefreshToken = null };
        var referenceNull = reference with { AccessToken = null!, RefreshToken = null };
        var ourContext = Ours.FeaturesJsonContext.Default;
        var referenceContext = Reference.HandWrittenJsonContext.Default;

        Assert.Equal(Write(reference, referenceContext.Token), Write(ours, ourContext.Token));
        Assert.Equal(Write(referenceNull, referenceContext.Token), Write(ourNull, ourContext.Token));
        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(reference, referenceContext.Token), JsonSerializer.SerializeToUtf8Bytes(ours, ourContext.Token));
        foreach (var options in new[]
        {
            new JsonSerializerOptions { WriteIndented = true },
            new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping },
        })
        {
            Assert.Equal(Write(reference, new JsonSerializerOptions(options) { TypeInfoResolver = referenceContext }.GetTypeInfo(typeof(Reference.Token))), Write(ours, new JsonSerializerOptions(options) { TypeInfoResolver = ourContext }.GetTypeInfo(typeof(Ours.Token))));
        }

        foreach (var writerOptions in new[]
        {
            new JsonWriterOptions(),
            new JsonWriterOptions { SkipValidation = true },
            new JsonWriterOptions { SkipValidation = true, MaxDepth = 2 },
        })
        {
            Assert.Equal(WriteInArray(reference, referenceNull, referenceContext.Token, writerOptions), WriteInArray(ours, ourNull, ourContext.Token, writerOptions));
        }
    }

    /// <summary>Two values in an array through a writer of the caller's, as a converter of another type would write them.</summary>
    private static string WriteInArray<T>(T first, T second, JsonTypeInfo<T> typeInfo, JsonWriterOptions options)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using var writer = new Utf8JsonWriter(buffer, options);
        try
        {
            writer.WriteStartArray();
            JsonSerializer.Serialize(writer, first, typeInfo);
            JsonSerializer.Serialize(writer, second, typeInfo);
            writer.WriteEndArray();
            writer.Flush();
            return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
        }
        catch (Exception exception) when (exception is InvalidOperationException or JsonException)
        {
            return "threw " + exception.GetType().Name + ": " + exception.Message;
        }
    }

    [Fact]
    public void OptionalPropertiesLeftUnsetAreNotWritten()
    {
        const string json = """{"name":"A","id":1,"created":"2024-01-01T00:00:00Z"}""";
        var ours = JsonSerializer.Serialize(JsonSerializer.Deserialize(json, Ours.FeaturesJsonContext.Default.Pet)!, Ours.FeaturesJsonContext.Default.Pet);
        var reference = JsonSerializer.Serialize(JsonSerializer.Deserialize(json, Reference.HandWrittenJsonContext.Default.Pet)!, Reference.HandWrittenJsonContext.Default.Pet);
        const string written = """{"name":"A","id":1,"created":"2024-01-01T00:00:00+00:00"}""";
        Assert.Equal(written, ours);
        Assert.Equal(written, reference);
        Assert.Equal(written, JsonSerializer.Serialize(new Ours.Pet { Name = "A", Id = 1, Created = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero) }, Ours.FeaturesJsonContext.Default.Pet));
    }

    /// <summary>
    /// A property whose schema allows null (owner_id: nullable) is written when the caller set it, null included,
    /// and only then; one whose schema does not allow null (kind, parent) is never written as null. Both paths,
    /// fast and metadata, agree. This is where the System.Text.Json generator differs: it cannot tell set from unset.
    /// </summary>
    [Fact]
    public void NullIsWrittenOnlyWhereTheSchemaAllowsItAndTheCallerSetIt()
    {
        var pet = new Ours.Pet { Name = "A", Id = 1, Created = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), Kind = null, Parent = null };
        const string unset = """{"name":"A","id":1,"created":"2024-01-01T00:00:00+00:00"}""";
        const string explicitNull = """{"name":"A","id":1,"created":"2024-01-01T00:00:00+00:00","owner_id":null}""";
        var ours = Ours.FeaturesJsonContext.Default.Pet;

        Assert.Equal(unset, JsonSerializer.Serialize(pet, ours));
        Assert.Equal(unset, JsonSerializer.Serialize(pet, MetadataOnly.For(ours)));
        Assert.Equal(explicitNull, JsonSerializer.Serialize(pet with { OwnerId = null }, ours));
        Assert.Equal(explicitNull, JsonSerializer.Serialize(pet with { OwnerId = null }, MetadataOnly.For(ours)));
        Assert.NotEqual(pet, pet with { OwnerId = null });

        // Reading mirrors writing: an explicit null is kept as set, an absent property stays unset.
        Assert.Equal(explicitNull, JsonSerializer.Serialize(JsonSerializer.Deserialize(explicitNull, ours)!, ours));
        Assert.Equal(unset, JsonSerializer.Serialize(JsonSerializer.Deserialize(unset, ours)!, MetadataOnly.For(ours)));
        var reference = JsonSerializer.Deserialize(explicitNull, Reference.HandWrittenJsonContext.Default.Pet)!;
        Assert.Equal(unset, JsonSerializer.Serialize(reference, Reference.HandWrittenJsonContext.Default.Pet));
    }

    private static string Write(object? value, JsonTypeInfo typeInfo)
    {
        try
        {
            return JsonSerializer.Serialize(value, typeInfo);
        }
        catch (Exception exception) when (exception is ArgumentException or JsonException or InvalidOperationException)
        {
            return "threw " + exception.GetType().Name;
        }
    }

    private static object? Read(string json, JsonTypeInfo typeInfo) => JsonSerializer.Deserialize(json, typeInfo);

    private static (object? Value, Exception? Error) Attempt(Func<object?> read)
    {
        try
        {
            return (read(), null);
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException or InvalidOperationException or ArgumentException or FormatException)
        {
            return (null, exception);
        }
    }

    private static string Deep(int depth)
    {
        var open = string.Concat(Enumerable.Repeat("""{"name":"n","id":1,"created":"2024-01-01T00:00:00Z","parent":""", depth));
        return open + "null" + new string('}', depth);
    }
}
