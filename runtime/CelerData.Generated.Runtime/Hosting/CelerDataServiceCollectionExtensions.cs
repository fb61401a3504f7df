using System;
using System.Collections.Generic;
using System.Net.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Refit;

namespace CelerData.Generated.Runtime;

/// <summary>Registers generated CelerData clients with <see cref="IServiceCollection"/>.</summary>
public static class CelerDataServiceCollectionExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TApi"/> as a typed client of <see cref="IHttpClientFactory"/> named
    /// <see cref="CelerDataClientDescriptor{TApi}.Name"/>, with its authentication, rate-limit and guard handlers,
    /// and its <see cref="CelerDataTokenCache"/> as a keyed singleton under the same name.
    /// </summary>
    /// <remarks>
    /// Options are read, lowest precedence first, from the environment variables <c>CELERDATA_CLIENT_ID</c>,
    /// <c>CELERDATA_CLIENT_SECRET</c> and <c>CELERDATA_API_KEY</c>, the configuration section <c>CelerData</c>, the client's own section
    /// <c>CelerData:{Name}</c> (both when an <see cref="IConfiguration"/> is registered) and <paramref name="configure"/>;
    /// so two clients can have two credentials. They are validated at start (with a host) or on first use.
    /// A <see cref="TimeProvider"/> and an <see cref="ILoggerFactory"/> are used when registered. The primary
    /// handlers follow no redirect; a credentialed request redirected to another origin by a primary handler set
    /// by the application fails with <see cref="CelerDataForeignOriginException"/>. The clients have none of
    /// <c>IHttpClientFactory</c>'s default logging handlers: their trace records carry request headers (a token, an API
    /// key) unredacted in their structured state; the runtime logs requests itself, without credentials.
    /// </remarks>
    /// <typeparam name="TApi">The generated Refit interface.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="descriptor">The generated description of the client.</param>
    /// <param name="configure">Sets options in code; runs after configuration binding.</param>
    /// <returns>The builder of the API's HTTP client, to add handlers or set the primary handler.</returns>
    public static IHttpClientBuilder AddCelerDataClient<TApi>(
        this IServiceCollection services,
        CelerDataClientDescriptor<TApi> descriptor,
        Action<CelerDataClientOptions>? configure = null)
        where TApi : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(descriptor);
        descriptor.Validate();
        var name = descriptor.Name;

        // One set of Refit settings (the context's serializer with the runtime's reply reader) for every client this
        // registration makes: typed API clients and the token fetches.
        var settings = CelerDataRefitSettings.For(descriptor.JsonContext);

        services.AddOptions<CelerDataClientOptions>(name)
            .Configure(EnvironmentCredentials.FillMissing)
            .Configure<IServiceProvider>((options, provider) =>
            {
                if (provider.GetService<IConfiguration>() is { } configuration)
                {
                    var shared = configuration.GetSection(CelerDataClientOptions.ConfigurationSectionName);
                    shared.Bind(options);
                    shared.GetSection(name).Bind(options);
                }
            })
            .Configure(options => configure?.Invoke(options))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<CelerDataClientOptions>>(new CelerDataClientOptionsValidator(name, descriptor.UsesClientCredentials));
        services.TryAddKeyedSingleton(name, (provider, _) => CreateRuntime(provider, descriptor, settings));
        if (descriptor.FetchToken is not null)
        {
            services.TryAddKeyedSingleton(name, static (provider, key) =>
                provider.GetRequiredKeyedService<CelerDataClientRuntime>(key).TokenCache!);
        }

        var tokenClient = services.AddHttpClient(descriptor.TokenClientName, (provider, client) => client.BaseAddress = Runtime(provider, name).BaseAddress);
        tokenClient.ConfigurePrimaryHttpMessageHandler(static (primary, _) => HandlerPipeline.RefuseRedirects(primary));
        tokenClient.RemoveAllLoggers();
        AddHandlers(tokenClient, name, HandlerPipeline.Token);

        var apiClient = services.AddHttpClient(name, (provider, client) => client.BaseAddress = Runtime(provider, name).BaseAddress);
        apiClient.AddTypedClient(httpClient => RestService.ForGenerated<TApi>(httpClient, settings));
        apiClient.ConfigurePrimaryHttpMessageHandler(static (primary, _) => HandlerPipeline.RefuseRedirects(primary));
        apiClient.RemoveAllLoggers();
        AddHandlers(apiClient, name, HandlerPipeline.Api);
        return apiClient;
    }

    private static void AddHandlers(
        IHttpClientBuilder builder,
        string name,
        IReadOnlyList<Func<CelerDataClientRuntime, DelegatingHandler>> pipeline)
    {
        foreach (var create in pipeline)
        {
            builder.AddHttpMessageHandler(provider => create(Runtime(provider, name)));
        }
    }

    private static CelerDataClientRuntime Runtime(IServiceProvider provider, string name) =>
        provider.GetRequiredKeyedService<CelerDataClientRuntime>(name);

    private static CelerDataClientRuntime CreateRuntime<TApi>(IServiceProvider provider, CelerDataClientDescriptor<TApi> descriptor, RefitSettings settings)
        where TApi : class
    {
        var options = provider.GetRequiredService<IOptionsMonitor<CelerDataClientOptions>>().Get(descriptor.Name).Clone();
        var baseAddress = options.BaseAddress ?? descriptor.DefaultBaseAddress;
        TransportSecurity.EnsureSecure(baseAddress, descriptor.Name);
        var factory = provider.GetRequiredService<IHttpClientFactory>();
        var fetch = descriptor.FetchToken;
        return new CelerDataClientRuntime(
            descriptor.Name,
            baseAddress,
            descriptor.TokenRequestsPerMinute,
            options,
            provider.GetService<TimeProvider>() ?? TimeProvider.System,
            provider.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance,
            fetch is null ? null : cancellationToken =>
            {
                var api = RestService.ForGenerated<TApi>(factory.CreateClient(descriptor.TokenClientName), settings);
                return fetch(api, cancellationToken);
            },
            descriptor.SecurityRequirements,
            provider.GetKeyedService<DistributedTokenStore>(descriptor.Name),
            descriptor.OperationIds,
            descriptor.ApiKeySchemes);
    }
}
