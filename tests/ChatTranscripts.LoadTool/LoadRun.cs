using System.Diagnostics;
using Azure;
using Azure.Data.Tables;
using ChatTranscripts.LoadTool.Generation;
using ChatTranscripts.LoadTool.Reporting;
using ChatTranscripts.LoadTool.Sending;
using ChatTranscripts.LoadTool.Storage;
using ChatTranscripts.Pipeline.Adapters.Connections;
using ChatTranscripts.Pipeline.Adapters.Tables;
using ChatTranscripts.Pipeline.Application.Ports;
using Microsoft.Extensions.Options;
using PipelineJson = ChatTranscripts.Pipeline.Core.PipelineJson;

namespace ChatTranscripts.LoadTool;

/// <summary>
/// One run, stage by stage: register a live session, send its posts while watching them land in the session's partition,
/// check that every post is stored exactly once, publish, then measure the same storage without the pipeline.
/// </summary>
internal sealed class LoadRun(LoadOptions options, TextWriter output)
{
    /// <summary>How long edits (and any slower versions) may take to land after the last post was first seen.</summary>
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromMinutes(2);

    private const int PageUploads = 5;

    public async Task<LoadResults> RunAsync(CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var loadAtStart = LoadAverage();
        var retry = new RetryPolicy { MaxAttempts = options.Attempts };
        using var http = new HttpClient { BaseAddress = options.Target, Timeout = options.RequestTimeout };
        if (options.FunctionKey is not null)
        {
            http.DefaultRequestHeaders.Add("x-functions-key", options.FunctionKey);
        }
        var account = StorageAccount.FromConnectionString(options.Storage);
        using var tables = new PipelineTables(account, Options.Create(new StorageOptions { TablePrefix = options.TablePrefix }));
        var sessions = new SessionsClient(http, retry);
        var sender = new SignedPostSender(http, options.Secret, retry);

        var chat = LoadChatBuilder.Build(options.Posts, options.Seed, startedAt);
        output.WriteLine($"Session {chat.SessionId}: {chat.Expected.Count} posts and {chat.Edits} edits to {options.Target} " +
            $"({(options.Secret is null ? "unsigned" : "signed")}), batches of {options.Batch}, {options.Concurrency} in flight, " +
            $"{(options.Rate == 0 ? "as fast as accepted" : $"{options.Rate} posts/s")}; watching table {tables.Posts.Name}.");
        await sessions.RegisterAsync(chat.SessionId, chat.Session, cancellationToken);

        // Stage 1: send and watch. The watcher and the progress lines run beside the sender and stop once all is stored.
        var loadSender = new LoadSender(sender, chat, options.Batch, options.Rate, options.Concurrency);
        var watcher = new PartitionWatcher(tables.Posts, chat.SessionId, chat.Expected, options.PollInterval);
        var queue = options.Queue.Length == 0 ? null : account.Queues.GetQueueClient(options.Queue);
        var progress = new ProgressReporter(
            () => new ProgressSample(Seconds(loadSender.StartedAt), loadSender.Sent, loadSender.Accepted, watcher.Stored, loadSender.Retries, null),
            queue,
            output);
        using var watching = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        watching.CancelAfter(options.Timeout);
        using var stopProgress = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var progressTask = progress.RunAsync(stopProgress.Token);
        var watchTask = WatchAsync(watcher, tables.Posts.Name, watching.Token, cancellationToken);
        try
        {
            await loadSender.RunAsync(cancellationToken);
            output.WriteLine($"All {loadSender.Accepted} deliveries accepted after {Stopwatch.GetElapsedTime(loadSender.StartedAt, loadSender.FinishedAt).TotalSeconds:0.00} s; waiting for the rest to be stored…");
            await watchTask;
        }
        catch
        {
            // The run is over (a request failed, or Ctrl+C): stop watching before the clients the watcher uses go away.
            await watching.CancelAsync();
            await watchTask.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            throw;
        }
        finally
        {
            await stopProgress.CancelAsync();
            await progressTask;
        }
        var allStored = watcher.LastStoredAt;

        // Stage 2: exactly once, with every edit's latest version, and the count the API reports.
        var (check, settledAt) = await SettleAsync(tables.Posts, chat, cancellationToken);
        var status = await CountedAsync(sessions, chat, cancellationToken);
        output.WriteLine($"Check: {check}; the API reports postCount {status.PostCount}.");

        // Stage 3 (when asked): what one more batch costs now that the session holds every post of the load.
        var probes = LatencySummary.Of([]);
        if (options.Probes > 0)
        {
            probes = await new BatchProbe(sender, tables.Posts, chat, options.Batch).RunAsync(options.Probes, cancellationToken);
            output.WriteLine($"Probes: {probes.Count} deliveries of {options.Batch} posts, sent -> stored p50 {probes.P50Ms:0} ms, max {probes.MaxMs:0} ms.");
        }

        // Stage 4: publish now, timed on the wall clock as an organiser would see it.
        var publishStarted = Stopwatch.GetTimestamp();
        await sessions.PublishAsync(chat.SessionId, cancellationToken);
        var publishTime = Stopwatch.GetElapsedTime(publishStarted);
        var published = await sessions.GetAsync(chat.SessionId, cancellationToken);
        var page = published.TranscriptUrl is { } url ? await sessions.DownloadAsync(url, cancellationToken) : [];
        output.WriteLine($"Published in {publishTime.TotalSeconds:0.00} s: {published.TranscriptUrl} ({page.Length:N0} bytes).");

        // Stage 5: the same storage without the pipeline, with the session's own rows and page.
        var (rows, sessionRead) = await ReadPartitionAsync(tables.Posts, chat.SessionId, cancellationToken);
        output.WriteLine($"Measuring raw storage: {rows.Count} rows batch-written and read back in a scratch table, the page uploaded {PageUploads} times, " +
            $"{loadSender.Requests} messages (one per request) through a scratch queue…");
        var raw = new RawStorageLimits(account, options.TablePrefix, options.Concurrency);
        var table = await raw.MeasureTableAsync(rows, cancellationToken);
        var uploads = await raw.MeasureUploadAsync(page, "text/html; charset=utf-8", PageUploads, cancellationToken);
        var queueLimit = await raw.MeasureQueueAsync(chat.Deliveries.Chunk(options.Batch).Select(QueueMessage).ToList(), cancellationToken);
        var uploadMedian = uploads.Order().ElementAt(uploads.Count / 2);

        var results = Results(chat, loadSender, watcher, progress, check, status, allStored, settledAt, probes, publishTime, published, page, sessionRead, table, uploads, uploadMedian, queueLimit, startedAt);
        return results with { Run = results.Run with { LoadAverage = $"{loadAtStart} -> {LoadAverage()}" } };
    }

    private async Task WatchAsync(PartitionWatcher watcher, string tableName, CancellationToken watching, CancellationToken cancellationToken)
    {
        try
        {
            await watcher.RunAsync(watching);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            throw new InvalidOperationException($"Table {tableName} does not exist: are --storage and --table-prefix the host's?", e);
        }
        catch (OperationCanceledException) when (watching.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Only {watcher.Stored} of the posts were stored within {options.Timeout}.");
        }
    }

    private static async Task<(StoredPostsReport Check, long At)> SettleAsync(TableClient posts, LoadChat chat, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            var check = await StoredPostsCheck.RunAsync(posts, chat.SessionId, chat.Expected, cancellationToken);
            if (check.IsExactlyOnce || Stopwatch.GetElapsedTime(started) > SettleTimeout)
            {
                return (check, Stopwatch.GetTimestamp());
            }
            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }
    }

    /// <summary>
    /// The session as the API reports it once its post count has caught up: the processor records the count just after
    /// it writes the rows, so a read the moment the last row appears can still see the count before.
    /// </summary>
    private static async Task<SessionStatus> CountedAsync(SessionsClient sessions, LoadChat chat, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            var status = await sessions.GetAsync(chat.SessionId, cancellationToken);
            if (status.PostCount == chat.Expected.Count || Stopwatch.GetElapsedTime(started) > SettleTimeout)
            {
                return status;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }
    }

    /// <summary>The whole partition, every column, as the publisher loads it.</summary>
    private static async Task<(List<TableEntity> Rows, TimeSpan Took)> ReadPartitionAsync(TableClient posts, string sessionId, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var rows = new List<TableEntity>();
        await foreach (var row in posts.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {sessionId}"), cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }
        return (rows, Stopwatch.GetElapsedTime(started));
    }

    private LoadResults Results(
        LoadChat chat, LoadSender sender, PartitionWatcher watcher, ProgressReporter progress, StoredPostsReport check, SessionStatus status,
        long allStored, long settledAt, LatencySummary probes, TimeSpan publishTime, SessionStatus published, byte[] page, TimeSpan sessionRead,
        RawTableResult table, IReadOnlyList<TimeSpan> uploads, TimeSpan uploadMedian, RawQueueResult queue, DateTimeOffset startedAt)
    {
        var seen = Enumerable.Range(0, chat.Expected.Count).Where(i => watcher.FirstSeen[i] != 0 && sender.FirstAccepted[i] != 0).ToList();
        var storableAt = chat.StorableAt(sender.FirstAccepted);
        // A post can be stored before its batch's 202 reaches the client (the processor may take the message before the
        // host's answer arrives); that counts as no wait at all.
        var latencies = seen.Select(i => Wait(sender.FirstAccepted[i], watcher.FirstSeen[i]));
        var fromStorable = seen.Select(i => Wait(storableAt[i], watcher.FirstSeen[i]));
        var seenBeforeAccepted = seen.Count(i => watcher.FirstSeen[i] < sender.FirstAccepted[i]);
        var acceptSeconds = Stopwatch.GetElapsedTime(sender.StartedAt, sender.FinishedAt).TotalSeconds;
        var allStoredSeconds = Stopwatch.GetElapsedTime(sender.StartedAt, allStored).TotalSeconds;
        var storedPerSecond = chat.Expected.Count / allStoredSeconds;
        return new LoadResults(
            new RunFacts(chat.SessionId, options.Target.ToString(), options.Secret is not null, chat.Expected.Count, chat.Deliveries.Count, chat.Edits,
                options.Batch, options.Concurrency, options.Rate, Environment.ProcessorCount, startedAt, LoadAverage: null),
            new IngestResults(sender.Requests, sender.Retries, acceptSeconds, chat.Deliveries.Count / acceptSeconds),
            new StoredResults(
                LatencySummary.Of(latencies), seenBeforeAccepted, LatencySummary.Of(fromStorable), allStoredSeconds, storedPerSecond, Stopwatch.GetElapsedTime(sender.StartedAt, settledAt).TotalSeconds,
                check.IsExactlyOnce, check.ToString(), status.PostCount, watcher.Polls, watcher.PollTime.TotalMilliseconds / Math.Max(1, watcher.Polls),
                watcher.RowsRead, watcher.LateFinds, watcher.FailedPolls, probes),
            new PublishResults(publishTime.TotalSeconds, page.Length, published.Status, published.TranscriptUrl),
            new RawResults(
                sessionRead.TotalSeconds, table.Written, table.WriteTime.TotalSeconds, table.WritesPerSecond, table.ReadTime.TotalSeconds, table.ReadsPerSecond,
                uploadMedian.TotalMilliseconds, uploads.Select(u => u.TotalMilliseconds).ToList(),
                queue.Messages, queue.MessageBytes, queue.SendsPerSecond, queue.SettlesPerSecond, queue.PassThroughPerSecond),
            new Ratios(storedPerSecond / table.WritesPerSecond, storedPerSecond / queue.PassThroughPerSecond, publishTime / (table.ReadTime + uploadMedian)),
            progress.Samples);
    }

    /// <summary>The first three fields of /proc/loadavg: the machine is shared, and its load is part of every number here.</summary>
    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "?";
        }
        catch (UnauthorizedAccessException)
        {
            return "?";
        }
    }

    /// <summary>A message of the size the host queues for one request: its posts' JSON as a delivery, under a message id of the host's length.</summary>
    private static OutgoingMessage QueueMessage(Delivery[] request) =>
        new($"posts:msg_{Guid.NewGuid():N}", BinaryData.FromObjectAsJson(new { Type = "delivery", Posts = request.Select(d => d.Post), Deletions = Array.Empty<object>() }, PipelineJson.Options));

    private static TimeSpan Wait(long from, long to) => to > from ? Stopwatch.GetElapsedTime(from, to) : TimeSpan.Zero;

    private static double Seconds(long since) => since == 0 ? 0 : Stopwatch.GetElapsedTime(since).TotalSeconds;
}
