using System.Net.Http;

namespace CelerData.Generated.Runtime;

/// <summary>Reads the requirement that generated code recorded under <see cref="SecurityRequirement.Key"/>.</summary>
internal static class SecurityRequirementReader
{
    /// <summary>The recorded requirement, or <see langword="null"/> when the request records none.</summary>
    public static string? Read(HttpRequestMessage request) =>
        request.Options.TryGetValue(SecurityRequirement.Key, out var value) ? value : null;

    public static bool Is(HttpRequestMessage request, string requirement) =>
        string.Equals(Read(request), requirement, System.StringComparison.OrdinalIgnoreCase);

    /// <summary>The path of the request, without its query, for log lines.</summary>
    public static string PathOf(HttpRequestMessage request) =>
        request.RequestUri is { IsAbsoluteUri: true } uri ? uri.AbsolutePath : request.RequestUri?.OriginalString.Split('?')[0] ?? "";
}
