using System.Diagnostics;
using System.Globalization;
using ChatTranscripts.Pipeline.Logic.Transcripts;
using ChatTranscripts.Testing.Chats;

namespace ChatTranscripts.Benchmarks.Memory;

/// <summary>
/// The peak working set (<see cref="Process.PeakWorkingSet64"/>, VmHWM on Linux) of a fresh process that builds one
/// transcript and makes one rendering of it, or none. A fresh process per step, because a working set only tells one
/// step from another when nothing before it ran: the GC keeps memory it has freed, and the peak never goes down.
/// </summary>
/// <remarks>
/// The process is this program again, started with <see cref="Switch"/>; it prints one line, which the parent reads.
/// Its peak includes the runtime, the generated posts, the stored (tagged) posts and the document, as a publisher's
/// would: the "document only" figure is that part alone. Its GC heap is capped (<c>DOTNET_GCHeapHardLimit</c>), as
/// .NET caps it inside a memory-limited container such as a Functions instance: uncapped, with the machine's 23 GiB to
/// hand, the GC collects when it likes and the peak says more about its mood than about what the step needs.
/// </remarks>
internal static class IsolatedPeak
{
    public const string Switch = "--memory-step";
    public const string DocumentOnly = "document";

    /// <summary>
    /// Runs <paramref name="step"/> (an index into <see cref="PublishStep.All"/>, or <see cref="DocumentOnly"/>) in a new
    /// process whose GC heap may not exceed <paramref name="heapLimit"/> bytes; null when the step ran out of memory.
    /// </summary>
    public static long? Measure(int posts, string step, long heapLimit)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["DOTNET_GCHeapHardLimit"] = "0x" + heapLimit.ToString("x", CultureInfo.InvariantCulture);
        // Started as `dotnet ChatTranscripts.Benchmarks.dll` rather than through the apphost: the child needs the dll too.
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(IsolatedPeak).Assembly.Location);
        }
        foreach (var argument in new[] { Switch, posts.ToString(CultureInfo.InvariantCulture), step })
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the measuring process.");
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode == 0 && long.TryParse(output.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var peak))
        {
            return peak;
        }
        return errors.Result.Contains(nameof(OutOfMemoryException), StringComparison.Ordinal)
            ? null
            : throw new InvalidOperationException($"The measuring process for {step} at {posts} posts exited with {process.ExitCode}: {output}{errors.Result}");
    }

    /// <summary>The child's side: build, render once, print the peak.</summary>
    public static int Run(string[] args)
    {
        var at = Array.IndexOf(args, Switch);
        var posts = int.Parse(args[at + 1], CultureInfo.InvariantCulture);
        var step = args[at + 2];
        var transcript = ChatGenerator.Generate(posts).ToTranscript();
        if (step != DocumentOnly)
        {
            GC.KeepAlive(PublishStep.All[int.Parse(step, CultureInfo.InvariantCulture)].Render(new TranscriptPageRenderer(), transcript));
        }
        GC.KeepAlive(transcript);
        using var process = Process.GetCurrentProcess();
        Console.WriteLine(process.PeakWorkingSet64.ToString(CultureInfo.InvariantCulture));
        return 0;
    }
}
