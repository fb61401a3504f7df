using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using CelerData.Generated.Runtime;
using CelerData.Generated.Tests.Infrastructure;
using CelerData.Generated.Tests.Wire;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CelerData.Generated.Tests.Client;

/// <summary>
/// x-response-envelope on a held-out spec (status/error/result, success codes 0 and 1, not-found 404) against a real
/// loopback server: success gives the data, any other code a typed exception with the code, the server's message, the
/// HTTP status and the operation, whatever the HTTP status was.
/// </summary>
public sealed class EnvelopeTests : IAsyncLifetime
{
    private static readonly string SpecPath = Path.Combine(RepositoryPaths.TestProject, "Specs", "envelope.openapi.yaml");

    private CompiledClient _client = null!;
    private RecordingServer _server = null!;
    private object _api = null!;

    public async Task InitializeAsync()
    {
        _client = CompiledClient.Compile(GeneratorHarness.LoadSpec(SpecPath, "Envelopes"));
        _server = await RecordingServer.StartAsync();
        var settings = new Refit.RefitSettings(new Refit.SystemTextJsonContentSerializer(_client.JsonContext.Options));
        _api = Refit.RestService.ForGenerated(_client.ApiInterface, new HttpClient { BaseAddress = _server.BaseAddress }, settings);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _client.Dispose();
    }

    [Fact]
    public void MethodsReturnTheDataTypeOrTheEnvelopeWhereItIsKept()
    {
        Assert.Equal(Task(_client.Type("Order")), Method("GetOrderAsync").ReturnType);
        Assert.Equal(typeof(Task), Method("CancelOrderAsync").ReturnType);
        Assert.Equal(Task(_client.Type("OrderEnvelope")), Method("ListOrdersRawAsync").ReturnType);
        Assert.Equal(Task(typeof(int)), Method("GetVersionAsync").ReturnType);
        var count = Method("CountOrdersAsync").ReturnType.GetGenericArguments().Single();
        Assert.Equal(_client.Namespace, count.Namespace);
        Assert.NotNull(count.GetProperty("Count"));
    }

    [Theory]
    [InlineData("""{"status":0,"result":{"id":"a1","total":2.5}}""")]
    [InlineData("""{"status":1,"error":null,"result":{"id":"a1"},"extra":true}""")]
    public async Task ASuccessCodeGivesTheData(string body)
    {
        _server.Next = new ScriptedResponse(200, body);

        var order = await Call("GetOrderAsync", "a1");

        Assert.Equal("a1", order!.GetType().GetProperty("Id")!.GetValue(order));
        Assert.Equal("/orders/a1", Assert.Single(_server.Requests).PathAndQuery);
    }

    [Fact]
    public async Task ANotFoundCodeSentWithHttp200IsATypedNotFound()
    {
        _server.Next = new ScriptedResponse(200, """{"status":404,"error":"no order a1"}""");

        var error = await Assert.ThrowsAsync<CelerDataNotFoundException>(() => Call("GetOrderAsync", "a1"));

        Assert.True(error.IsNotFound);
        Assert.Equal(404, error.Code);
        Assert.Equal("no order a1", error.ServerMessage);
        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.Equal("getOrder", error.OperationId);
        Assert.Contains("getOrder failed with code 404 (HTTP 200): no order a1", error.Message, StringComparison.Ordinal);
        Assert.Null(error.InnerException);
    }

    [Fact]
    public async Task AnyOtherCodeIsATypedFailure()
    {
        _server.Next = new ScriptedResponse(200, """{"status":50010,"error":"the warehouse is busy"}""");

        var error = await Assert.ThrowsAsync<CelerDataApiException>(() => Call("GetOrderAsync", "a1"));

        Assert.IsNotType<CelerDataNotFoundException>(error);
        Assert.False(error.IsNotFound);
        Assert.Equal(50010, error.Code);
        Assert.Equal("the warehouse is busy", error.ServerMessage);
    }

    [Fact]
    public async Task AnEnvelopeSentWithAnErrorStatusIsReadToo()
    {
        _server.Next = new ScriptedResponse(404, """{"status":404,"error":"gone"}""");

        var error = await Assert.ThrowsAsync<CelerDataNotFoundException>(() => Call("GetOrderAsync", "a1"));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("gone", error.ServerMessage);
    }

    [Fact]
    public async Task AnErrorStatusWithoutAnEnvelopeStaysRefitsError()
    {
        _server.Next = new ScriptedResponse(502, "<html>bad gateway</html>", "text/html");

        var error = await Assert.ThrowsAsync<Refit.ApiException>(() => Call("GetOrderAsync", "a1"));

        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
    }

    [Fact]
    public async Task AnErrorStatusWithASuccessCodeIsNotData()
    {
        _server.Next = new ScriptedResponse(500, """{"status":0,"result":{"id":"a1"}}""");

        await Assert.ThrowsAsync<Refit.ApiException>(() => Call("GetOrderAsync", "a1"));
    }

    [Fact]
    public async Task ASuccessCodeWithoutTheDataIsATypedFailure()
    {
        _server.Next = new ScriptedResponse(200, """{"status":0}""");

        var error = await Assert.ThrowsAsync<CelerDataApiException>(() => Call("GetOrderAsync", "a1"));

        Assert.Null(error.Code);
        Assert.Contains("without its data", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEnvelopeWithoutDataCompletesOrThrows()
    {
        _server.Next = new ScriptedResponse(200, """{"status":1}""");
        Assert.Null(await Call("CancelOrderAsync", "a1"));

        _server.Next = new ScriptedResponse(200, """{"status":3,"error":"already shipped"}""");
        var error = await Assert.ThrowsAsync<CelerDataApiException>(() => Call("CancelOrderAsync", "a1"));
        Assert.Equal(3, error.Code);
        Assert.Equal("cancelOrder", error.OperationId);
    }

    [Fact]
    public async Task AnEnvelopedOperationSendsItsParametersByTheDescriptionsRules()
    {
        var state = _client.Type("OrderState");
        _server.Next = new ScriptedResponse(200, """{"status":0,"result":{"count":3}}""");
        var since = new DateTimeOffset(2024, 1, 15, 10, 30, 0, TimeSpan.FromHours(2));

        var count = await Call("CountOrdersAsync", true, since, _client.Read("\"in-transit\"", state)!, _client.Read("\"returned\"", state)!);

        Assert.Equal(3, count!.GetType().GetProperty("Count")!.GetValue(count));
        var request = Assert.Single(_server.Requests);
        Assert.Equal("/count?open=true&since=2024-01-15T10%3A30%3A00%2B02%3A00&state=in-transit", request.PathAndQuery);
        Assert.Equal("returned", request.Headers["X-Order-State"]);
    }

    [Fact]
    public async Task AnOperationThatOptsOutKeepsTheEnvelope()
    {
        _server.Next = new ScriptedResponse(200, """{"status":404,"error":"none"}""");

        var envelope = await Call("ListOrdersRawAsync");

        Assert.Equal(404, envelope!.GetType().GetProperty("Status")!.GetValue(envelope));
    }

    [Fact]
    public async Task AnOperationsOwnDeclarationWinsAndValueDataIsReturned()
    {
        _server.Next = new ScriptedResponse(200, """{"code":200,"value":42}""");
        Assert.Equal(42, await Call("GetVersionAsync"));

        _server.Next = new ScriptedResponse(200, """{"code":0,"value":42}""");
        var error = await Assert.ThrowsAsync<CelerDataApiException>(() => Call("GetVersionAsync"));
        Assert.Equal(0, error.Code);
        Assert.Null(error.ServerMessage);
    }

    [Fact]
    public void WithoutTheRuntimeTheMethodsKeepTheEnvelopesAndTheBuildSaysWhy()
    {
        var references = GeneratorHarness.References.Where(r => !(r.Display ?? string.Empty).Contains("CelerData.Generated.Runtime", StringComparison.Ordinal)).ToList();

        var result = GeneratorHarness.Run(references, GeneratorHarness.ParseOptions, GeneratorHarness.LoadSpec(SpecPath, "Envelopes"));

        var diagnostic = Assert.Single(result.Diagnostics("CDG0040"));
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Empty(result.CompilationProblems());
        var api = result.Sources.Single(s => s.HintName.EndsWith(".Api.g.cs", StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("Task<global::Envelopes.OrderEnvelope> GetOrderAsync(", api, StringComparison.Ordinal);
    }

    private static System.Type Task(System.Type result) => typeof(Task<>).MakeGenericType(result);

    private MethodInfo Method(string name) => _client.ApiInterface.GetMethod(name)!;

    private async Task<object?> Call(string method, params object[] arguments)
    {
        var info = Method(method);
        var task = (Task)info.Invoke(_api, arguments.Append(CancellationToken.None).ToArray())!;
        await task;
        return info.ReturnType.IsGenericType ? info.ReturnType.GetProperty("Result")!.GetValue(task) : null;
    }
}
