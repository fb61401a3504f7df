using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Bench.GitHub;
using CelerData.Generated.Runtime;

// GitHub's whole client under Native AOT (tools/bigspec/aot.sh): a JSON round trip through the generated context, then
// a call through the generated implementation to a loopback server that answers 404 with GitHub's error body, which
// must arrive as Refit's ApiException with that status. Exit code 0 only when both behave.
const string License = """{"key":"mit","name":"MIT License","url":"https://api.github.com/licenses/mit","spdx_id":"MIT","node_id":"MDc6TGljZW5zZTEz"}""";
var license = JsonSerializer.Deserialize(License, GitHubJsonContext.Default.LicenseSimple)!;
var written = JsonSerializer.Serialize(license, GitHubJsonContext.Default.LicenseSimple);
var roundTrip = license.SpdxId == "MIT" && written == License;
Console.WriteLine("JSON round trip: " + (roundTrip ? "the same bytes" : "different: " + written));

var listener = new TcpListener(IPAddress.Loopback, 0);
listener.Start();
var requestLine = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
_ = Task.Run(async () =>
{
    using var socket = await listener.AcceptSocketAsync();
    var buffer = new byte[16384];
    var read = await socket.ReceiveAsync(buffer);
    requestLine.TrySetResult(Encoding.ASCII.GetString(buffer, 0, read).Split("\r\n")[0]);
    const string Body = """{"message":"Not Found","documentation_url":"https://docs.github.com/rest"}""";
    var response = "HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nContent-Length: " + Body.Length + "\r\nConnection: close\r\n\r\n" + Body;
    await socket.SendAsync(Encoding.ASCII.GetBytes(response));
    socket.Shutdown(SocketShutdown.Both);
});

var port = ((IPEndPoint)listener.LocalEndpoint).Port;
var client = GitHubClient.Create(new CelerDataClientOptions { BaseAddress = new Uri("http://127.0.0.1:" + port + "/") });
var call = false;
try
{
    var repository = await client.Api.ReposGetAsync("octocat", "hello-world");
    Console.WriteLine("call: unexpected success, " + repository.FullName);
}
catch (Refit.ApiException exception) when (exception.StatusCode == HttpStatusCode.NotFound)
{
    var line = await requestLine.Task;
    call = line == "GET /repos/octocat/hello-world HTTP/1.1";
    Console.WriteLine("call: " + line + " -> " + (int)exception.StatusCode + " as " + exception.GetType().Name);
}

return roundTrip && call ? 0 : 1;
