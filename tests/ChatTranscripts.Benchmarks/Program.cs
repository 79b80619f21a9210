using BenchmarkDotNet.Running;
using ChatTranscripts.Benchmarks;
using ChatTranscripts.Benchmarks.Memory;

// `-- --memory-check` renders 10k and 100k posts and prints allocations, peak working set and time per post (it starts
// this program again with `--memory-step` to measure each peak in a fresh process); anything else goes to
// BenchmarkDotNet (`-- --filter '*'`, `--job short`, `--list flat`, ...). See docs/performance.md.
if (args.Contains(IsolatedPeak.Switch, StringComparer.Ordinal))
{
    return IsolatedPeak.Run(args);
}
if (args.Contains(MemoryCheck.Switch, StringComparer.Ordinal))
{
    return MemoryCheck.Run(Console.Out);
}
var summaries = BenchmarkSwitcher.FromAssembly(typeof(BenchmarkConfig).Assembly).Run(args, BenchmarkConfig.Create());
return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
