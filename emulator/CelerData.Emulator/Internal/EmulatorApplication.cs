using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
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
        app.MapPost(TokenEndpoint.Path, context => TokenEndpoint.HandleAsync(context, state));
        app.MapGet(ClusterEndpoints.ListPath, context => ClusterEndpoints.ListAsync(context, state));
        app.MapGet(ClusterEndpoints.StatePath, context => ClusterEndpoints.StateAsync(context, state));
        app.MapGet(DiagnosticsEndpoints.StatsPath, context => DiagnosticsEndpoints.GetStatsAsync(context, state));
        app.MapPost(DiagnosticsEndpoints.ResetPath, context => DiagnosticsEndpoints.ResetAsync(context, state));
        app.MapGet(DiagnosticsEndpoints.FaultsPath, context => DiagnosticsEndpoints.GetFaultsAsync(context, state));
        app.MapPut(DiagnosticsEndpoints.FaultsPath, context => DiagnosticsEndpoints.SetFaultsAsync(context, state));
        app.MapDelete(DiagnosticsEndpoints.FaultsPath, context => DiagnosticsEndpoints.ClearFaultsAsync(context, state));
        return (app, state);
    }
}
