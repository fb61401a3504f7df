using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using CelerData.Generated.Tests.Infrastructure;
using Refit;
using Xunit;
using Ours = CelerData.Generated.Tests.Features;

namespace CelerData.Generated.Tests.Client;

/// <summary>
/// A string enum is open by default: a value the spec does not list reads, compares, prints and writes back as its
/// wire value, through the generated JSON metadata and through a generated client over a loopback server.
/// </summary>
public sealed class OpenEnumTests
{
    private const string PetWith = """{"name":"A","id":1,"created":"2024-01-01T00:00:00Z","kind":""";

    [Fact]
    public void AnUnlistedValueReadsIsKeptAndWritesBack()
    {
        var pet = JsonSerializer.Deserialize(PetWith + "\"lizard\"}", Ours.FeaturesJsonContext.Default.Pet)!;
        var kind = pet.Kind!.Value;
        Assert.Equal("lizard", kind.Value);
        Assert.Equal("lizard", kind.ToString());
        Assert.False(kind.IsKnown);
        Assert.Equal(Ours.PetKind.KnownValue.Unknown, kind.Known);
        foreach (var listed in new[] { Ours.PetKind.Dog, Ours.PetKind.Cat, Ours.PetKind.HamsterLike, Ours.PetKind.Bird, Ours.PetKind.Ünïcode })
        {
            Assert.NotEqual(listed, kind);
            Assert.True(kind != listed);
            Assert.False(kind == listed);
        }

        Assert.Contains("\"kind\":\"lizard\"", JsonSerializer.Serialize(pet, Ours.FeaturesJsonContext.Default.Pet), StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"lizard\"", JsonSerializer.Serialize(pet, MetadataOnly.For(Ours.FeaturesJsonContext.Default.Pet)), StringComparison.Ordinal);
        Assert.Equal("\"lizard\"", JsonSerializer.Serialize(kind, Ours.FeaturesJsonContext.Default.PetKind));
    }

    [Theory]
    [InlineData("\"dog\"", "dog")]
    [InlineData("\"hamster-like\"", "hamster-like")]
    [InlineData("\"Bird+\"", "Bird+")]
    [InlineData("\"\\u00fcn\\u00efcode\"", "\u00fcn\u00efcode")]
    public void AListedValueReadsAsItsMember(string json, string wire)
    {
        var kind = JsonSerializer.Deserialize(json, Ours.FeaturesJsonContext.Default.PetKind);
        Assert.True(kind.IsKnown);
        Assert.Equal(wire, kind.Value);
        Assert.Equal(new Ours.PetKind(wire), kind);
        Assert.NotEqual(Ours.PetKind.KnownValue.Unknown, kind.Known);
        var written = JsonSerializer.Serialize(kind, Ours.FeaturesJsonContext.Default.PetKind);
        Assert.Equal(wire, JsonSerializer.Deserialize<string>(written));
    }

    [Fact]
    public void AListedValueReadsWithoutAllocatingAndAnUnlistedOneAsANewString()
    {
        // The shared generic converter compares UTF-8 bytes and returns the listed instance (the same string).
        var converter = (System.Text.Json.Serialization.JsonConverter<Ours.PetKind>)Ours.FeaturesJsonContext.Default.PetKind.Converter;
        var listed = "\"hamster-like\""u8.ToArray();
        var unlisted = "\"lizard\""u8.ToArray();
        Read(converter, listed);
        var before = System.GC.GetAllocatedBytesForCurrentThread();
        var kind = Read(converter, listed);
        Assert.Equal(0, System.GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Same(Ours.PetKind.HamsterLike.Value, kind.Value);
        Assert.Equal(Ours.PetKind.KnownValue.HamsterLike, kind.Known);
        before = System.GC.GetAllocatedBytesForCurrentThread();
        var other = Read(converter, unlisted);
        Assert.NotEqual(0, System.GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(Ours.PetKind.KnownValue.Unknown, other.Known);
    }

    private static Ours.PetKind Read(System.Text.Json.Serialization.JsonConverter<Ours.PetKind> converter, byte[] json)
    {
        var reader = new Utf8JsonReader(json);
        reader.Read();
        return converter.Read(ref reader, typeof(Ours.PetKind), JsonSerializerOptions.Default);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("true")]
    [InlineData("{}")]
    public void ANonStringIsStillAJsonError(string json)
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(PetWith + json + "}", Ours.FeaturesJsonContext.Default.Pet));
        Assert.Equal("$.kind", error.Path);
    }

    [Fact]
    public void EqualityIsByWireValueOrdinal()
    {
        var dog = new Ours.PetKind("dog");
        Assert.True(dog == Ours.PetKind.Dog);
        Assert.True(dog.Equals((object)Ours.PetKind.Dog));
        Assert.Equal(Ours.PetKind.Dog.GetHashCode(), dog.GetHashCode());
        Assert.True(new Ours.PetKind("Dog") != Ours.PetKind.Dog);
        Assert.False(new Ours.PetKind("Dog").IsKnown);
        Assert.Equal(new Ours.PetKind("lizard"), new Ours.PetKind("lizard"));
        Assert.Equal(new Ours.PetKind("lizard").GetHashCode(), new Ours.PetKind("lizard").GetHashCode());
        Assert.False(dog.Equals("dog"));
        var set = new HashSet<Ours.PetKind> { Ours.PetKind.Dog, new("dog"), new("lizard"), new("lizard") };
        Assert.Equal(2, set.Count);
        Assert.Throws<ArgumentNullException>(() => new Ours.PetKind(null!));
    }

    [Theory]
    [InlineData("dog", "woof")]
    [InlineData("cat", "meow")]
    [InlineData("Bird+", "tweet")]
    [InlineData("hamster-like", "other listed")]
    [InlineData("lizard", "unlisted lizard")]
    public void SwitchOnTheKnownValue(string wire, string expected)
    {
        var kind = new Ours.PetKind(wire);
        string said;
        switch (kind.Known)
        {
            case Ours.PetKind.KnownValue.Dog:
                said = "woof";
                break;
            case Ours.PetKind.KnownValue.Cat:
                said = "meow";
                break;
            case Ours.PetKind.KnownValue.Bird:
                said = "tweet";
                break;
            case Ours.PetKind.KnownValue.Unknown:
                said = "unlisted " + kind;
                break;
            default:
                said = "other listed";
                break;
        }

        Assert.Equal(expected, said);
    }

    [Fact]
    public void DefaultIsTheEmptyWireValue()
    {
        var none = default(Ours.PetKind);
        Assert.Equal(string.Empty, none.Value);
        Assert.Equal(string.Empty, none.ToString());
        Assert.False(none.IsKnown);
        Assert.Equal(Ours.PetKind.KnownValue.Unknown, none.Known);
        Assert.Equal(new Ours.PetKind(string.Empty), none);
        Assert.Equal(new Ours.PetKind(string.Empty).GetHashCode(), none.GetHashCode());
        Assert.NotEqual(Ours.PetKind.Dog, none);
        Assert.Equal("\"\"", JsonSerializer.Serialize(none, Ours.FeaturesJsonContext.Default.PetKind));
    }

    [Fact]
    public async Task AnUnlistedValueTravelsThroughTheGeneratedClient()
    {
        await using var server = await RecordingServer.StartAsync();
        var api = RestService.ForGenerated<Ours.IFeaturesApi>(new HttpClient { BaseAddress = server.BaseAddress }, Ours.FeaturesJsonContext.Default);
        var lizard = new Ours.PetKind("lizard");

        server.Next = new ScriptedResponse(200, "[" + PetWith + "\"lizard\"}," + PetWith + "\"cat\"}]");
        var pets = await api.ListPetsAsync(kind: lizard);
        Assert.Equal("/pets?kind=lizard", server.Requests.Last().PathAndQuery);
        Assert.Equal(new Ours.PetKind?[] { lizard, Ours.PetKind.Cat }, pets.Select(p => p.Kind).ToArray());
        Assert.False(pets[0].Kind!.Value.IsKnown);

        server.Next = new ScriptedResponse(201, PetWith + "\"sea horse\"}");
        var created = await api.CreatePetAsync(new Ours.NewPet { Name = "L", Kind = lizard });
        Assert.Contains("\"kind\":\"lizard\"", server.Requests.Last().Body, StringComparison.Ordinal);
        Assert.Equal("sea horse", created.Kind!.Value.ToString());

        server.Next = new ScriptedResponse(200, "notes", "text/plain");
        await api.ReadNotesAsync(7, lizard);
        Assert.Equal("/pets/7/notes/lizard", server.Requests.Last().PathAndQuery);
    }
}
