using System.Threading.Channels;

namespace ChatTranscripts.Pipeline.Application.Publishing;

/// <summary>
/// Renders files ahead of their uploads, through a bounded channel that holds the renders under way. A render starts only
/// while the channel has room, and a file leaves the channel only once it has rendered and the upload before it has
/// finished; so at most <c>ahead</c> files render at once, at most <c>ahead</c> + 1 are in memory (those in the channel
/// and the one uploading) however large each is, the CPU renders while storage writes, and uploads go one at a time in
/// the files' order.
/// </summary>
internal static class RenderAhead
{
    /// <summary>
    /// Each file's upload result, in the files' order. <paramref name="upload"/> is called in that order, each call once
    /// the one before it has completed. The first failure, of a render or an upload, cancels the rest and leaves with
    /// its own exception once nothing started here is still running.
    /// </summary>
    public static async Task<IReadOnlyList<TResult>> UploadInOrderAsync<TFile, TResult>(
        IReadOnlyList<TFile> files,
        int ahead,
        Func<TFile, ReadOnlyMemory<byte>> render,
        Func<TFile, ReadOnlyMemory<byte>, CancellationToken, Task<TResult>> upload,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ahead, 1);
        var rendering = Channel.CreateBounded<(TFile File, Task<ReadOnlyMemory<byte>> Content)>(
            new BoundedChannelOptions(ahead) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = StartRendersAsync(files, render, rendering.Writer, stopping.Token);
        var results = new List<TResult>(files.Count);
        Task<TResult>? uploading = null;
        try
        {
            while (await rendering.Reader.WaitToReadAsync(stopping.Token))
            {
                // Peeked, not read: the file keeps its place in the channel, so no further render starts, until it is
                // rendered and the upload before it is done.
                rendering.Reader.TryPeek(out var next);
                var content = await next.Content;
                if (uploading is not null)
                {
                    results.Add(await uploading);
                }
                rendering.Reader.TryRead(out _);
                uploading = upload(next.File, content, stopping.Token);
            }
            if (uploading is not null)
            {
                results.Add(await uploading);
            }
            return results;
        }
        catch
        {
            // Wait for everything under way (its outcome no longer matters), so nothing of this run is still rendering or
            // uploading once the error leaves.
            await stopping.CancelAsync();
            await producer;
            while (rendering.Reader.TryRead(out var pending))
            {
                await ((Task)pending.Content).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
            if (uploading is not null)
            {
                await ((Task)uploading).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
            throw;
        }
    }

    /// <summary>Starts each file's render as the channel has room for it; never throws, but completes the channel with what stopped it.</summary>
    private static async Task StartRendersAsync<TFile>(
        IReadOnlyList<TFile> files,
        Func<TFile, ReadOnlyMemory<byte>> render,
        ChannelWriter<(TFile File, Task<ReadOnlyMemory<byte>> Content)> writer,
        CancellationToken cancellationToken)
    {
        try
        {
            foreach (var file in files)
            {
                await writer.WaitToWriteAsync(cancellationToken);
                writer.TryWrite((file, Task.Run(() => render(file), cancellationToken)));
            }
            writer.Complete();
        }
        catch (Exception e)
        {
            writer.Complete(e);
        }
    }
}
