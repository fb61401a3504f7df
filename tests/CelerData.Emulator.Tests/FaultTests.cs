using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace CelerData.Emulator.Tests;

public sealed class FaultTests
{
    [Fact]
    public async Task Latency_holds_each_response_until_the_time_has_passed()
    {
        var time = new FakeTimeProvider();
        await using var session = await EmulatorSession.StartAsync(new EmulatorOptions
        {
            TimeProvider = time,
            Faults = new EmulatorFaultOptions { Latency = TimeSpan.FromSeconds(5) },
        });

        var pending = session.RequestTokenAsync();
        await Task.Delay(300);
        Assert.False(pending.IsCompleted);
        while (!pending.IsCompleted)
        {
            time.Advance(TimeSpan.FromSeconds(5));
            await Task.WhenAny(pending, Task.Delay(50));
        }

        using var response = await pending;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Latency_on_the_real_clock_delays_by_at_least_the_setting()
    {
        await using var session = await EmulatorSession.StartAsync();
        session.Emulator.SetFaults(new EmulatorFaultOptions { Latency = TimeSpan.FromMilliseconds(400) });
        var started = DateTime.UtcNow;

        using var response = await session.RequestTokenAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromMilliseconds(380));
    }

    [Fact]
    public async Task Server_errors_on_every_response()
    {
        await using var session = await EmulatorSession.StartAsync(new EmulatorOptions { Faults = new EmulatorFaultOptions { Kind = EmulatorFaultKind.ServerError } });

        for (var i = 0; i < 3; i++)
        {
            using var response = await session.RequestTokenAsync();
            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(50000, json.RootElement.GetProperty("code").GetInt32());
        }
    }

    [Fact]
    public async Task Server_errors_on_the_next_N_responses_then_normal()
    {
        await using var session = await EmulatorSession.StartAsync();
        session.Emulator.SetFaults(new EmulatorFaultOptions { Kind = EmulatorFaultKind.ServerError, Count = 2 });

        using var first = await session.RequestTokenAsync();
        Assert.Equal(1, session.Emulator.Faults.Count);
        using var second = await session.RequestTokenAsync();
        using var third = await session.RequestTokenAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, first.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.Equal(0, session.Emulator.Faults.Count);
    }

    [Fact]
    public async Task Server_errors_on_a_fraction_of_responses()
    {
        await using var session = await EmulatorSession.StartAsync(new EmulatorOptions { RateLimitPerMinute = 0 });
        session.Emulator.SetFaults(new EmulatorFaultOptions { Kind = EmulatorFaultKind.ServerError, Rate = 0.5 });

        var errors = 0;
        for (var i = 0; i < 200; i++)
        {
            using var response = await session.RequestTokenAsync();
            errors += response.StatusCode == HttpStatusCode.InternalServerError ? 1 : 0;
        }

        // Binomial(200, 0.5): outside 50..150 has a probability far below 1e-12.
        Assert.InRange(errors, 50, 150);
    }

    [Fact]
    public async Task A_rate_of_zero_injects_nothing()
    {
        await using var session = await EmulatorSession.StartAsync();
        session.Emulator.SetFaults(new EmulatorFaultOptions { Kind = EmulatorFaultKind.ServerError, Rate = 0 });

        for (var i = 0; i < 20; i++)
        {
            using var response = await session.RequestTokenAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task Malformed_json_is_a_200_whose_body_does_not_parse()
    {
        await using var session = await EmulatorSession.StartAsync();
        session.Emulator.SetFaults(new EmulatorFaultOptions { Kind = EmulatorFaultKind.MalformedJson, Count = 1 });

        using var response = await session.RequestTokenAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(body));
    }

    [Fact]
    public async Task Truncated_body_declares_more_than_it_sends_and_the_read_fails()
    {
        await using var session = await EmulatorSession.StartAsync();
        session.Emulator.SetFaults(new EmulatorFaultOptions { Kind = EmulatorFaultKind.TruncatedBody, Count = 1 });

        using var response = await session.Http.SendAsync(
            EmulatorSession.TokenRequest(EmulatorSession.Basic(EmulatorClient.Demo)),
            HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var declared = response.Content.Headers.ContentLength;
        var exception = await Record.ExceptionAsync(() => response.Content.ReadAsByteArrayAsync());

        Assert.True(declared > 0);
        Assert.True(exception is HttpRequestException or IOException, exception?.ToString() ?? "The body was read in full.");
        using var next = await session.RequestTokenAsync();
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task Html_error_page_is_a_200_with_text_html()
    {
        await using var session = await EmulatorSession.StartAsync();
        session.Emulator.SetFaults(new EmulatorFaultOptions { Kind = EmulatorFaultKind.HtmlErrorPage });

        using var response = await session.RequestTokenAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<!DOCTYPE html>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_429_storm_hits_the_next_N_token_requests_with_Retry_After()
    {
        await using var session = await EmulatorSession.StartAsync();
        var (accessToken, _, _) = await session.GetTokenAsync();
        session.Emulator.SetFaults(new EmulatorFaultOptions
        {
            Kind = EmulatorFaultKind.TooManyRequests,
            Count = 3,
            RetryAfterSeconds = 7,
            Scope = EmulatorFaultScope.Token,
        });

        for (var i = 0; i < 3; i++)
        {
            using var limited = await session.RequestTokenAsync();
            Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(7), limited.Headers.RetryAfter?.Delta);
            using var clusters = await session.GetWithBearerAsync("api/1.0/clusters", accessToken);
            Assert.Equal(HttpStatusCode.OK, clusters.StatusCode);
        }

        using var recovered = await session.RequestTokenAsync();
        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
    }

    [Fact]
    public async Task Resources_scope_leaves_the_token_endpoint_alone()
    {
        await using var session = await EmulatorSession.StartAsync();
        session.Emulator.SetFaults(new EmulatorFaultOptions { Kind = EmulatorFaultKind.ServerError, Scope = EmulatorFaultScope.Resources });

        var (accessToken, _, _) = await session.GetTokenAsync();
        using var clusters = await session.GetWithBearerAsync("api/1.0/clusters", accessToken);

        Assert.Equal(HttpStatusCode.InternalServerError, clusters.StatusCode);
    }

    [Fact]
    public async Task Connection_reset_aborts_before_any_response()
    {
        await using var session = await EmulatorSession.StartAsync();
        session.Emulator.SetFaults(new EmulatorFaultOptions { Kind = EmulatorFaultKind.ConnectionReset, Count = 1 });

        await Assert.ThrowsAsync<HttpRequestException>(() => session.RequestTokenAsync());

        using var next = await session.RequestTokenAsync();
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task Diagnostics_endpoints_are_never_faulted()
    {
        await using var session = await EmulatorSession.StartAsync();
        session.Emulator.SetFaults(new EmulatorFaultOptions { Kind = EmulatorFaultKind.ConnectionReset });

        using var stats = await session.Http.GetAsync("_emulator/stats");

        Assert.Equal(HttpStatusCode.OK, stats.StatusCode);
    }

    [Fact]
    public async Task Faults_are_switched_through_the_diagnostics_endpoint()
    {
        await using var session = await EmulatorSession.StartAsync();

        using var set = await session.Http.PutAsync(
            "_emulator/faults",
            new StringContent("""{"kind":"ServerError","count":2,"scope":"Token"}""", Encoding.UTF8, "application/json"));
        using var first = await session.RequestTokenAsync();
        using var current = JsonDocument.Parse(await session.Http.GetStringAsync("_emulator/faults"));
        using var cleared = await session.Http.DeleteAsync("_emulator/faults");
        using var afterClear = await session.RequestTokenAsync();

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, first.StatusCode);
        Assert.Equal("ServerError", current.RootElement.GetProperty("kind").GetString());
        Assert.Equal(1, current.RootElement.GetProperty("count").GetInt32());
        Assert.Equal(HttpStatusCode.NoContent, cleared.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterClear.StatusCode);
        Assert.Equal(EmulatorFaultKind.None, session.Emulator.Faults.Kind);
    }

    [Theory]
    [InlineData("""{"kind":"ServerError","rate":2}""")]
    [InlineData("""{"kind":"Meltdown"}""")]
    [InlineData("not json")]
    [InlineData("""{"count":-1}""")]
    public async Task Invalid_faults_on_the_diagnostics_endpoint_are_400_and_change_nothing(string body)
    {
        await using var session = await EmulatorSession.StartAsync();

        using var response = await session.Http.PutAsync("_emulator/faults", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(EmulatorFaultKind.None, session.Emulator.Faults.Kind);
        Assert.Null(session.Emulator.Faults.Count);
    }

    [Fact]
    public async Task Set_faults_rejects_invalid_options()
    {
        await using var session = await EmulatorSession.StartAsync();

        Assert.Throws<ArgumentException>(() => session.Emulator.SetFaults(new EmulatorFaultOptions { Latency = TimeSpan.FromSeconds(-1) }));
        Assert.Equal(TimeSpan.Zero, session.Emulator.Faults.Latency);
    }
}
