using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading.Tasks;
using CelerData.Generated.Runtime.Tests.Infrastructure;
using CelerData.Generated.Runtime.Tests.TestApi;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace CelerData.Generated.Runtime.Tests;

/// <summary>
/// Spans and metrics through real <see cref="ActivityListener"/> and <see cref="MeterListener"/>, over the wire. Each
/// test uses a client name of its own, so parallel tests do not mix into its figures.
/// </summary>
public sealed class TelemetryTests
{
    private static async Task<LoopbackServer> ServerAsync(Func<HttpContext, Task>? api = null)
    {
        var server = await LoopbackServer.StartAsync();
        server.Handle = (context, _) => context.Request.Path == "/api/1.0/token"
            ? context.Response.WriteAsync(Secrets.TokenJson())
            : api?.Invoke(context) ?? context.Response.WriteAsync("""{"code":20000}""");
        return server;
    }

    [Theory]
    [InlineData("/api/1.0/token?grant_type=client_credentials", "/api/1.0/token")]
    [InlineData("/tags/{arn}#tagKeys", "/tags/{arn}")]
    [InlineData("/tags/{arn}#tagKeys?keys={keys}", "/tags/{arn}")]
    [InlineData("/items/{id}?view=full#top", "/items/{id}")]
    [InlineData("/api/1.0/clusters", "/api/1.0/clusters")]
    [InlineData("", "")]
    public void A_span_and_a_log_line_name_the_template_without_its_query_or_fragment(string template, string path)
    {
        Assert.Equal(path, TelemetryHandler.PathOf(template));
        using var request = new System.Net.Http.HttpRequestMessage(System.Net.Http.HttpMethod.Get, new Uri(template, UriKind.Relative));
        Assert.Equal(path, RequestSecurity.PathOf(request));
    }

    [Fact]
    public async Task Each_call_is_a_client_span_named_after_its_method_and_path_template_with_the_operationId()
    {
        var name = "Spans" + Guid.NewGuid().ToString("N");
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == CelerDataTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (Equals(activity.GetTagItem("celerdata.client.name"), name))
                {
                    spans.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        await using var server = await ServerAsync(context =>
        {
            context.Response.StatusCode = context.Request.Path == "/api/1.0/echo" ? 500 : 200;
            return context.Response.WriteAsync("""{"code":20000}""");
        });
        var descriptor = TestDescriptor.Create(server.BaseAddress, name: name, operationIds: new Dictionary<string, string>
        {
            ["ListClustersAsync"] = "listClusters",
            ["CreateAccessTokenAsync"] = "createAccessToken",
        });
        using var client = CelerDataClientFactory.Create(descriptor, Secrets.Options(server.BaseAddress));

        await client.Api.ListClustersAsync();
        await Assert.ThrowsAsync<Refit.ApiException>(() => client.Api.EchoAsync(new EchoRequest { Text = "x" }));

        var all = spans.ToArray();
        Assert.Equal(["POST /api/1.0/token", "GET /api/1.0/clusters", "POST /api/1.0/echo"], all.Select(s => s.DisplayName));
        var token = all[0];
        Assert.Equal("createAccessToken", token.GetTagItem("celerdata.operation.id"));
        var list = all[1];
        Assert.Equal(ActivityKind.Client, list.Kind);
        Assert.Equal("GET", list.GetTagItem("http.request.method"));
        Assert.Equal("/api/1.0/clusters", list.GetTagItem("url.template"));
        Assert.Equal("listClusters", list.GetTagItem("celerdata.operation.id"));
        Assert.Equal("ListClustersAsync", list.GetTagItem("code.function.name"));
        Assert.Equal(200, list.GetTagItem("http.response.status_code"));
        Assert.Equal(server.BaseAddress.Port, list.GetTagItem("server.port"));
        Assert.Equal("127.0.0.1", list.GetTagItem("server.address"));
        Assert.Equal(new Uri(server.BaseAddress, "/api/1.0/clusters").ToString(), list.GetTagItem("url.full"));
        Assert.Equal(ActivityStatusCode.Unset, list.Status);
        var echo = all[2];
        Assert.Null(echo.GetTagItem("celerdata.operation.id"));
        Assert.Equal("500", echo.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Error, echo.Status);
        var tagText = string.Join("\n", all.SelectMany(s => s.TagObjects).Select(t => t.Key + "=" + t.Value));
        Assert.DoesNotContain("grant_type", tagText, StringComparison.Ordinal);
        foreach (var secret in Secrets.All)
        {
            Assert.DoesNotContain(secret, tagText, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Metrics_count_token_fetches_by_outcome_cache_hits_429s_and_rate_limit_waits()
    {
        var name = "Metrics" + Guid.NewGuid().ToString("N");
        var measurements = new ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == CelerDataTelemetry.SourceName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var map = new Dictionary<string, object?>();
            foreach (var tag in tags)
            {
                map[tag.Key] = tag.Value;
            }

            if (Equals(map.GetValueOrDefault("celerdata.client.name"), name))
            {
                measurements.Enqueue((instrument.Name, value, map));
            }
        }

        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.Start();
        var tooMany = 0;
        await using var server = await ServerAsync(context =>
        {
            if (System.Threading.Interlocked.Increment(ref tooMany) == 1)
            {
                context.Response.StatusCode = 429;
                context.Response.Headers.RetryAfter = "0";
                return Task.CompletedTask;
            }

            return context.Response.WriteAsync("""{"code":20000}""");
        });
        using var client = CelerDataClientFactory.Create(TestDescriptor.Create(server.BaseAddress, name: name), Secrets.Options(server.BaseAddress));

        for (var i = 0; i < 3; i++)
        {
            await client.Api.ListClustersAsync();
        }

        var all = measurements.ToArray();
        double Sum(string instrument, Func<Dictionary<string, object?>, bool>? where = null) =>
            all.Where(m => m.Instrument == instrument && (where is null || where(m.Tags))).Sum(m => m.Value);
        Assert.Equal(1, Sum("celerdata.token.fetches", t => Equals(t["celerdata.token.outcome"], "success")));
        Assert.Equal(1, Sum("celerdata.token.cache.misses"));
        Assert.Equal(2, Sum("celerdata.token.cache.hits"));
        Assert.Equal(1, Sum("celerdata.http.too_many_requests"));
        Assert.Equal(1, Sum("celerdata.rate_limit.waits", t => Equals(t["celerdata.rate_limit.source"], "server")));
        Assert.Single(all, m => m.Instrument == "celerdata.rate_limit.wait.duration");
    }

    [Fact]
    public async Task Refused_credentials_are_counted_as_such_and_the_backoff_answers_too()
    {
        var name = "Refused" + Guid.NewGuid().ToString("N");
        var outcomes = new ConcurrentQueue<string>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == CelerDataTelemetry.SourceName && instrument.Name == "celerdata.token.fetches")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            string? client = null, outcome = null;
            foreach (var tag in tags)
            {
                client = tag.Key == "celerdata.client.name" ? tag.Value as string : client;
                outcome = tag.Key == "celerdata.token.outcome" ? tag.Value as string : outcome;
            }

            if (client == name && outcome is not null)
            {
                outcomes.Enqueue(outcome);
            }
        });
        listener.Start();
        await using var server = await LoopbackServer.StartAsync();
        server.Handle = (context, _) =>
        {
            context.Response.StatusCode = 401;
            return Task.CompletedTask;
        };
        using var client = CelerDataClientFactory.Create(TestDescriptor.Create(server.BaseAddress, name: name), Secrets.Options(server.BaseAddress));

        await Errors.Find<CelerDataInvalidCredentialsException>(() => client.Api.ListClustersAsync());
        await Errors.Find<CelerDataInvalidCredentialsException>(() => client.Api.ListClustersAsync());

        Assert.Equal(["invalid_credentials", "backoff"], outcomes.ToArray());
    }
}
