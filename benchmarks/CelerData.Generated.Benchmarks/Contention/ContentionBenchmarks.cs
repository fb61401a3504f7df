using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;

namespace CelerData.Generated.Benchmarks.Contention;

/// <summary>
/// 1 to 1,024 concurrent callers who need a token, on a cold cache and on a token due for refresh: the time for
/// all of them to have one. Fetch counts and per-caller latency percentiles come from <see cref="ContentionReport"/>.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Contention")]
public class ContentionBenchmarks
{
    private ContentionRig _rig = null!;

    [Params(1, 8, 64, 1024)]
    public int Callers { get; set; }

    [Params(CacheState.Cold, CacheState.Expiring)]
    public CacheState Cache { get; set; }

    [GlobalSetup]
    public void Setup() => _rig = new ContentionRig(Cache);

    [Benchmark(Baseline = true, Description = "No cache: every caller fetches")]
    public Task EveryCallerFetches() => _rig.DirectRoundAsync(Callers);

    [Benchmark(Description = "Runtime token cache")]
    public Task TokenCache() => _rig.CacheRoundAsync(Callers);

    [GlobalCleanup]
    public void Cleanup() => _rig.Dispose();
}
