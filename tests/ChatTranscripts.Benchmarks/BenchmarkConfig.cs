using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using ChatTranscripts.Benchmarks.Rendering;

namespace ChatTranscripts.Benchmarks;

/// <summary>
/// What every run reports besides BenchmarkDotNet's defaults: allocations (so "Alloc Ratio" sits next to "Ratio") and
/// the per-post columns that show whether rendering stays linear.
/// </summary>
internal static class BenchmarkConfig
{
    public static IConfig Create() => DefaultConfig.Instance
        .AddDiagnoser(MemoryDiagnoser.Default)
        .AddColumn(PerPostColumn.Time, PerPostColumn.Allocated);
}
