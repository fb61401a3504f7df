using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CelerData.Emulator.Internal;

/// <summary>Turns a web application builder into the emulator: addresses, middleware and endpoints.</summary>
internal static class EmulatorApplication
{
    public const string LoggerCategory = "CelerData.Emulator";

    public static (WebApplication App, EmulatorState State) Build(WebApplicationBuilder builder, EmulatorOptions options)
    {
        builder.WebHost.UseUrls([.. EmulatorOptions.SplitUrls(options.Urls)]);
        // ASP.NET Core's request logs print query strings, where a careless client may put a refresh token.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.Configure<Microsoft.Extensions.Hosting.HostOptions>(static host => host.ShutdownTimeout = TimeSpan.FromSeconds(5));

        var app = builder.Build();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(LoggerCategory);
        var state = new EmulatorState(options, logger);

        app.Use((HttpContext context, RequestDelegate next) => ApiMiddleware.InvokeAsync(context, next, state));
        app.MapPost(TokenEndpoint.Path, context => TokenEndpoint.HandleAsync(context, state)).WithName(Operations.CreateAccessToken);
        MapBearer(app, state, "GET", "/api/1.0/clusters", Operations.ListClusters, ResourceEndpoints.ListClustersAsync);
        MapBearer(app, state, "GET", "/api/1.0/clusters/{cluster_id}/state", Operations.GetClusterState, ResourceEndpoints.GetClusterStateAsync);
        MapBearer(app, state, "PATCH", "/api/1.0/clusters/{cluster_id}/suspend", Operations.SuspendCluster, ResourceEndpoints.SuspendClusterAsync);
        MapBearer(app, state, "PATCH", "/api/1.0/clusters/{cluster_id}/resume", Operations.ResumeCluster, ResourceEndpoints.ResumeClusterAsync);
        MapBearer(app, state, "POST", "/api/1.0/clusters/{cluster_id}/deployment-scripts", Operations.DeclareDeploymentScripts, ResourceEndpoints.DeclareDeploymentScriptsAsync);
        MapBearer(app, state, "GET", "/api/1.0/clusters/{cluster_id}/warehouses", Operations.ListWarehouses, ResourceEndpoints.ListWarehousesAsync);
        MapBearer(app, state, "GET", "/api/1.0/clusters/{cluster_id}/infra-action/state", Operations.GetInfraActionState, ResourceEndpoints.GetInfraActionStateAsync);
        MapBearer(app, state, "GET", "/api/1.0/warehouses/{warehouse_id}", Operations.GetWarehouse, ResourceEndpoints.GetWarehouseAsync);
        MapBearer(app, state, "PATCH", "/api/1.0/warehouses/{warehouse_id}/suspend", Operations.SuspendWarehouse, ResourceEndpoints.SuspendWarehouseAsync);
        MapBearer(app, state, "PATCH", "/api/1.0/warehouses/{warehouse_id}/resume", Operations.ResumeWarehouse, ResourceEndpoints.ResumeWarehouseAsync);
        MapBearer(app, state, "POST", "/api/1.0/warehouses/{warehouse_id}/scale-size", Operations.ScaleWarehouseSize, ResourceEndpoints.ScaleWarehouseSizeAsync);
        MapBearer(app, state, "POST", "/api/1.0/warehouses/{warehouse_id}/scale-num", Operations.ScaleWarehouseNum, ResourceEndpoints.ScaleWarehouseNumAsync);
        MapBearer(app, state, "GET", "/api/1.0/usages", Operations.GetAccountUsage, UsageEndpoints.GetAccountUsageAsync);
        MapBearer(app, state, "GET", "/api/1.0/usages/{cluster_id}", Operations.GetClusterUsage, UsageEndpoints.GetClusterUsageAsync);
        MapBearer(app, state, "POST", "/api/1.0/org/cluster/usage", Operations.GetOrganizationClusterUsage, UsageEndpoints.GetOrganizationClusterUsageAsync);
        MapBearer(app, state, "GET", "/api/1.0/bills", Operations.ListBills, UsageEndpoints.ListBillsAsync);
        MapBearer(app, state, "GET", "/api/1.0/accounts", Operations.ListAccounts, UsageEndpoints.ListAccountsAsync);
        app.MapGet(DiagnosticsEndpoints.StatsPath, context => DiagnosticsEndpoints.GetStatsAsync(context, state));
        app.MapPost(DiagnosticsEndpoints.ResetPath, context => DiagnosticsEndpoints.ResetAsync(context, state));
        app.MapGet(DiagnosticsEndpoints.FaultsPath, context => DiagnosticsEndpoints.GetFaultsAsync(context, state));
        app.MapPut(DiagnosticsEndpoints.FaultsPath, context => DiagnosticsEndpoints.SetFaultsAsync(context, state));
        app.MapDelete(DiagnosticsEndpoints.FaultsPath, context => DiagnosticsEndpoints.ClearFaultsAsync(context, state));
        return (app, state);
    }

    /// <summary>Maps a bearer-secured operation, named by its operationId so that faults can target it.</summary>
    private static void MapBearer(WebApplication app, EmulatorState state, string method, string pattern, string operation, Func<HttpContext, EmulatorState, Task> handler) =>
        app.MapMethods(pattern, [method], async context =>
        {
            if (await BearerGuard.TryAuthorizeAsync(context, state, operation))
            {
                await handler(context, state);
            }
        }).WithName(operation);
}
