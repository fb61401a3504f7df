using System.Net.Http;

namespace CelerData.Generated.Runtime;

/// <summary>
/// Reads a request's security requirement: the request option under <see cref="SecurityRequirement.Key"/> when
/// there is one, else the descriptor's requirement for the method Refit records on every request.
/// </summary>
internal static class SecurityRequirementReader
{
    private static readonly HttpRequestOptionsKey<string> MethodName = new(Refit.HttpRequestMessageOptions.MethodName);

    /// <summary>The requirement, or <see langword="null"/> when neither the request nor the descriptor records one.</summary>
    public static string? Read(HttpRequestMessage request, CelerDataClientRuntime runtime)
    {
        if (request.Options.TryGetValue(SecurityRequirement.Key, out var value))
        {
            return value;
        }

        return runtime.SecurityRequirements is { } byMethod
            && request.Options.TryGetValue(MethodName, out var method)
            && byMethod.TryGetValue(method, out var requirement)
                ? requirement
                : null;
    }

    public static bool Is(HttpRequestMessage request, CelerDataClientRuntime runtime, string requirement) =>
        string.Equals(Read(request, runtime), requirement, System.StringComparison.OrdinalIgnoreCase);

    /// <summary>The path of the request, without its query, for log lines.</summary>
    public static string PathOf(HttpRequestMessage request) =>
        request.RequestUri is { IsAbsoluteUri: true } uri ? uri.AbsolutePath : request.RequestUri?.OriginalString.Split('?')[0] ?? "";
}
