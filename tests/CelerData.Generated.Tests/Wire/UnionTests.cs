using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using CelerData.Generated.Tests.Infrastructure;
using Xunit;

namespace CelerData.Generated.Tests.Wire;

/// <summary>
/// oneOf/anyOf become unions that keep the raw JSON: a discriminator selects the alternative by its mapping (or the
/// component name), without one an alternative matches when the JSON reads as it; unknown values never throw.
/// </summary>
public sealed class UnionTests
{
    private static CompiledClient Compile()
        => CompiledClient.Compile(GeneratorHarness.LoadSpec(Path.Combine(RepositoryPaths.TestProject, "Specs", "unions.openapi.yaml"), "Unions"));

    /// <summary>Calls <c>TryGet{alternative}</c>; the value when it matched, else null.</summary>
    private static object? TryGet(object union, string alternative)
    {
        var arguments = new object?[] { null };
        var matched = (bool)union.GetType().GetMethod("TryGet" + alternative)!.Invoke(union, arguments)!;
        Assert.Equal(matched, arguments[0] is not null);
        return matched ? arguments[0] : null;
    }

    private static object? Property(object value, string name) => value.GetType().GetProperty(name)!.GetValue(value);

    [Fact]
    public void TheDiscriminatorSelectsTheAlternativeByMappingOrComponentName()
    {
        using var client = Compile();
        var pet = client.Type("Pet");
        var pets = (System.Collections.IEnumerable)client.Read("""[{"petType":"cat","lives":9},{"petType":"kitten","lives":7},{"petType":"dog","bark":"woof"},{"petType":"Lizard"}]""", typeof(IReadOnlyList<>).MakeGenericType(pet))!;
        var list = pets.Cast<object>().ToList();

        Assert.Equal(9L, Property(TryGet(list[0], "Cat")!, "Lives"));
        Assert.Null(TryGet(list[0], "Dog"));
        Assert.Equal(7L, Property(TryGet(list[1], "Cat")!, "Lives"));
        Assert.Equal("woof", Property(TryGet(list[2], "Dog")!, "Bark"));
        Assert.Null(TryGet(list[2], "Cat"));
        // Lizard is not in the mapping: its component name selects it.
        Assert.NotNull(TryGet(list[3], "Lizard"));
        Assert.Equal("Lizard", Property(list[3], "DiscriminatorValue"));
    }

    [Fact]
    public void AnUnknownDiscriminatorValueReadsKeepsItsJsonAndWritesItBack()
    {
        using var client = Compile();
        var pet = client.Type("Pet");
        const string Json = """{"petType":"parrot","words":["hello"],"lives":3}""";
        var parrot = client.Read(Json, pet)!;

        Assert.Equal("parrot", Property(parrot, "DiscriminatorValue"));
        Assert.Null(TryGet(parrot, "Cat"));
        Assert.Null(TryGet(parrot, "Dog"));
        Assert.Null(TryGet(parrot, "Lizard"));
        Assert.Equal(Json, ((JsonElement)Property(parrot, "Raw")!).GetRawText());
        Assert.Equal(Json, JsonSerializer.Serialize(parrot, client.Info(pet)));
    }

    [Fact]
    public void ADiscriminatedAlternativeThatDoesNotReadIsNotMatchedRatherThanThrown()
    {
        using var client = Compile();
        var pet = client.Type("Pet");
        // "cat" selects Cat, but the required 'lives' is missing.
        var broken = client.Read("""{"petType":"cat"}""", pet)!;
        Assert.Null(TryGet(broken, "Cat"));
    }

    [Fact]
    public void WithoutADiscriminatorAnAlternativeMatchesWhenTheJsonReadsAsIt()
    {
        using var client = Compile();
        var shape = client.Type("Shape");
        var circle = client.Read("""{"radius":2.5}""", shape)!;
        Assert.Equal(2.5, Property(TryGet(circle, "Circle")!, "Radius"));
        Assert.Null(TryGet(circle, "Square"));

        var both = client.Read("""{"radius":1,"side":2}""", shape)!;
        Assert.NotNull(TryGet(both, "Circle"));
        Assert.NotNull(TryGet(both, "Square"));

        var neither = client.Read("""{"corners":3}""", shape)!;
        Assert.Null(TryGet(neither, "Circle"));
        Assert.Null(TryGet(neither, "Square"));
        Assert.Equal("""{"corners":3}""", JsonSerializer.Serialize(neither, client.Info(shape)));
    }

    [Fact]
    public void PrimitiveAndCollectionAlternativesAreToldApartByTheirJsonKind()
    {
        using var client = Compile();
        var owner = client.Type("Owner");
        var tagType = owner.GetProperty("Tag")!.PropertyType;
        Assert.Equal("OwnerTag", tagType.Name);

        var text = Property(client.Read("""{"name":"a","tag":"x"}""", owner)!, "Tag")!;
        Assert.Equal("x", TryGet(text, "String"));
        Assert.Null(TryGet(text, "Int64"));
        Assert.Null(TryGet(text, "ListOfString"));

        var number = Property(client.Read("""{"name":"a","tag":42}""", owner)!, "Tag")!;
        Assert.Equal(42L, TryGet(number, "Int64"));
        Assert.Null(TryGet(number, "String"));

        var list = Property(client.Read("""{"name":"a","tag":["p","q"]}""", owner)!, "Tag")!;
        Assert.Equal(new[] { "p", "q" }, ((IEnumerable<string>)TryGet(list, "ListOfString")!).ToArray());
    }

    [Fact]
    public void NullAlongsideOneSchemaIsThatTypeNullable()
    {
        using var client = Compile();
        var owner = client.Type("Owner");
        Assert.Equal("Cat", owner.GetProperty("Best")!.PropertyType.Name);
        Assert.Equal(typeof(string), owner.GetProperty("Nickname")!.PropertyType);
        var read = client.Read("""{"name":"a","best":null,"nickname":null,"choice":null}""", owner)!;
        Assert.Null(Property(read, "Best"));
        Assert.Null(Property(read, "Choice"));
        Assert.Equal("""{"name":"a","nickname":null,"best":null,"choice":null}""", client.Write(read, owner));
    }

    [Fact]
    public void AUnionBuiltFromAnAlternativeWritesItsJson()
    {
        using var client = Compile();
        var cat = client.Create("Cat", new Dictionary<string, object?> { ["PetType"] = "cat", ["Lives"] = 9L });
        var pet = client.Type("Pet").GetMethod("FromCat", BindingFlags.Public | BindingFlags.Static)!.Invoke(null, new[] { cat })!;
        var owner = client.Create("Owner", new Dictionary<string, object?> { ["Name"] = "o", ["Pet"] = pet });
        Assert.Equal("""{"name":"o","pet":{"petType":"cat","lives":9}}""", client.Write(owner, client.Type("Owner")));

        var fromRaw = client.Type("Shape").GetMethod("FromRaw")!.Invoke(null, new object[] { JsonDocument.Parse("""{"side":3}""").RootElement })!;
        Assert.Equal(3.0, Property(TryGet(fromRaw, "Square")!, "Side"));
    }

    [Fact]
    public async Task AUnionParameterIsWrittenAsTheJsonValueItHolds()
    {
        using var client = Compile();
        await using var server = await RecordingServer.StartAsync();
        var api = Refit.RestService.ForGenerated(client.ApiInterface, new System.Net.Http.HttpClient { BaseAddress = server.BaseAddress }, new Refit.RefitSettings());
        var tag = client.Type("Tag");
        var shape = client.Type("Shape");
        var arguments = new[]
        {
            client.Read("7", tag), client.Read("""["a","b c"]""", tag), client.Read("""{"radius":2.5}""", shape),
            client.Read("""{"side":2}""", shape), client.Read("\"red\"", tag), CancellationToken.None,
        };

        await (Task)client.ApiInterface.GetMethod("SearchAsync")!.Invoke(api, arguments)!;

        var request = Assert.Single(server.Requests);
        Assert.Equal("/search/7?tag=a&tag=b%20c&radius=2.5&where[side]=2", request.PathAndQuery);
        Assert.Equal("red", request.Headers["X-Tag"]);
    }
}
