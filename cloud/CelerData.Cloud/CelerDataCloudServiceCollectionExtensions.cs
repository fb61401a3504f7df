using System;
using CelerData.Generated.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace CelerData.Cloud;

public static partial class CelerDataCloudServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ICelerDataCloudApi"/> (its extensions in <see cref="CelerDataCloudApiExtensions"/> come with it)
    /// as a typed client through IHttpClientFactory, with options bound from the <c>CelerData</c> configuration section and
    /// the CELERDATA_CLIENT_ID / CELERDATA_CLIENT_SECRET environment variables; the same as <see cref="AddCelerDataCloudClient"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Adjusts the options after binding.</param>
    /// <returns>The HTTP client builder, to add handlers or a shared token cache.</returns>
    public static IHttpClientBuilder AddCelerDataCloud(this IServiceCollection services, Action<CelerDataClientOptions>? configure = null) =>
        AddCelerDataCloudClient(services, configure);
}
