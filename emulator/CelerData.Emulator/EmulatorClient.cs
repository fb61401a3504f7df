namespace CelerData.Emulator;

/// <summary>
/// A client (application key) that the emulator accepts on its token endpoint.
/// </summary>
/// <remarks><see cref="ToString"/> shows the client ID only, never the secret.</remarks>
public sealed class EmulatorClient
{
    /// <summary>The client ID of the well-known demo client, used when no clients are configured.</summary>
    public const string DemoClientId = "c3e1da7a-e3a1-4d00-8000-000000000001";

    /// <summary>
    /// The secret of the well-known demo client. It is public on purpose: the emulator is for
    /// local tests only and prints it at start.
    /// </summary>
    public const string DemoClientSecret = "EmulatorDemoSecret0123456789abcdefABCDEF";

    /// <summary>Creates an empty client, for configuration binding.</summary>
    public EmulatorClient()
    {
    }

    /// <summary>Creates a client with the given credentials.</summary>
    /// <param name="clientId">The client ID.</param>
    /// <param name="clientSecret">The client secret.</param>
    public EmulatorClient(string clientId, string clientSecret)
    {
        ClientId = clientId;
        ClientSecret = clientSecret;
    }

    /// <summary>The well-known demo client (<see cref="DemoClientId"/>, <see cref="DemoClientSecret"/>).</summary>
    public static EmulatorClient Demo => new(DemoClientId, DemoClientSecret);

    /// <summary>The client ID, sent as the user name of the Basic credentials.</summary>
    public string ClientId { get; set; } = string.Empty;

    /// <summary>The client secret, sent as the password of the Basic credentials.</summary>
    public string ClientSecret { get; set; } = string.Empty;

    /// <inheritdoc />
    public override string ToString() => $"EmulatorClient {{ ClientId = {ClientId} }}";
}
