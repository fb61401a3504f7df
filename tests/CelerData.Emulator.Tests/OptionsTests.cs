using System;
using System.Collections.Generic;
using Microsoft.Extensions.Configuration;
using System.Threading.Tasks;
using Xunit;

namespace CelerData.Emulator.Tests;

public sealed class OptionsTests
{
    [Fact]
    public void Defaults_are_valid_and_loopback_with_a_free_port()
    {
        var options = new EmulatorOptions();

        Assert.Empty(options.Validate());
        Assert.Equal("http://127.0.0.1:0", options.Urls);
        Assert.False(options.AllowNonLoopback);
        Assert.Equal(3600, options.ExpiresInSeconds);
        Assert.Equal(600, options.RateLimitPerMinute);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5099")]
    [InlineData("http://127.0.0.2:5099")]
    [InlineData("http://localhost:5099")]
    [InlineData("http://[::1]:5099")]
    [InlineData("http://127.0.0.1:5099;http://[::1]:5099")]
    public void Loopback_addresses_are_accepted(string urls)
    {
        Assert.Empty(new EmulatorOptions { Urls = urls }.Validate());
    }

    [Theory]
    [InlineData("http://0.0.0.0:5099")]
    [InlineData("http://*:5099")]
    [InlineData("http://+:5099")]
    [InlineData("http://[::]:5099")]
    [InlineData("http://10.1.2.3:5099")]
    [InlineData("http://example.com:5099")]
    [InlineData("http://127.0.0.1:5099;http://0.0.0.0:5098")]
    public void Non_loopback_addresses_are_refused_by_default(string urls)
    {
        var errors = new EmulatorOptions { Urls = urls }.Validate();

        Assert.Contains(errors, e => e.Contains("not a loopback address", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("http://0.0.0.0:5099")]
    [InlineData("http://*:5099")]
    public void Non_loopback_addresses_are_accepted_when_allowed(string urls)
    {
        Assert.Empty(new EmulatorOptions { Urls = urls, AllowNonLoopback = true }.Validate());
    }

    [Fact]
    public void Https_and_empty_addresses_are_refused()
    {
        Assert.NotEmpty(new EmulatorOptions { Urls = "https://127.0.0.1:5099" }.Validate());
        Assert.NotEmpty(new EmulatorOptions { Urls = " ; " }.Validate());
    }

    [Fact]
    public void Other_invalid_settings_are_reported()
    {
        var options = new EmulatorOptions { ExpiresInSeconds = 0, RateLimitPerMinute = -1, ClusterId = "" };
        options.Clients.Add(new EmulatorClient("with:colon", ""));

        Assert.Equal(5, options.Validate().Count);
    }

    [Fact]
    public async Task Starting_on_a_non_loopback_address_throws()
    {
        var exception = await Assert.ThrowsAsync<ArgumentException>(() =>
            CelerDataEmulator.StartAsync(new EmulatorOptions { Urls = "http://0.0.0.0:0" }));

        Assert.Contains("loopback", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_in_process_emulator_listens_on_loopback()
    {
        await using var emulator = await CelerDataEmulator.StartAsync();

        Assert.Equal("127.0.0.1", emulator.BaseAddress.Host);
        Assert.NotEqual(0, emulator.BaseAddress.Port);
        Assert.Equal(new Uri(emulator.BaseAddress, "api/1.0/token"), emulator.TokenEndpoint);
        Assert.Equal(EmulatorClient.DemoClientId, emulator.Client.ClientId);
        Assert.Equal(EmulatorClient.DemoClientSecret, emulator.Client.ClientSecret);
    }

    [Fact]
    public void Configuration_binds_every_key()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["urls"] = "http://localhost:6000",
            ["Emulator:AllowNonLoopback"] = "true",
            ["Emulator:Clients:0:ClientId"] = "one",
            ["Emulator:Clients:0:ClientSecret"] = "one-secret",
            ["Emulator:Clients:1:ClientId"] = "two",
            ["Emulator:Clients:1:ClientSecret"] = "two-secret",
            ["Emulator:ExpiresInSeconds"] = "60",
            ["Emulator:RateLimitPerMinute"] = "10",
            ["Emulator:ClusterId"] = "c-1",
            ["Emulator:ClusterName"] = "prod",
            ["Emulator:Faults:Latency"] = "00:00:00.250",
            ["Emulator:Faults:Kind"] = "TooManyRequests",
            ["Emulator:Faults:Count"] = "4",
            ["Emulator:Faults:Rate"] = "0.5",
            ["Emulator:Faults:RetryAfterSeconds"] = "9",
            ["Emulator:Faults:Scope"] = "token",
        }).Build();

        var options = EmulatorOptions.FromConfiguration(configuration);

        Assert.Equal("http://localhost:6000", options.Urls);
        Assert.True(options.AllowNonLoopback);
        Assert.Equal(["one", "two"], [options.Clients[0].ClientId, options.Clients[1].ClientId]);
        Assert.Equal("two-secret", options.Clients[1].ClientSecret);
        Assert.Equal(60, options.ExpiresInSeconds);
        Assert.Equal(10, options.RateLimitPerMinute);
        Assert.Equal("c-1", options.ClusterId);
        Assert.Equal("prod", options.ClusterName);
        Assert.Equal(TimeSpan.FromMilliseconds(250), options.Faults.Latency);
        Assert.Equal(EmulatorFaultKind.TooManyRequests, options.Faults.Kind);
        Assert.Equal(4, options.Faults.Count);
        Assert.Equal(0.5, options.Faults.Rate);
        Assert.Equal(9, options.Faults.RetryAfterSeconds);
        Assert.Equal(EmulatorFaultScope.Token, options.Faults.Scope);
        Assert.Empty(options.Validate());
    }

    [Fact]
    public void Empty_configuration_gives_the_defaults_and_the_given_address()
    {
        var options = EmulatorOptions.FromConfiguration(new ConfigurationBuilder().Build(), EmulatorOptions.DefaultHostUrls);

        Assert.Equal("http://127.0.0.1:5099", options.Urls);
        Assert.Empty(options.Clients);
        Assert.Equal(3600, options.ExpiresInSeconds);
        Assert.Equal(EmulatorFaultKind.None, options.Faults.Kind);
        Assert.Empty(options.Validate());
    }

    [Theory]
    [InlineData("Emulator:ExpiresInSeconds", "soon", "Emulator:ExpiresInSeconds")]
    [InlineData("Emulator:AllowNonLoopback", "yes", "Emulator:AllowNonLoopback")]
    [InlineData("Emulator:Faults:Kind", "Meltdown", "Emulator:Faults:Kind")]
    [InlineData("Emulator:Faults:Kind", "1", "Emulator:Faults:Kind")]
    [InlineData("Emulator:Faults:Latency", "a while", "Emulator:Faults:Latency")]
    [InlineData("Emulator:Faults:Rate", "half", "Emulator:Faults:Rate")]
    public void Unparsable_configuration_values_name_their_key(string key, string value, string expectedKey)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();

        var exception = Assert.Throws<FormatException>(() => EmulatorOptions.FromConfiguration(configuration));

        Assert.StartsWith(expectedKey + " is '" + value + "'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Repeated_client_ids_are_reported()
    {
        var options = new EmulatorOptions();
        options.Clients.Add(new EmulatorClient("same", "one"));
        options.Clients.Add(new EmulatorClient("same", "two"));

        Assert.Contains(options.Validate(), e => e.Contains("repeats", StringComparison.Ordinal));
    }

    [Fact]
    public void A_client_never_shows_its_secret()
    {
        var text = new EmulatorClient("visible-id", "hidden-secret").ToString();

        Assert.Contains("visible-id", text, StringComparison.Ordinal);
        Assert.DoesNotContain("hidden-secret", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_demo_secret_is_40_alphanumeric_characters_and_the_id_a_uuid()
    {
        Assert.Matches("^[A-Za-z0-9]{40}$", EmulatorClient.DemoClientSecret);
        Assert.True(Guid.TryParse(EmulatorClient.DemoClientId, out _));
    }
}
