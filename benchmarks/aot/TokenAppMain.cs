using System;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using CelerData.Emulator;

namespace CelerData.Benchmarks.Aot;

/// <summary>
/// Starts the in-process emulator, gets one token through the app's client and prints the time from process
/// start to the token. Shared, as source, by both apps of the comparison.
/// </summary>
internal static class TokenAppMain
{
    public static async Task<int> RunAsync(string name, Func<HttpClient, Task<string>> getAccessToken)
    {
        await using var emulator = await CelerDataEmulator.StartAsync().ConfigureAwait(false);
        using var http = new HttpClient { BaseAddress = emulator.BaseAddress };
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes(EmulatorClient.DemoClientId + ":" + EmulatorClient.DemoClientSecret));
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", credentials);
        var accessToken = await getAccessToken(http).ConfigureAwait(false);
        var sinceStart = DateTime.Now - Process.GetCurrentProcess().StartTime;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: token of {accessToken.Length} characters, {sinceStart.TotalMilliseconds:0.0} ms after process start"));
        return accessToken.Length > 0 ? 0 : 1;
    }
}
