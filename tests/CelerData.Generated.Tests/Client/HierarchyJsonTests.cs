using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CelerData.Generated.Tests.Hierarchy;
using Xunit;

namespace CelerData.Generated.Tests.Client;

/// <summary>
/// Hierarchies of types (discriminator and allOf, Specs/hierarchy.openapi.yaml) through the generated
/// <c>HierarchyJsonContext</c>: the discriminator selects the derived record wherever it stands in the object (by
/// mapping, x-ms-discriminator-value or component name, across levels); an unknown or missing value reads into the
/// fallback, which keeps the JSON and writes it back; a derived record written through its base writes its own
/// members after its discriminator. Run on .NET 8 and .NET 10 (CelerData.Generated.Json.Tests).
/// </summary>
public sealed class HierarchyJsonTests
{
    private static readonly HierarchyJsonContext Context = HierarchyJsonContext.Default;

    private static JsonTypeInfo<IReadOnlyList<Pet>> PetList(HierarchyJsonContext context) => (JsonTypeInfo<IReadOnlyList<Pet>>)context.GetTypeInfo(typeof(IReadOnlyList<Pet>))!;

    [Fact]
    public void TheDiscriminatorSelectsTheDerivedRecordWhereverItStands()
    {
        var pets = JsonSerializer.Deserialize("""
            [{"petType":"Cat","name":"Tom","huntingSkill":"lazy"},
             {"name":"Rex","packSize":3,"friend":{"name":"Tim","petType":"Lizard"},"petType":"Dog"},
             {"name":"Liz","petType":"Lizard","nickname":null}]
            """, PetList(Context))!;

        var cat = Assert.IsType<Cat>(pets[0]);
        Assert.Equal("Tom", cat.Name);
        Assert.Equal(CatHuntingSkill.Lazy, cat.HuntingSkill);
        Assert.Equal("Cat", cat.PetType);
        var dog = Assert.IsType<Dog>(pets[1]);
        Assert.Equal(3, dog.PackSize);
        Assert.Equal("Tim", Assert.IsType<Lizard>(dog.Friend).Name);
        var lizard = Assert.IsType<Lizard>(pets[2]);
        Assert.Null(lizard.Nickname);
    }

    [Theory]
    [InlineData("""{"kind":"vehicle","wheels":4}""", typeof(Vehicle))]
    [InlineData("""{"kind":"car","wheels":4,"seats":5}""", typeof(Car))]
    [InlineData("""{"wheels":4,"kind":"automobile"}""", typeof(Car))]
    [InlineData("""{"kind":"sports","wheels":4,"topSpeed":300.5}""", typeof(SportsCar))]
    [InlineData("""{"kind":"truck","wheels":6,"payload":12.5}""", typeof(Truck))]
    [InlineData("""{"kind":"bicycle","wheels":2}""", typeof(Bicycle))]
    [InlineData("""{"kind":"hovercraft","wheels":0}""", typeof(UnknownVehicle))]
    public void MappingAliasesExtensionValuesAndSecondLevelsSelectTheirRecords(string json, Type expected)
    {
        var vehicle = JsonSerializer.Deserialize(json, Context.Vehicle)!;
        Assert.IsType(expected, vehicle);
    }

    [Fact]
    public void ASecondLevelTypeReadsItsOwnSubtypesAndFallsBackToItsOwnFallback()
    {
        Assert.Equal(300.5, Assert.IsType<SportsCar>(JsonSerializer.Deserialize("""{"kind":"sports","wheels":4,"topSpeed":300.5}""", Context.Car)).TopSpeed);
        Assert.IsType<Car>(JsonSerializer.Deserialize("""{"kind":"automobile","wheels":4}""", Context.Car));
        var unknown = Assert.IsType<UnknownCar>(JsonSerializer.Deserialize("""{"kind":"truck","wheels":6,"seats":2}""", Context.Car));
        Assert.Equal("truck", unknown.Kind);
        Assert.Equal(2, unknown.Seats);
    }

    [Theory]
    [InlineData("""{"petType":"Hamster","name":"Ham","cheeks":{"full":true},"secret":"s3"}""", "Hamster")]
    [InlineData("""{"name":"Nobody"}""", "")]
    [InlineData("""{"name":"Numbered","petType":7}""", "")]
    [InlineData("""{"name":"Cased","petType":"cat"}""", "cat")]
    public void AnUnknownOrMissingDiscriminatorReadsIntoTheFallbackWhichKeepsAndWritesBackTheJson(string json, string discriminator)
    {
        var pet = JsonSerializer.Deserialize(json, Context.Pet)!;

        var unknown = Assert.IsType<UnknownPet>(pet);
        Assert.Equal(discriminator, unknown.PetType);
        Assert.Equal(JsonDocument.Parse(json).RootElement.GetProperty("name").GetString(), unknown.Name);
        Assert.Equal(json, unknown.Raw.GetRawText());
        Assert.Equal(json, JsonSerializer.Serialize(pet, Context.Pet));
        Assert.Equal("""{"pets":[""" + json + "]}", JsonSerializer.Serialize(new Owner { Pets = new[] { pet } }, Context.Owner));
    }

    [Fact]
    public void ADerivedRecordWrittenThroughItsBaseWritesItsDiscriminatorFirstAndItsOwnMembers()
    {
        var owner = new Owner
        {
            Pets = new Pet[]
            {
                new Cat { Name = "Tom", HuntingSkill = CatHuntingSkill.Adventurous, Nickname = null },
                new Dog { Name = "Rex", Friend = new Lizard { Name = "Liz" } },
            },
            Favorite = new Lizard { Name = "Liz", Secret = "pw" },
        };

        var json = JsonSerializer.Serialize(owner, Context.Owner);

        Assert.Equal(
            """{"pets":[{"petType":"Cat","name":"Tom","nickname":null,"huntingSkill":"adventurous"},{"petType":"Dog","name":"Rex","friend":{"petType":"Lizard","name":"Liz"}}],"favorite":{"petType":"Lizard","name":"Liz","secret":"pw"}}""",
            json);
        Assert.Equal(owner.Pets, JsonSerializer.Deserialize(json, Context.Owner)!.Pets);
        Assert.Equal("""{"kind":"sports","wheels":4,"topSpeed":1.5}""", JsonSerializer.Serialize<Vehicle>(new SportsCar { Wheels = 4, TopSpeed = 1.5 }, Context.Vehicle));
        Assert.Equal("""{"kind":"vehicle","wheels":3}""", JsonSerializer.Serialize(new Vehicle { Wheels = 3 }, Context.Vehicle));
    }

    [Fact]
    public void EveryKnownTypeRoundTripsThroughItsBase()
    {
        var vehicles = new Vehicle[]
        {
            new Vehicle { Wheels = 1 }, new Car { Wheels = 4, Seats = 2 }, new SportsCar { Wheels = 4, TopSpeed = 2.5, Seats = 1 },
            new Truck { Wheels = 6, Payload = 3.25 }, new Bicycle { Wheels = 2 },
        };

        foreach (var vehicle in vehicles)
        {
            var read = JsonSerializer.Deserialize(JsonSerializer.Serialize(vehicle, Context.Vehicle), Context.Vehicle);
            Assert.Equal(vehicle, read);
            Assert.Equal(vehicle.GetType(), read!.GetType());
        }
    }

    [Fact]
    public void ARequiredMemberOfTheSelectedRecordIsStillRequired()
    {
        var exception = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""[{"name":"Tom","petType":"Cat"}]""", PetList(Context)));
        Assert.Contains("huntingSkill", exception.Message, StringComparison.Ordinal);
        Assert.Equal("$[0]", exception.Path);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""[{"petType":"Cat","name":"Tom"}""", PetList(Context)));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("\"Cat\"", Context.Pet));
        Assert.Null(JsonSerializer.Deserialize("null", Context.Pet));
    }

    [Fact]
    public async Task AStreamReadInSmallBuffersFindsTheDiscriminatorAfterTheOtherMembers()
    {
        var options = new JsonSerializerOptions { DefaultBufferSize = 16 };
        var context = new HierarchyJsonContext(options);
        var pets = Enumerable.Range(0, 50).Select(i => i % 3 == 0
            ? "{\"name\":\"Cat" + i + "\",\"extra\":{\"deep\":[1,2,3,{\"x\":\"" + new string('y', 40) + "\"}]},\"huntingSkill\":\"lazy\",\"petType\":\"Cat\"}"
            : i % 3 == 1 ? "{\"name\":\"Dog" + i + "\",\"petType\":\"Dog\",\"packSize\":" + i + "}" : "{\"name\":\"New" + i + "\",\"petType\":\"Axolotl\"}");
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("[" + string.Join(",", pets) + "]"));

        var read = await JsonSerializer.DeserializeAsync(stream, PetList(context));

        Assert.Equal(50, read!.Count);
        Assert.All(read.Where((_, i) => i % 3 == 0), pet => Assert.IsType<Cat>(pet));
        Assert.All(read.Where((_, i) => i % 3 == 1), pet => Assert.IsType<Dog>(pet));
        Assert.All(read.Where((_, i) => i % 3 == 2), pet => Assert.Equal("Axolotl", Assert.IsType<UnknownPet>(pet).PetType));
    }

    [Fact]
    public void ToStringShowsTheDiscriminatorAndHidesSecretsAndTheFallbacksJson()
    {
        var cat = new Cat { Name = "Tom", HuntingSkill = CatHuntingSkill.Lazy, Secret = "hunter2" };
        Assert.Equal("Cat { PetType = Cat, Name = Tom, Secret = ***, Nickname = , HuntingSkill = lazy }", cat.ToString());
        var unknown = JsonSerializer.Deserialize("""{"petType":"Hamster","name":"Ham","secret":"hunter2"}""", Context.Pet)!;
        Assert.DoesNotContain("hunter2", unknown.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("UnknownPet { PetType = Hamster, Name = Ham", unknown.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TheRootTheMappingDoesNotNameIsAbstractAndTheLeavesAreSealed()
    {
        Assert.True(typeof(Pet).IsAbstract);
        Assert.False(typeof(Vehicle).IsAbstract);
        Assert.True(typeof(Cat).IsSealed);
        Assert.False(typeof(Car).IsSealed);
        Assert.True(typeof(UnknownPet).IsSealed);
        Assert.Empty(typeof(UnknownPet).GetConstructors());
        Assert.Equal(typeof(Car), typeof(SportsCar).BaseType);
    }

    public static TheoryData<string> VehicleDocuments() => new()
    {
        """{"kind":"vehicle","wheels":4}""",
        """{"kind":"car","wheels":4,"seats":5}""",
        """{"kind":"sports","wheels":4,"topSpeed":300.5}""",
        """{"kind":"sports","wheels":4,"seats":2,"topSpeed":1e3,"unknown":{"a":[1,{"b":null}]}}""",
        """{"kind":"truck","wheels":6,"payload":null}""",
        """{"kind":"truck","payload":12.25,"wheels":6}""",
        """{"kind":"bicycle","wheels":2}""",
        """{"kind":"car","seats":5}""",
        """{"kind":"sports","wheels":"4","topSpeed":1}""",
        """{"kind":"car","wheels":4,"seats":5.5}""",
        """[]""",
        """null""",
    };

    /// <summary>
    /// Where System.Text.Json's own polymorphism can say the same (one value per type, the discriminator first, no
    /// fallback), the generated context reads the same values, writes the same bytes and fails the same way as its
    /// generator's metadata for hand-written copies of the types.
    /// </summary>
    [Theory]
    [MemberData(nameof(VehicleDocuments))]
    public void ReadsWritesAndFailsAsSystemTextJsonsOwnPolymorphism(string json)
    {
        var (ours, ourError) = Attempt(() => JsonSerializer.Deserialize(json, Context.Vehicle));
        var (reference, referenceError) = Attempt(() => JsonSerializer.Deserialize(json, HandWrittenHierarchy.HierarchyReferenceContext.Default.Vehicle));

        AssertSame((ours, ourError), (reference, referenceError));
    }

    /// <summary>The same documents from one-byte segments: the discriminator is looked for ahead across segments.</summary>
    [Theory]
    [MemberData(nameof(VehicleDocuments))]
    public void ReadsTheSameFromOneByteSegments(string json)
    {
        var (ours, ourError) = Attempt(() => Segmented(json, Context.Vehicle));
        var (reference, referenceError) = Attempt(() => Segmented(json, HandWrittenHierarchy.HierarchyReferenceContext.Default.Vehicle));

        AssertSame((ours, ourError), (reference, referenceError));
    }

    private static void AssertSame((Vehicle? Value, Exception? Error) ours, (HandWrittenHierarchy.Vehicle? Value, Exception? Error) reference)
    {
        Assert.Equal(reference.Error?.GetType(), ours.Error?.GetType());
        Assert.Equal((reference.Error as JsonException)?.Path, (ours.Error as JsonException)?.Path);
        Assert.Equal(reference.Value?.GetType().Name, ours.Value?.GetType().Name);
        Assert.Equal(
            JsonSerializer.Serialize(reference.Value!, HandWrittenHierarchy.HierarchyReferenceContext.Default.Vehicle),
            JsonSerializer.Serialize(ours.Value!, Context.Vehicle));
    }

    private static T? Segmented<T>(string json, JsonTypeInfo<T> typeInfo)
    {
        var reader = new Utf8JsonReader(JsonEquivalenceTests.OneByteSegments(Encoding.UTF8.GetBytes(json)));
        return JsonSerializer.Deserialize(ref reader, typeInfo);
    }

    private static (T? Value, Exception? Error) Attempt<T>(Func<T?> read)
    {
        try
        {
            return (read(), null);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            return (default, exception);
        }
    }
}
