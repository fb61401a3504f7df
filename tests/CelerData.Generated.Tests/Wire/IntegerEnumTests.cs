using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Text.Json;
using System.Threading;
using CelerData.Generated.Tests.Infrastructure;
using Xunit;

namespace CelerData.Generated.Tests.Wire;

/// <summary>
/// An integer enum is open by default like a string enum: a struct around a <c>long</c> whose unlisted values read,
/// compare, print and write back as numbers; EnumStyle="Closed" keeps plain integers.
/// </summary>
public sealed class IntegerEnumTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: { title: Levels, version: "1" }
        paths:
          /tasks/{priority}:
            get:
              operationId: getTask
              parameters:
                - { name: priority, in: path, required: true, schema: { $ref: "#/components/schemas/Priority" } }
                - { name: codes, in: query, schema: { type: array, items: { $ref: "#/components/schemas/Code" } } }
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/Task" }
        components:
          schemas:
            Priority:
              type: integer
              enum: [1, 2, 3, -1]
              x-enum-varnames: [Low, Medium, High, Never]
            Code:
              type: integer
              format: int32
              enum: [0, 200, 404]
            Task:
              type: object
              required: [priority]
              properties:
                priority: { $ref: "#/components/schemas/Priority" }
                code: { $ref: "#/components/schemas/Code" }
        """;

    private static CompiledClient Compile(string enumStyle = "Open")
        => CompiledClient.Compile(new SpecFile("/levels.yaml", Spec, "Levels", Metadata: new Dictionary<string, string> { ["EnumStyle"] = enumStyle }));

    private static object? Property(object value, string name) => value.GetType().GetProperty(name)!.GetValue(value);

    [Fact]
    public void AnUnlistedNumberReadsIsKeptAndWritesBack()
    {
        using var client = Compile();
        var task = client.Read("""{"priority":7,"code":404}""", client.Type("Task"))!;
        var priority = Property(task, "Priority")!;
        Assert.Equal(7L, Property(priority, "Value"));
        Assert.Equal("7", priority.ToString());
        Assert.Equal(false, Property(priority, "IsKnown"));
        Assert.Equal("Unknown", Property(priority, "Known")!.ToString());
        foreach (var listed in new[] { "Low", "Medium", "High", "Never" })
        {
            Assert.NotEqual(StaticMember(client, "Priority", listed), priority);
        }

        var code = Property(task, "Code")!;
        Assert.Equal(StaticMember(client, "Code", "Value404"), code);
        Assert.Equal("Value404", Property(code, "Known")!.ToString());
        Assert.Equal("""{"priority":7,"code":404}""", client.Write(task, client.Type("Task")));
    }

    [Fact]
    public void ListedValuesNamesAndDefault()
    {
        using var client = Compile();
        var never = StaticMember(client, "Priority", "Never");
        Assert.Equal(-1L, Property(never, "Value"));
        Assert.Equal("-1", never.ToString());
        Assert.Equal(never, System.Activator.CreateInstance(client.Type("Priority"), -1L));
        Assert.Equal(never.GetHashCode(), System.Activator.CreateInstance(client.Type("Priority"), -1L)!.GetHashCode());
        Assert.Equal("-1", client.Write(never, client.Type("Priority")));
        // default is 0: a listed value for Code, not for Priority.
        Assert.Equal(true, Property(System.Activator.CreateInstance(client.Type("Code"))!, "IsKnown"));
        Assert.Equal(false, Property(System.Activator.CreateInstance(client.Type("Priority"))!, "IsKnown"));
    }

    [Theory]
    [InlineData("\"3\"")]
    [InlineData("1.5")]
    [InlineData("true")]
    [InlineData("99999999999999999999")]
    public void AnythingButAWholeNumberIsAJsonErrorAtItsPath(string json)
    {
        using var client = Compile();
        var error = Assert.Throws<JsonException>(() => client.Read("{\"priority\":" + json + "}", client.Type("Task")));
        Assert.Equal("$.priority", error.Path);
    }

    [Fact]
    public async Task ParametersGoOutAsTheirNumbers()
    {
        using var client = Compile();
        await using var server = await RecordingServer.StartAsync();
        server.Next = new ScriptedResponse(200, """{"priority":-1}""");
        var api = client.Api(new HttpClient { BaseAddress = server.BaseAddress });
        var codes = System.Array.CreateInstance(client.Type("Code"), 2);
        codes.SetValue(StaticMember(client, "Code", "Value200"), 0);
        codes.SetValue(System.Activator.CreateInstance(client.Type("Code"), 503L), 1);

        var task = (Task)client.ApiInterface.GetMethod("GetTaskAsync")!.Invoke(api, new object?[] { StaticMember(client, "Priority", "Never"), codes, CancellationToken.None })!;
        await task;

        var request = Assert.Single(server.Requests);
        Assert.Equal("/tasks/-1?codes=200&codes=503", request.PathAndQuery);
        var result = task.GetType().GetProperty("Result")!.GetValue(task)!;
        Assert.Equal(StaticMember(client, "Priority", "Never"), Property(result, "Priority"));
    }

    [Fact]
    public void ClosedKeepsPlainIntegers()
    {
        using var client = Compile("Closed");
        Assert.Equal(typeof(long), client.Type("Task").GetProperty("Priority")!.PropertyType);
        Assert.Null(client.Assembly.GetType("Levels.Priority"));
        var task = client.Read("""{"priority":7}""", client.Type("Task"))!;
        Assert.Equal(7L, Property(task, "Priority"));
    }

    private static object StaticMember(CompiledClient client, string type, string member)
        => client.Type(type).GetField(member, BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
}
