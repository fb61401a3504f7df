using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace CelerData.Generated.Runtime;

/// <summary>
/// Reads the body of a token response (a request that records <see cref="SecurityRequirement.Basic"/>) into memory,
/// at most <see cref="MaxBytes"/>; a larger body fails with <see cref="CelerDataMalformedTokenResponseException"/>
/// (<see cref="MalformedTokenResponseReason.ResponseTooLarge"/>) without being read further.
/// </summary>
internal sealed class TokenResponseSizeLimitHandler : DelegatingHandler
{
    /// <summary>The largest token response body read: a token response is a few hundred bytes.</summary>
    public const int MaxBytes = 64 * 1024;

    private readonly RequestSecurity _security;
    private readonly string _clientName;

    public TokenResponseSizeLimitHandler(RequestSecurity security, string clientName)
    {
        _security = security;
        _clientName = clientName;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        => _security.Read(request).Authorization == Security.Basic
            ? SendLimitedAsync(request, cancellationToken)
            : base.SendAsync(request, cancellationToken);

    private async Task<HttpResponseMessage> SendLimitedAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            var content = response.Content;
            if (content.Headers.ContentLength > MaxBytes)
            {
                throw TooLarge(response);
            }

            var body = new MemoryStream();
            try
            {
                var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                await using (stream.ConfigureAwait(false))
                {
                    var buffer = new byte[8192];
                    int read;
                    while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                    {
                        if (body.Length + read > MaxBytes)
                        {
                            throw TooLarge(response);
                        }

                        body.Write(buffer, 0, read);
                    }
                }
            }
            catch (Exception exception) when (exception is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
            {
                throw new CelerDataMalformedTokenResponseException(_clientName, MalformedTokenResponseReason.TruncatedBody, response.StatusCode);
            }

            var limited = new ByteArrayContent(body.GetBuffer(), 0, (int)body.Length);
            foreach (var header in content.Headers)
            {
                limited.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            response.Content = limited;
            content.Dispose();
            return response;
        }
        catch (Exception) when (DisposeOf(response))
        {
            throw;
        }
    }

    private CelerDataMalformedTokenResponseException TooLarge(HttpResponseMessage response) =>
        new(_clientName, MalformedTokenResponseReason.ResponseTooLarge, response.StatusCode);

    /// <summary>Disposes the response of a failed read; never catches.</summary>
    private static bool DisposeOf(HttpResponseMessage response)
    {
        response.Dispose();
        return false;
    }
}
