using System;
using System.Threading;
using System.Threading.Tasks;
using CelerData.Emulator;
using CelerData.Generated.Runtime;

namespace TokenDemo;

/// <summary>Where the demo sends its requests and with which credentials; owns the in-process emulator, if it started one.</summary>
internal sealed class DemoTarget : IAsyncDisposable
{
    private DemoTarget(string description, CelerDataClientOptions options, CelerDataEmulator? emulator)
    {
        Description = description;
        Options = options;
        Emulator = emulator;
    }

    /// <summary>Says where the requests go and whose credentials they carry; never the secret.</summary>
    public string Description { get; }

    /// <summary>The options for <c>CelerDataCloudClient.Create</c>.</summary>
    public CelerDataClientOptions Options { get; }

    /// <summary>The emulator running in this process, or <see langword="null"/> when the demo calls another server.</summary>
    public CelerDataEmulator? Emulator { get; }

    /// <summary>
    /// Picks the target: <paramref name="baseUrl"/> when given, else the real service when the environment holds
    /// credentials, else an emulator started here.
    /// </summary>
    /// <exception cref="DemoUsageException">Only one of the two variables is set, or a non-loopback URL has no credentials.</exception>
    public static async Task<DemoTarget> ResolveAsync(Uri? baseUrl, Uri defaultBaseAddress, CancellationToken cancellationToken)
    {
        var id = Read(CelerDataClientOptions.ClientIdEnvironmentVariable);
        var secret = Read(CelerDataClientOptions.ClientSecretEnvironmentVariable);
        if ((id is null) != (secret is null))
        {
            throw new DemoUsageException(
                "Set both " + CelerDataClientOptions.ClientIdEnvironmentVariable + " and " + CelerDataClientOptions.ClientSecretEnvironmentVariable
                + ", or neither (to use the emulator); only " + (id is null ? CelerDataClientOptions.ClientSecretEnvironmentVariable : CelerDataClientOptions.ClientIdEnvironmentVariable) + " is set.");
        }

        var fromEnvironment = "client " + id + " from " + CelerDataClientOptions.ClientIdEnvironmentVariable + " / " + CelerDataClientOptions.ClientSecretEnvironmentVariable;
        if (baseUrl is not null)
        {
            if (id is not null)
            {
                return new DemoTarget("Calling " + baseUrl + " as " + fromEnvironment + ".", ClientOptions(baseUrl, id, secret!), emulator: null);
            }

            if (!baseUrl.IsLoopback)
            {
                throw new DemoUsageException(
                    baseUrl.Host + " is not a loopback address: set " + CelerDataClientOptions.ClientIdEnvironmentVariable + " and "
                    + CelerDataClientOptions.ClientSecretEnvironmentVariable + " to call it.");
            }

            return new DemoTarget(
                "Calling " + baseUrl + " as the emulator's demo client " + EmulatorClient.DemoClientId + " (no credentials in the environment).",
                ClientOptions(baseUrl, EmulatorClient.DemoClientId, EmulatorClient.DemoClientSecret),
                emulator: null);
        }

        if (id is not null)
        {
            return new DemoTarget("Calling CelerData Cloud at " + defaultBaseAddress + " as " + fromEnvironment + ".", ClientOptions(null, id, secret!), emulator: null);
        }

        var emulator = await CelerDataEmulator.StartAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return new DemoTarget(
            "No credentials in " + CelerDataClientOptions.ClientIdEnvironmentVariable + " / " + CelerDataClientOptions.ClientSecretEnvironmentVariable
            + ": started the CelerData emulator in this process at " + emulator.BaseAddress + " and calling it as its demo client " + emulator.Client.ClientId + ".",
            ClientOptions(emulator.BaseAddress, emulator.Client.ClientId, emulator.Client.ClientSecret),
            emulator);
    }

    /// <summary>Stops the emulator, if the demo started one.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Emulator is not null)
        {
            await Emulator.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static CelerDataClientOptions ClientOptions(Uri? baseAddress, string clientId, string clientSecret) => new()
    {
        BaseAddress = baseAddress,
        ClientId = clientId,
        ClientSecret = clientSecret,
    };

    private static string? Read(string name)
    {
        var value = Environment.GetEnvironmentVariable(name);
        return string.IsNullOrEmpty(value) ? null : value;
    }
}
