using ChatTranscripts.Pipeline.Application.Publishing;

namespace ChatTranscripts.Pipeline.Tests.Publishing;

public sealed class RenderAheadTests
{
    private const int Files = 6;

    private static byte[] Content(int file) => [(byte)file, (byte)(file * 7), (byte)(file * 13)];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(Files + 2)]
    public async Task Each_file_uploads_its_own_bytes_in_order_one_upload_at_a_time(int ahead)
    {
        var uploading = 0;
        var mostUploading = 0;
        var uploads = await RenderAhead.UploadInOrderAsync(
            Enumerable.Range(0, Files).ToList(),
            ahead,
            file => Content(file),
            async (file, content, ct) =>
            {
                mostUploading = Math.Max(mostUploading, Interlocked.Increment(ref uploading));
                await Task.Yield();
                Interlocked.Decrement(ref uploading);
                return (File: file, Content: content.ToArray());
            },
            TestContext.Current.CancellationToken);

        Assert.Equal(Enumerable.Range(0, Files), uploads.Select(u => u.File));
        Assert.All(uploads, u => Assert.Equal(Content(u.File), u.Content));
        Assert.Equal(1, mostUploading);
    }

    /// <summary>
    /// The memory bound: while a file uploads, the next <c>ahead</c> files may render, and no file after them starts. Each
    /// upload waits until the last file it allows has rendered, then counts the renders started.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task While_a_file_uploads_the_next_files_up_to_the_bound_render_and_none_after_them(int ahead)
    {
        var rendered = Enumerable.Range(0, Files).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var started = 0;
        var rendering = 0;
        var mostRendering = 0;
        var startedDuringUpload = await RenderAhead.UploadInOrderAsync(
            Enumerable.Range(0, Files).ToList(),
            ahead,
            file =>
            {
                Interlocked.Increment(ref started);
                var now = Interlocked.Increment(ref rendering);
                lock (rendered)
                {
                    mostRendering = Math.Max(mostRendering, now);
                }
                Interlocked.Decrement(ref rendering);
                rendered[file].SetResult();
                return Content(file);
            },
            async (file, content, ct) =>
            {
                // Every file the bound allows must have rendered: renders run on the thread pool, so a later one can
                // finish before an earlier one has even begun.
                var allowed = rendered.Skip(file + 1).Take(ahead).Select(r => r.Task);
                await Task.WhenAll(allowed).WaitAsync(ct);
                return Volatile.Read(ref started);
            },
            TestContext.Current.CancellationToken);

        Assert.Equal(Enumerable.Range(0, Files).Select(file => Math.Min(file + ahead + 1, Files)), startedDuringUpload);
        Assert.InRange(mostRendering, 1, ahead);
    }

    [Fact]
    public async Task A_failed_render_leaves_with_its_own_error_after_cancelling_the_upload_under_way_and_uploads_nothing_after_it()
    {
        var uploadCancelled = false;
        var uploaded = new List<int>();
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => RenderAhead.UploadInOrderAsync(
            Enumerable.Range(0, Files).ToList(),
            1,
            file => file == 1 ? throw new InvalidDataException("file 1 cannot render") : Content(file),
            async (file, content, ct) =>
            {
                uploaded.Add(file);
                try
                {
                    await Task.Delay(Timeout.Infinite, ct);
                }
                catch (OperationCanceledException)
                {
                    uploadCancelled = true;
                    throw;
                }
                return file;
            },
            TestContext.Current.CancellationToken));

        Assert.Equal("file 1 cannot render", error.Message);
        Assert.True(uploadCancelled, "The upload of file 0 was still running when the render's error left.");
        Assert.Equal([0], uploaded);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task A_failed_upload_leaves_with_its_own_error_once_every_render_started_has_finished(int ahead)
    {
        var started = 0;
        var finished = 0;
        var uploaded = new List<int>();
        var error = await Assert.ThrowsAsync<IOException>(() => RenderAhead.UploadInOrderAsync(
            Enumerable.Range(0, Files).ToList(),
            ahead,
            file =>
            {
                Interlocked.Increment(ref started);
                Thread.Sleep(file * 5);
                Interlocked.Increment(ref finished);
                return Content(file);
            },
            async (file, content, ct) =>
            {
                uploaded.Add(file);
                await Task.Yield();
                return file == 2 ? throw new IOException("storage refused file 2") : file;
            },
            TestContext.Current.CancellationToken));

        Assert.Equal("storage refused file 2", error.Message);
        Assert.Equal([0, 1, 2], uploaded);
        Assert.Equal(Volatile.Read(ref started), Volatile.Read(ref finished));
        Assert.InRange(started, 3, 3 + ahead);
    }

    [Fact]
    public async Task Cancelling_the_caller_stops_the_run_with_a_cancellation()
    {
        using var cancelled = new CancellationTokenSource();
        var uploaded = new List<int>();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => RenderAhead.UploadInOrderAsync(
            Enumerable.Range(0, Files).ToList(),
            2,
            file => Content(file),
            async (file, content, ct) =>
            {
                uploaded.Add(file);
                if (file == 1)
                {
                    await cancelled.CancelAsync();
                }
                await Task.Yield();
                ct.ThrowIfCancellationRequested();
                return file;
            },
            cancelled.Token));

        Assert.Equal([0, 1], uploaded);
    }
}
