using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;

namespace CelerData.LoadTest;

/// <summary>What the run ran on: processors, OS and architecture, .NET, CPU model.</summary>
internal static class MachineInfo
{
    public static string Describe()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var kernel = File.Exists("/proc/sys/kernel/osrelease") ? File.ReadAllText("/proc/sys/kernel/osrelease").Trim() : Environment.OSVersion.Version.ToString();
        return $"nproc {Environment.ProcessorCount}; {RuntimeInformation.OSDescription}, kernel {kernel} {RuntimeInformation.OSArchitecture}; {RuntimeInformation.FrameworkDescription}; CPU {cpu ?? "unknown"}";
    }
}
