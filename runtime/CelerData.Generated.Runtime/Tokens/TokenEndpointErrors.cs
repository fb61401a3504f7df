using System;
using System.Net;
using System.Text.Json;
using Refit;

namespace CelerData.Generated.Runtime;

/// <summary>
/// Maps what the generated token operation threw to the runtime's typed exceptions. The results never wrap Refit's
/// exceptions, which hold the raw response body and the request message: whatever is not recognised becomes a
/// <see cref="CelerDataAuthenticationException"/> that names only the exception's type.
/// </summary>
internal static class TokenEndpointErrors
{
    public static Exception Map(string clientName, Exception exception, TimeProvider timeProvider)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is CelerDataException typed)
            {
                return typed;
            }
        }

        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is TimeoutException)
            {
                return new CelerDataTokenTimeoutException(clientName, null);
            }
        }

        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is OperationCanceledException)
            {
                // The cache's own disposal: nothing waits for the result.
                return new OperationCanceledException("The token cache of " + clientName + " was disposed.");
            }
        }

        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is ApiException api)
            {
                return FromStatus(clientName, api, timeProvider);
            }
        }

        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is JsonException)
            {
                return new CelerDataMalformedTokenResponseException(clientName, MalformedTokenResponseReason.NotJson);
            }
        }

        // Refit wraps a transport failure (refused, reset, DNS, TLS) in ApiRequestException.
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is System.Net.Http.HttpRequestException transport)
            {
                return new CelerDataUnreachableException(clientName, transport);
            }
        }

        return new CelerDataAuthenticationException("The access token of " + clientName + " could not be obtained (" + exception.GetType().Name + ").");
    }

    private static CelerDataException FromStatus(string clientName, ApiException api, TimeProvider timeProvider)
    {
        var status = api.StatusCode;
        var code = (int)status;
        if (code is >= 200 and < 300)
        {
            return new CelerDataMalformedTokenResponseException(clientName, MalformedTokenResponseReason.NotJson, status);
        }

        if (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return new CelerDataInvalidCredentialsException(clientName, status);
        }

        if (status == HttpStatusCode.TooManyRequests)
        {
            var now = timeProvider.GetUtcNow();
            var wait = RetryAfter.Parse(api.Headers, now) ?? RetryAfter.DefaultWait;
            return new CelerDataRateLimitedException(clientName, wait, now + wait, status);
        }

        if (code >= 500)
        {
            return new CelerDataServerErrorException(clientName, status);
        }

        if (code >= 400)
        {
            return new CelerDataBadRequestException(clientName, status);
        }

        return new CelerDataException($"The token endpoint of {clientName} answered with the unexpected status {code}.", status);
    }
}
