using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.Json;
using CelerData.Generated.Tests.Infrastructure;
using Xunit;

namespace CelerData.Generated.Tests.Wire;

/// <summary>What the generated models write and read, decided by the schema: required, nullable, readOnly, writeOnly.</summary>
public sealed class JsonShapeTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: { title: Shapes, version: '1' }
        paths:
          /accounts:
            post:
              operationId: createAccount
              requestBody:
                required: true
                content:
                  application/json:
                    schema: { $ref: '#/components/schemas/Account' }
              responses:
                '200':
                  description: the account
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/Account' }
        components:
          schemas:
            Account:
              type: object
              required: [id, name, password]
              properties:
                id: { type: integer, format: int64, readOnly: true }
                name: { type: string }
                password: { type: string, writeOnly: true }
                nickname: { type: string, nullable: true }
                age: { type: integer }
        """;

    [Fact]
    public void ReadOnlyIsRequiredOnlyWhenReadingAndWriteOnlyOnlyWhenWriting()
    {
        using var client = CompiledClient.Compile(new SpecFile("/shapes.yaml", Spec, "Shapes"));
        var account = client.Type("Account");

        Assert.True(IsRequiredMember(account, "Name"));
        Assert.True(IsRequiredMember(account, "Password"));
        Assert.False(IsRequiredMember(account, "Id"));
        Assert.Equal(typeof(long?), account.GetProperty("Id")!.PropertyType);

        // A server never sends the write-only password, and always sends the read-only id.
        var read = client.Read("""{"id":7,"name":"a"}""", account)!;
        Assert.Equal(7L, account.GetProperty("Id")!.GetValue(read));
        Assert.Null(account.GetProperty("Password")!.GetValue(read));
        var missingId = Assert.Throws<JsonException>(() => client.Read("""{"name":"a","password":"p"}""", account));
        Assert.Contains("'id'", missingId.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnsetPropertiesAreOmittedAndNullIsSentOnlyWhereAllowedAndAsked()
    {
        using var client = CompiledClient.Compile(new SpecFile("/shapes.yaml", Spec, "Shapes"));
        var account = client.Type("Account");

        var minimal = client.Create("Account", new Dictionary<string, object?> { ["Name"] = "a", ["Password"] = "p" });
        Assert.Equal("""{"name":"a","password":"p"}""", client.Write(minimal, account));

        var explicitNull = client.Create("Account", new Dictionary<string, object?> { ["Name"] = "a", ["Password"] = "p", ["Nickname"] = null, ["Age"] = null, ["Id"] = null });
        Assert.Equal("""{"name":"a","password":"p","nickname":null}""", client.Write(explicitNull, account));

        var full = client.Create("Account", new Dictionary<string, object?> { ["Name"] = "a", ["Password"] = "p", ["Nickname"] = "n", ["Age"] = 3L });
        Assert.Equal("""{"name":"a","password":"p","nickname":"n","age":3}""", client.Write(full, account));

        // Reading mirrors it: absent stays unset, an explicit null stays set, unknown properties are ignored.
        Assert.Equal("""{"id":1,"name":"a","password":"p"}""", client.Write(client.Read("""{"id":1,"name":"a","password":"p","unknown":[1,{"x":2}]}""", account), account));
        Assert.Equal("""{"id":1,"name":"a","password":"p","nickname":null}""", client.Write(client.Read("""{"id":1,"name":"a","password":"p","nickname":null}""", account), account));
    }

    [Fact]
    public void AnAllOfWrappingOneNonObjectIsThatTypeAndAMapIsADictionary()
    {
        const string spec = """
            openapi: 3.0.3
            info: { title: Shapes, version: '1' }
            paths: {}
            components:
              schemas:
                ProductCode: { type: string, pattern: '^[A-Z]-[0-9]+$' }
                Tags: { type: array, items: { type: string } }
                Order:
                  type: object
                  required: [code]
                  properties:
                    code:
                      allOf:
                        - $ref: '#/components/schemas/ProductCode'
                        - description: The product's code.
                    tags:
                      allOf: [ { $ref: '#/components/schemas/Tags' } ]
                      nullable: true
                    when: { allOf: [ { type: string, format: date-time }, { nullable: true } ] }
                    counts: { type: object, additionalProperties: { type: integer } }
                    window: { type: string, format: duration }
                    at: { type: string, format: time }
                    link: { type: string, format: uri }
            """;
        using var client = CompiledClient.Compile(new SpecFile("/shapes.yaml", spec, "AllOf"));
        var order = client.Type("Order");

        Assert.Equal(typeof(string), order.GetProperty("Code")!.PropertyType);
        Assert.Equal(typeof(IReadOnlyList<string>), order.GetProperty("Tags")!.PropertyType);
        Assert.Equal(typeof(DateTimeOffset?), order.GetProperty("When")!.PropertyType);
        Assert.Equal(typeof(IReadOnlyDictionary<string, long>), order.GetProperty("Counts")!.PropertyType);
        Assert.Null(client.Assembly.GetType("AllOf.ProductCode"));
        Assert.Null(client.Assembly.GetType("AllOf.Tags"));

        // Values the standards allow that TimeOnly and TimeSpan reject: a time with an offset, an ISO 8601 duration.
        const string json = """{"code":"A-1","tags":["x"],"when":null,"counts":{"a":1},"window":"P1DT2H","at":"14:15:22Z","link":"urn:isbn:0451450523"}""";
        Assert.Equal(json, client.Write(client.Read(json, order), order));
    }

    private static bool IsRequiredMember(System.Type type, string property)
        => type.GetProperty(property)!.GetCustomAttributes(inherit: false).Any(a => a.GetType().Name == nameof(RequiredMemberAttribute));
}
