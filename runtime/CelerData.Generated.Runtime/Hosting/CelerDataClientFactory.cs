using System;
using System.Net.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Refit;

namespace CelerData.Generated.Runtime;

/// <summary>Creates a client without dependency injection, for small console applications.</summary>
public static class CelerDataClientFactory
{
    /// <summary>
    /// Creates a client with the same handlers as <see cref="CelerDataServiceCollectionExtensions.AddCelerDataClient{TApi}"/>.
    /// A client ID, secret or API key missing from <paramref name="options"/> is read from <c>CELERDATA_CLIENT_ID</c>,
    /// <c>CELERDATA_CLIENT_SECRET</c> or <c>CELERDATA_API_KEY</c>.
    /// </summary>
    /// <typeparam name="TApi">The generated Refit interface.</typeparam>
    /// <param name="descriptor">The generated description of the client.</param>
    /// <param name="options">The options; copied, so later changes have no effect.</param>
    /// <returns>The client, which the caller disposes.</returns>
    /// <exception cref="OptionsValidationException">The options are not valid.</exception>
    public static CelerDataClient<TApi> Create<TApi>(CelerDataClientDescriptor<TApi> descriptor, CelerDataClientOptions options)
        where TApi : class
        => Create(descriptor, options, primaryHandler: null, timeProvider: null, loggerFactory: null);

    /// <summary>Creates a client over a given primary handler, clock and logger factory.</summary>
    /// <typeparam name="TApi">The generated Refit interface.</typeparam>
    /// <param name="descriptor">The generated description of the client.</param>
    /// <param name="options">The options; copied, so later changes have no effect.</param>
    /// <param name="primaryHandler">
    /// The handler that sends requests; when <see langword="null"/>, a new <see cref="SocketsHttpHandler"/> that follows
    /// no redirect. The client disposes it. Whatever it does, a credentialed request it redirects to another origin
    /// fails with <see cref="CelerDataForeignOriginException"/> and is never retried there.
    /// </param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="loggerFactory">The logger factory; no logging when <see langword="null"/>.</param>
    /// <returns>The client, which the caller disposes.</returns>
    /// <exception cref="OptionsValidationException">The options are not valid.</exception>
    public static CelerDataClient<TApi> Create<TApi>(
        CelerDataClientDescriptor<TApi> descriptor,
        CelerDataClientOptions options,
        HttpMessageHandler? primaryHandler,
        TimeProvider? timeProvider = null,
        ILoggerFactory? loggerFactory = null)
        where TApi : class
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        ArgumentNullException.ThrowIfNull(options);
        descriptor.Validate();
        var copy = options.Clone();
        EnvironmentCredentials.FillMissing(copy);
        var failures = CelerDataClientOptionsValidator.Check(copy, descriptor.Name, descriptor.UsesClientCredentials);
        if (failures.Count > 0)
        {
            throw new OptionsValidationException(descriptor.Name, typeof(CelerDataClientOptions), failures);
        }

        var baseAddress = copy.BaseAddress ?? descriptor.DefaultBaseAddress;
        TransportSecurity.EnsureSecure(baseAddress, descriptor.Name);
        var primary = primaryHandler ?? HandlerPipeline.CreatePrimary();

        TApi? tokenApi = null;
        var fetch = descriptor.FetchToken;
        var runtime = new CelerDataClientRuntime(
            descriptor.Name,
            baseAddress,
            descriptor.TokenRequestsPerMinute,
            copy,
            timeProvider ?? TimeProvider.System,
            loggerFactory ?? NullLoggerFactory.Instance,
            fetch is null ? null : cancellationToken => fetch(tokenApi!, cancellationToken),
            descriptor.SecurityRequirements,
            sharedTokens: null,
            descriptor.OperationIds,
            descriptor.ApiKeySchemes);

        // Both chains end in the same primary handler, which each chain would dispose; disposal is idempotent.
        var tokenHttpClient = new HttpClient(HandlerPipeline.Build(HandlerPipeline.Token, runtime, primary)) { BaseAddress = baseAddress };
        var apiHttpClient = new HttpClient(HandlerPipeline.Build(HandlerPipeline.Api, runtime, primary)) { BaseAddress = baseAddress };
        var settings = CelerDataRefitSettings.For(descriptor.JsonContext);
        tokenApi = RestService.ForGenerated<TApi>(tokenHttpClient, settings);
        var api = RestService.ForGenerated<TApi>(apiHttpClient, settings);
        return new CelerDataClient<TApi>(api, apiHttpClient, tokenHttpClient, runtime);
    }
}
