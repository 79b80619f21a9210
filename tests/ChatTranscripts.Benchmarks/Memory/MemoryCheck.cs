using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using ChatTranscripts.Pipeline.Logic.Transcripts;
using ChatTranscripts.Testing.Chats;

namespace ChatTranscripts.Benchmarks.Memory;

/// <summary>
/// A quick check, outside BenchmarkDotNet, that publishing a 100,000-post transcript fits in 1 GiB and takes time in
/// proportion to its size. Each rendering runs on a 10,000- and a 100,000-post transcript and reports its time and the
/// bytes it allocated (<see cref="GC.GetTotalAllocatedBytes"/>) in this process, then the peak working set of a fresh
/// process, its GC heap capped at 1 GiB, that builds the transcript and makes just that rendering (<see cref="IsolatedPeak"/>). Last, the ratio of
/// time per post at 100,000 to time per post at 10,000: about 1 for a linear rendering, 10 for a quadratic one.
/// "Publish" renders the five files in turn, each kept until the next is rendered (while it uploads), as <c>TranscriptPublisher</c> does.
/// </summary>
/// <remarks>
/// Times are the best of <see cref="Runs"/> single runs after a warm-up, so they are rough; BenchmarkDotNet's figures
/// are the careful ones. Allocations are exact. The exit code is 1 when a 100,000-post step's process, its GC heap capped at 1 GiB, runs out of memory or peaks over 1 GiB; allocations
/// (the total allocated over the step's life, most of it collected long before the end) are reported, not limited.
/// </remarks>
internal static class MemoryCheck
{
    public const string Switch = "--memory-check";

    private const long Limit = 1L << 30;
    private const int Runs = 2;
    private const int WarmupRounds = 40;
    private const int Small = 10_000;
    private const int Large = 100_000;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static int Run(TextWriter output)
    {
        var renderer = new TranscriptPageRenderer();
        var steps = PublishStep.All;
        output.WriteLine($"Memory check: .NET {Environment.Version}, {Environment.ProcessorCount} cores, "
            + $"{(GCSettings.IsServerGC ? "server" : "workstation")} GC, {Size(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes)} available to the GC");

        // Warm every path on a small transcript first: past tiered compilation's 30 calls, then a pause for the background
        // compiler, so the 10,000-post times measure optimised code rather than the JIT.
        var warm = ChatGenerator.Generate(1_000).ToTranscript();
        for (var round = 0; round < WarmupRounds; round++)
        {
            foreach (var step in steps)
            {
                GC.KeepAlive(step.Render(renderer, warm));
            }
        }
        Thread.Sleep(TimeSpan.FromSeconds(1));

        var times = new Dictionary<(string, int), TimeSpan>();
        var failed = false;
        foreach (var size in new[] { Small, Large })
        {
            var chat = ChatGenerator.Generate(size);
            var stored = chat.Resolve();
            var watch = Stopwatch.StartNew();
            var transcript = TranscriptBuilder.Build(chat.SessionId, chat.Session, stored);
            var build = watch.Elapsed;
            var document = IsolatedPeak.Measure(size, IsolatedPeak.DocumentOnly, Limit);
            output.WriteLine();
            output.WriteLine($"{transcript.Stats.Posts:N0} posts shown ({transcript.Stats.Reposts:N0} reposts stored too, {transcript.Stats.Replies:N0} replies, "
                + $"{transcript.Stats.Participants:N0} participants, {transcript.Stats.Questions} questions); TranscriptBuilder.Build {build.TotalMilliseconds:N0} ms; "
                + $"peak working set of a process that only builds it: {Peak(document)}");
            output.WriteLine($"  {"Step",-44} {"Time",10} {"ns/post",9} {"Allocated",11} {"B/post",8} {"Peak WS",10} {"Output",10}");
            for (var index = 0; index < steps.Count; index++)
            {
                var step = steps[index];
                var (elapsed, allocated, bytes) = Measure(() => step.Render(renderer, transcript));
                times[(step.Name, size)] = elapsed;
                var peak = IsolatedPeak.Measure(size, index.ToString(Invariant), Limit);
                var over = size == Large && (peak is null || peak > Limit);
                failed |= over;
                output.WriteLine($"  {step.Name,-44} {elapsed.TotalMilliseconds,7:N0} ms {elapsed.TotalNanoseconds / size,9:N0} "
                    + $"{Size(allocated),11} {allocated / size,8:N0} {Peak(peak),10} {Size(bytes),10}{(over ? "  over 1 GiB" : "")}");
            }
        }

        output.WriteLine();
        output.WriteLine($"Linearity: time per post at {Large:N0} / time per post at {Small:N0} (1.0 = linear, 10 = quadratic)");
        foreach (var step in steps)
        {
            var ratio = times[(step.Name, Large)] / Large / (times[(step.Name, Small)] / Small);
            output.WriteLine($"  {step.Name,-44} x{ratio.ToString("0.00", Invariant)}");
        }
        output.WriteLine();
        output.WriteLine("Allocated: bytes allocated by the step (in this process, GC.GetTotalAllocatedBytes), not bytes live at once.");
        output.WriteLine("Peak WS: peak working set of a fresh process, its GC heap capped at 1 GiB, that builds the transcript and makes only that rendering.");
        output.WriteLine(failed
            ? $"FAIL: at {Large:N0} posts, a step peaked over 1 GiB (marked above)."
            : $"PASS: at {Large:N0} posts, every step peaked under 1 GiB.");
        return failed ? 1 : 0;
    }

    /// <summary>The best time of <see cref="Runs"/> runs, each after a full collection; allocation and output are the same every run.</summary>
    private static (TimeSpan Elapsed, long Allocated, long OutputBytes) Measure(Func<object> step)
    {
        var best = TimeSpan.MaxValue;
        var allocated = 0L;
        var bytes = 0L;
        for (var run = 0; run < Runs; run++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            var result = step();
            watch.Stop();
            allocated = Math.Max(allocated, GC.GetTotalAllocatedBytes(precise: true) - before);
            bytes = PublishStep.OutputBytes(result);
            best = watch.Elapsed < best ? watch.Elapsed : best;
        }
        return (best, allocated, bytes);
    }

    private static string Peak(long? bytes) => bytes is { } peak ? Size(peak) : "no memory";

    private static string Size(long bytes) => bytes >= 1L << 30
        ? (bytes / (double)(1L << 30)).ToString("0.00 'GiB'", Invariant)
        : (bytes / (double)(1L << 20)).ToString("0.0 'MiB'", Invariant);
}
