namespace CelerData.Generated.Model;

/// <summary>
/// What the consuming project offers the generated code: read once per compilation, compared by value,
/// so an unrelated edit leaves every later step cached.
/// </summary>
internal sealed record ProjectCapabilities(bool HasRefit, bool HasModernFramework, bool HasCSharp11, bool HasRuntime)
{
    /// <summary>What is missing for the generated client to compile, or null when nothing is.</summary>
    public string? Missing()
    {
        if (!HasCSharp11)
        {
            return "C# 11 or later (it uses required members); set <LangVersion> to 11 or later";
        }

        if (!HasModernFramework)
        {
            return ".NET 8 or later (System.DateOnly, HttpRequestOptionsKey and module initializers)";
        }

        if (!HasRefit)
        {
            return "Refit 16.4 or later (a PackageReference to Refit, which the CelerData.Generated package brings)";
        }

        return null;
    }
}
