using System;
using System.Diagnostics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace CelerData.Generated.Runtime;

/// <summary>
/// The outermost handler: one client span per operation call, retries included, named <c>{method} {path template}</c>
/// (the template Refit records, without its query) and carrying the attributes of the OpenTelemetry HTTP client
/// conventions, the client's name and the operation's operationId. The URL is recorded without its query string;
/// no header is recorded. Requests pass straight through when nothing listens.
/// </summary>
internal sealed class TelemetryHandler : DelegatingHandler
{
    private static readonly HttpRequestOptionsKey<string> PathTemplate = new(Refit.HttpRequestMessageOptions.RelativePathTemplate);
    private static readonly HttpRequestOptionsKey<string> MethodName = new(Refit.HttpRequestMessageOptions.MethodName);
    private readonly string _clientName;
    private readonly OperationNames _operations;

    public TelemetryHandler(string clientName, OperationNames operations)
    {
        _clientName = clientName;
        _operations = operations;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        => Telemetry.Source.HasListeners()
            ? SendTracedAsync(request, cancellationToken)
            : base.SendAsync(request, cancellationToken);

    private async Task<HttpResponseMessage> SendTracedAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var method = request.Method.Method;
        var template = request.Options.TryGetValue(PathTemplate, out var relative) ? PathOf(relative) : null;
        using var activity = Telemetry.Source.StartActivity(template is null ? method : method + " " + template, ActivityKind.Client);
        if (activity is null)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        if (activity.IsAllDataRequested)
        {
            activity.SetTag("http.request.method", method);
            if (request.RequestUri is { IsAbsoluteUri: true } uri)
            {
                activity.SetTag("server.address", uri.Host);
                activity.SetTag("server.port", uri.Port);
                activity.SetTag("url.full", uri.GetLeftPart(UriPartial.Path));
            }

            if (template is not null)
            {
                activity.SetTag("url.template", template);
            }

            activity.SetTag("celerdata.client.name", _clientName);
            if (request.Options.TryGetValue(MethodName, out var name))
            {
                activity.SetTag("code.function.name", name);
                if (_operations.OperationIdOf(name) is { } operationId)
                {
                    activity.SetTag("celerdata.operation.id", operationId);
                }
            }
        }

        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            activity.SetTag("http.response.status_code", status);
            if (status >= 400)
            {
                activity.SetTag("error.type", status.ToString(System.Globalization.CultureInfo.InvariantCulture));
                activity.SetStatus(ActivityStatusCode.Error);
            }

            return response;
        }
        catch (Exception exception)
        {
            activity.SetTag("error.type", exception is OperationCanceledException && cancellationToken.IsCancellationRequested ? "canceled" : exception.GetType().FullName);
            activity.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            throw;
        }
    }

    /// <summary>
    /// The path of a relative template or URI, without its query or fragment (RFC 3986 3.4, 3.5), whichever comes
    /// first: <c>/api/1.0/token?grant_type=x</c> and <c>/tags/{arn}#tagKeys</c> become <c>/api/1.0/token</c> and
    /// <c>/tags/{arn}</c>.
    /// </summary>
    internal static string PathOf(string relative)
    {
        var end = relative.AsSpan().IndexOfAny('?', '#');
        return end < 0 ? relative : relative[..end];
    }
}
