using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace CelerData.Emulator;

/// <summary>
/// Settings of a <see cref="CelerDataEmulator"/>. Bind them from configuration with
/// <see cref="FromConfiguration"/> (section <c>Emulator</c>) or set them in code.
/// </summary>
public sealed class EmulatorOptions
{
    /// <summary>The configuration section that holds the emulator settings.</summary>
    public const string SectionName = "Emulator";

    /// <summary>The address the in-process emulator listens on by default: a free loopback port.</summary>
    public const string DefaultUrls = "http://127.0.0.1:0";

    /// <summary>The address the standalone host listens on when no <c>--urls</c> is given.</summary>
    public const string DefaultHostUrls = "http://127.0.0.1:5099";

    /// <summary>The ID of the first demo cluster (the running one).</summary>
    public const string DefaultClusterId = "c1a5e2d0-0000-4000-8000-000000000001";

    /// <summary>The ID of the second demo cluster (the suspended one).</summary>
    public const string DefaultSuspendedClusterId = "c1a5e2d0-0000-4000-8000-000000000002";

    /// <summary>The ID of the demo warehouse that can be suspended and resumed (<c>etl</c>, in the first demo cluster).</summary>
    public const string DefaultWarehouseId = "0a7e5b6c-0000-4000-8000-000000000002";

    /// <summary>
    /// The addresses to listen on, separated by <c>;</c>, as for ASP.NET Core's <c>urls</c>.
    /// Only loopback addresses (<c>127.0.0.0/8</c>, <c>[::1]</c>, <c>localhost</c>) are accepted
    /// unless <see cref="AllowNonLoopback"/> is set. Port 0 picks a free port.
    /// </summary>
    public string Urls { get; set; } = DefaultUrls;

    /// <summary>Allows <see cref="Urls"/> to name addresses other than loopback. Off by default.</summary>
    public bool AllowNonLoopback { get; set; }

    /// <summary>The clients accepted on the token endpoint; when empty, only <see cref="EmulatorClient.Demo"/>.</summary>
    public IList<EmulatorClient> Clients { get; } = new List<EmulatorClient>();

    /// <summary>The lifetime of issued access tokens, in seconds (<c>expires_in</c>). Defaults to 3600.</summary>
    public int ExpiresInSeconds { get; set; } = 3600;

    /// <summary>
    /// Requests a minute each client may make to the token endpoint, and separately to the
    /// bearer-secured endpoints, before getting HTTP 429. Defaults to 600; 0 turns the limit off.
    /// </summary>
    public int RateLimitPerMinute { get; set; } = 600;

    /// <summary>The ID of the first demo cluster, used when <see cref="Clusters"/> is empty.</summary>
    public string ClusterId { get; set; } = DefaultClusterId;

    /// <summary>The name of the first demo cluster, used when <see cref="Clusters"/> is empty. Defaults to <c>demo</c>.</summary>
    public string ClusterName { get; set; } = "demo";

    /// <summary>
    /// The clusters and warehouses the emulator starts with. When empty, the demo data: cluster
    /// <see cref="ClusterId"/> (<c>Running</c>) with a default warehouse and the warehouse
    /// <see cref="DefaultWarehouseId"/> (<c>etl</c>, <c>RUNNING</c>, 3 nodes), and cluster
    /// <see cref="DefaultSuspendedClusterId"/> (<c>archive</c>, <c>Suspended</c>) with its default warehouse.
    /// </summary>
    public IList<EmulatorCluster> Clusters { get; } = new List<EmulatorCluster>();

    /// <summary>How long an action (suspend, resume, scale) stays <c>ONGOING</c> on <see cref="TimeProvider"/>. Defaults to 3 seconds.</summary>
    public TimeSpan ActionDuration { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How actions end; change it at run time with <see cref="CelerDataEmulator.SetActionOutcome"/>. Defaults to success.</summary>
    public EmulatorActionOutcome ActionOutcome { get; set; }

    /// <summary>The ID of the one account, reported by usage, bills and accounts. Defaults to <c>emulated01</c>.</summary>
    public string AccountId { get; set; } = "emulated01";

    /// <summary>The name of the one account. Defaults to <c>Emulated account</c>.</summary>
    public string AccountName { get; set; } = "Emulated account";

    /// <summary>The faults to inject from the start; change them at run time with <see cref="CelerDataEmulator.SetFaults"/>.</summary>
    public EmulatorFaultOptions Faults { get; set; } = new();

    /// <summary>
    /// The clock for token expiry, rate-limit windows and injected latency. Tests pass a fake one
    /// to move time. Not bound from configuration.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Where the in-process emulator logs; <see langword="null"/> (the default) logs nothing.
    /// The emulator logs client IDs, never secrets or tokens. Not bound from configuration.
    /// </summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>
    /// Reads options from configuration: the <c>urls</c> key (what <c>--urls</c> sets) and the
    /// <c>Emulator</c> section (<c>AllowNonLoopback</c>, <c>Clients:N:ClientId</c>,
    /// <c>Clients:N:ClientSecret</c>, <c>ExpiresInSeconds</c>, <c>RateLimitPerMinute</c>,
    /// <c>ClusterId</c>, <c>ClusterName</c>, <c>Clusters:N:ClusterId</c>, <c>Clusters:N:ClusterName</c>,
    /// <c>Clusters:N:State</c>, <c>Clusters:N:Warehouses:M:WarehouseId</c> (and <c>WarehouseName</c>,
    /// <c>NodeCount</c>, <c>State</c>, <c>IsDefault</c>), <c>ActionDuration</c>, <c>ActionOutcome</c>,
    /// <c>AccountId</c>, <c>AccountName</c>, <c>Faults:Latency</c>, <c>Faults:Kind</c>,
    /// <c>Faults:Count</c>, <c>Faults:Rate</c>, <c>Faults:RetryAfterSeconds</c>, <c>Faults:Scope</c>,
    /// <c>Faults:Operation</c>).
    /// </summary>
    /// <param name="configuration">The root configuration.</param>
    /// <param name="defaultUrls">The addresses to use when <c>urls</c> is not set.</param>
    /// <returns>The options; call <see cref="Validate"/> to check them.</returns>
    /// <exception cref="FormatException">A value cannot be parsed; the message names its key.</exception>
    public static EmulatorOptions FromConfiguration(IConfiguration configuration, string defaultUrls = DefaultUrls)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SectionName);
        var options = new EmulatorOptions
        {
            Urls = NonEmpty(configuration["urls"]) ?? defaultUrls,
            AllowNonLoopback = ReadBool(section, nameof(AllowNonLoopback)) ?? false,
            ExpiresInSeconds = ReadInt(section, nameof(ExpiresInSeconds)) ?? 3600,
            RateLimitPerMinute = ReadInt(section, nameof(RateLimitPerMinute)) ?? 600,
            ClusterId = NonEmpty(section[nameof(ClusterId)]) ?? DefaultClusterId,
            ClusterName = NonEmpty(section[nameof(ClusterName)]) ?? "demo",
            ActionDuration = ReadTimeSpan(section, nameof(ActionDuration)) ?? TimeSpan.FromSeconds(3),
            ActionOutcome = ReadEnum<EmulatorActionOutcome>(section, nameof(ActionOutcome)) ?? EmulatorActionOutcome.Succeed,
            AccountId = NonEmpty(section[nameof(AccountId)]) ?? "emulated01",
            AccountName = NonEmpty(section[nameof(AccountName)]) ?? "Emulated account",
        };

        foreach (var child in section.GetSection(nameof(Clusters)).GetChildren())
        {
            var cluster = new EmulatorCluster
            {
                ClusterId = child[nameof(EmulatorCluster.ClusterId)] ?? string.Empty,
                ClusterName = child[nameof(EmulatorCluster.ClusterName)] ?? string.Empty,
                State = NonEmpty(child[nameof(EmulatorCluster.State)]) ?? "Running",
            };
            foreach (var warehouse in child.GetSection(nameof(EmulatorCluster.Warehouses)).GetChildren())
            {
                cluster.Warehouses.Add(new EmulatorWarehouse
                {
                    WarehouseId = warehouse[nameof(EmulatorWarehouse.WarehouseId)] ?? string.Empty,
                    WarehouseName = warehouse[nameof(EmulatorWarehouse.WarehouseName)] ?? string.Empty,
                    NodeCount = ReadInt(warehouse, nameof(EmulatorWarehouse.NodeCount)) ?? 2,
                    State = NonEmpty(warehouse[nameof(EmulatorWarehouse.State)]) ?? "RUNNING",
                    IsDefault = ReadBool(warehouse, nameof(EmulatorWarehouse.IsDefault)) ?? false,
                });
            }

            options.Clusters.Add(cluster);
        }

        foreach (var child in section.GetSection(nameof(Clients)).GetChildren())
        {
            options.Clients.Add(new EmulatorClient(
                child[nameof(EmulatorClient.ClientId)] ?? string.Empty,
                child[nameof(EmulatorClient.ClientSecret)] ?? string.Empty));
        }

        var faults = section.GetSection(nameof(Faults));
        options.Faults = new EmulatorFaultOptions
        {
            Latency = ReadTimeSpan(faults, nameof(EmulatorFaultOptions.Latency)) ?? TimeSpan.Zero,
            Kind = ReadEnum<EmulatorFaultKind>(faults, nameof(EmulatorFaultOptions.Kind)) ?? EmulatorFaultKind.None,
            Count = ReadInt(faults, nameof(EmulatorFaultOptions.Count)),
            Rate = ReadDouble(faults, nameof(EmulatorFaultOptions.Rate)) ?? 1.0,
            RetryAfterSeconds = ReadInt(faults, nameof(EmulatorFaultOptions.RetryAfterSeconds)) ?? 1,
            Scope = ReadEnum<EmulatorFaultScope>(faults, nameof(EmulatorFaultOptions.Scope)) ?? EmulatorFaultScope.AllApi,
            Operation = NonEmpty(faults[nameof(EmulatorFaultOptions.Operation)]),
        };
        return options;
    }

    /// <summary>Lists what is wrong with these options, including non-loopback addresses when they are not allowed.</summary>
    /// <returns>One message per problem; empty when the options are valid.</returns>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        var urls = SplitUrls(Urls);
        if (urls.Count == 0)
        {
            errors.Add("Urls must name at least one address.");
        }

        foreach (var url in urls)
        {
            ValidateUrl(url, errors);
        }

        var clientIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Clients.Count; i++)
        {
            var client = Clients[i];
            if (client is null)
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"Clients:{i} must not be null."));
                continue;
            }

            if (!string.IsNullOrEmpty(client.ClientId) && !clientIds.Add(client.ClientId))
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"Clients:{i}:ClientId repeats an earlier client ID."));
            }

            if (string.IsNullOrEmpty(client.ClientId) || client.ClientId.Contains(':', StringComparison.Ordinal))
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"Clients:{i}:ClientId must be set and must not contain ':'."));
            }

            if (string.IsNullOrEmpty(client.ClientSecret))
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"Clients:{i}:ClientSecret must be set."));
            }
        }

        if (ExpiresInSeconds <= 0)
        {
            errors.Add("ExpiresInSeconds must be positive.");
        }

        if (RateLimitPerMinute < 0)
        {
            errors.Add("RateLimitPerMinute must not be negative.");
        }

        if (string.IsNullOrEmpty(ClusterId))
        {
            errors.Add("ClusterId must be set.");
        }

        ValidateClusters(errors);
        if (ActionDuration < TimeSpan.Zero)
        {
            errors.Add("ActionDuration must not be negative.");
        }

        if (!Enum.IsDefined(ActionOutcome))
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"ActionOutcome {(int)ActionOutcome} is not a known outcome."));
        }

        if (string.IsNullOrEmpty(AccountId))
        {
            errors.Add("AccountId must be set.");
        }

        if (Faults is null)
        {
            errors.Add("Faults must be set.");
        }
        else
        {
            errors.AddRange(Faults.Validate());
        }

        if (TimeProvider is null)
        {
            errors.Add("TimeProvider must be set.");
        }

        return errors;
    }

    internal static List<string> SplitUrls(string? urls) =>
        [.. (urls ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    internal IReadOnlyList<EmulatorClient> EffectiveClients() =>
        Clients.Count == 0 ? [EmulatorClient.Demo] : [.. Clients];

    internal IReadOnlyList<EmulatorCluster> EffectiveClusters()
    {
        if (Clusters.Count > 0)
        {
            return [.. Clusters];
        }

        var running = new EmulatorCluster { ClusterId = ClusterId, ClusterName = ClusterName, State = "Running" };
        running.Warehouses.Add(new EmulatorWarehouse { WarehouseId = "0a7e5b6c-0000-4000-8000-000000000001", WarehouseName = "default_warehouse", NodeCount = 2, IsDefault = true });
        running.Warehouses.Add(new EmulatorWarehouse { WarehouseId = DefaultWarehouseId, WarehouseName = "etl", NodeCount = 3 });
        var suspended = new EmulatorCluster { ClusterId = DefaultSuspendedClusterId, ClusterName = "archive", State = "Suspended" };
        suspended.Warehouses.Add(new EmulatorWarehouse { WarehouseId = "0a7e5b6c-0000-4000-8000-000000000003", WarehouseName = "default_warehouse", NodeCount = 1, State = "SUSPENDED", IsDefault = true });
        return string.Equals(ClusterId, DefaultSuspendedClusterId, StringComparison.Ordinal) ? [running] : [running, suspended];
    }

    private void ValidateClusters(List<string> errors)
    {
        var clusterIds = new HashSet<string>(StringComparer.Ordinal);
        var warehouseIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Clusters.Count; i++)
        {
            var cluster = Clusters[i];
            if (cluster is null || string.IsNullOrEmpty(cluster.ClusterId) || !clusterIds.Add(cluster.ClusterId))
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"Clusters:{i}:ClusterId must be set and unique."));
                continue;
            }

            if (string.IsNullOrEmpty(cluster.State))
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"Clusters:{i}:State must be set."));
            }

            for (var j = 0; j < cluster.Warehouses.Count; j++)
            {
                var warehouse = cluster.Warehouses[j];
                if (warehouse is null || string.IsNullOrEmpty(warehouse.WarehouseId) || !warehouseIds.Add(warehouse.WarehouseId))
                {
                    errors.Add(string.Create(CultureInfo.InvariantCulture, $"Clusters:{i}:Warehouses:{j}:WarehouseId must be set and unique across clusters."));
                }
                else if (warehouse.NodeCount < 0 || string.IsNullOrEmpty(warehouse.State))
                {
                    errors.Add(string.Create(CultureInfo.InvariantCulture, $"Clusters:{i}:Warehouses:{j} needs a State and a NodeCount of at least 0."));
                }
            }
        }
    }

    private void ValidateUrl(string url, List<string> errors)
    {
        BindingAddress address;
        try
        {
            address = BindingAddress.Parse(url);
        }
        catch (FormatException)
        {
            errors.Add($"Urls: '{url}' is not a valid address.");
            return;
        }

        if (address.IsUnixPipe || address.IsNamedPipe)
        {
            return;
        }

        if (!string.Equals(address.Scheme, "http", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"Urls: '{url}' must use http; the emulator does not serve HTTPS.");
        }

        if (!AllowNonLoopback && !IsLoopbackHost(address.Host))
        {
            errors.Add($"Urls: '{url}' is not a loopback address; the emulator binds to loopback only unless {SectionName}:{nameof(AllowNonLoopback)} is true.");
        }
    }

    private static bool IsLoopbackHost(string host)
    {
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var trimmed = host.Length > 1 && host[0] == '[' && host[^1] == ']' ? host[1..^1] : host;
        return IPAddress.TryParse(trimmed, out var ip) && IPAddress.IsLoopback(ip);
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static int? ReadInt(IConfiguration section, string key) =>
        Read(section, key, "an integer", static text => int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture));

    private static double? ReadDouble(IConfiguration section, string key) =>
        Read(section, key, "a number", static text => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));

    private static bool? ReadBool(IConfiguration section, string key) =>
        Read(section, key, "true or false", static text => bool.Parse(text));

    private static TimeSpan? ReadTimeSpan(IConfiguration section, string key) =>
        Read(section, key, "a time span such as 00:00:00.250", static text => TimeSpan.Parse(text, CultureInfo.InvariantCulture));

    private static TEnum? ReadEnum<TEnum>(IConfiguration section, string key)
        where TEnum : struct, Enum =>
        Read(section, key, "one of " + string.Join(", ", Enum.GetNames<TEnum>()), static text =>
            Enum.GetNames<TEnum>().FirstOrDefault(name => string.Equals(name, text, StringComparison.OrdinalIgnoreCase)) is { } name
                ? Enum.Parse<TEnum>(name)
                : throw new FormatException());

    private static T? Read<T>(IConfiguration section, string key, string expected, Func<string, T> parse)
        where T : struct
    {
        var text = NonEmpty(section[key]);
        if (text is null)
        {
            return null;
        }

        try
        {
            return parse(text);
        }
        catch (Exception ex) when (ex is FormatException or OverflowException)
        {
            var path = section is IConfigurationSection named ? named.Path + ":" + key : key;
            throw new FormatException($"{path} is '{text}'; expected {expected}.", ex);
        }
    }
}
