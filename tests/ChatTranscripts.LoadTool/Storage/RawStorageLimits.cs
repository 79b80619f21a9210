using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using ChatTranscripts.Pipeline.Adapters.Connections;
using ChatTranscripts.Pipeline.Adapters.Queues;
using ChatTranscripts.Pipeline.Application.Ports;
using ChatTranscripts.Pipeline.Application.Queueing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatTranscripts.LoadTool.Storage;

/// <summary>
/// What the storage account does with no pipeline in front of it, measured in scratch tables and containers that are
/// deleted afterwards: batch writes of the session's own rows (transactions of 100 in one partition, as the pipeline
/// writes them), reading that partition back, uploading a page, and passing one queue message per delivery through a
/// Storage queue the way the pipeline does. The pipeline's numbers are compared with these.
/// </summary>
internal sealed class RawStorageLimits(StorageAccount account, string tablePrefix, int concurrency)
{
    private const int TransactionSize = 100;

    private static readonly TimeSpan EmptyQueueWait = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan StalledQueue = TimeSpan.FromSeconds(60);
    private const string ScratchPartition = "scratch";

    /// <summary>Columns the service adds; everything else is copied as the pipeline wrote it.</summary>
    private static readonly HashSet<string> ServiceColumns = new(StringComparer.Ordinal) { "PartitionKey", "RowKey", "Timestamp", "odata.etag" };

    private readonly string _scratchName = "LoadScratch" + Random.Shared.Next().ToString("x8", CultureInfo.InvariantCulture);

    /// <summary>Writes copies of <paramref name="rows"/> into one partition of a scratch table, then reads them back.</summary>
    public async Task<RawTableResult> MeasureTableAsync(IReadOnlyList<TableEntity> rows, CancellationToken cancellationToken)
    {
        var table = account.Tables.GetTableClient(tablePrefix + _scratchName);
        await table.CreateIfNotExistsAsync(cancellationToken);
        try
        {
            var transactions = rows
                .Select(row => new TableTransactionAction(TableTransactionActionType.UpsertReplace, Copy(row)))
                .Chunk(TransactionSize)
                .ToList();
            var writeStarted = Stopwatch.GetTimestamp();
            await Parallel.ForEachAsync(
                transactions,
                new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
                async (transaction, ct) => await table.SubmitTransactionAsync(transaction, ct));
            var write = Stopwatch.GetElapsedTime(writeStarted);

            var readStarted = Stopwatch.GetTimestamp();
            var read = 0;
            await foreach (var _ in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {ScratchPartition}"), cancellationToken: cancellationToken))
            {
                read++;
            }
            return new RawTableResult(rows.Count, write, read, Stopwatch.GetElapsedTime(readStarted));
        }
        finally
        {
            await table.DeleteAsync(CancellationToken.None);
        }
    }

    /// <summary>Uploads <paramref name="content"/> to a scratch container <paramref name="times"/> times, as the site's pages are uploaded; returns each upload's time.</summary>
    public async Task<IReadOnlyList<TimeSpan>> MeasureUploadAsync(byte[] content, string contentType, int times, CancellationToken cancellationToken)
    {
        var container = account.Blobs.GetBlobContainerClient(_scratchName.ToLowerInvariant());
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        try
        {
            var uploads = new List<TimeSpan>(times);
            for (var i = 0; i < times; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await container.GetBlobClient($"session-{i}/index.html").UploadAsync(
                    BinaryData.FromBytes(content),
                    new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType, CacheControl = "public, max-age=60" } },
                    cancellationToken);
                uploads.Add(Stopwatch.GetElapsedTime(started));
            }
            return uploads;
        }
        finally
        {
            await container.DeleteIfExistsAsync(cancellationToken: CancellationToken.None);
        }
    }

    /// <summary>
    /// Passes <paramref name="messages"/> through a scratch queue with the pipeline's own Storage queue adapter (so a
    /// body too large for a message goes through its claim-check blob, as the host's do) three ways: all sent, with as
    /// many sends in flight as the host makes for <c>concurrency</c> requests (one each); then all received and settled
    /// by the pipeline's own <see cref="QueueDrainer"/> with a handler that does nothing; then sent again while the
    /// drainer runs beside the senders, as the pipeline runs, timed to the last settle.
    /// </summary>
    public async Task<RawQueueResult> MeasureQueueAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken)
    {
        var options = Options.Create(new QueueOptions { Name = _scratchName.ToLowerInvariant() });
        using var queue = new StorageQueuePostQueue(account, options);
        var drainer = new QueueDrainer(queue, options, TimeProvider.System, NullLogger<QueueDrainer>.Instance);
        await queue.InitializeAsync(cancellationToken);
        try
        {
            var sendStarted = Stopwatch.GetTimestamp();
            await SendAllAsync(queue, messages, cancellationToken);
            var send = Stopwatch.GetElapsedTime(sendStarted);

            var settleStarted = Stopwatch.GetTimestamp();
            await SettleAllAsync(drainer, messages.Count, cancellationToken);
            var settle = Stopwatch.GetElapsedTime(settleStarted);

            var bothStarted = Stopwatch.GetTimestamp();
            await Task.WhenAll(SendAllAsync(queue, messages, cancellationToken), SettleAllAsync(drainer, messages.Count, cancellationToken));
            var both = Stopwatch.GetElapsedTime(bothStarted);

            var bytes = messages.Sum(m => (long)m.Body.ToMemory().Length);
            return new RawQueueResult(messages.Count, (int)(bytes / Math.Max(1, messages.Count)), send, settle, both);
        }
        finally
        {
            await account.Queues.GetQueueClient(options.Value.Name).DeleteIfExistsAsync(CancellationToken.None);
            await account.Queues.GetQueueClient(options.Value.Name + StorageQueuePostQueue.PoisonSuffix).DeleteIfExistsAsync(CancellationToken.None);
            await account.Blobs.GetBlobContainerClient(options.Value.Name + ClaimCheck.ContainerSuffix).DeleteIfExistsAsync(cancellationToken: CancellationToken.None);
        }
    }

    private Task SendAllAsync(StorageQueuePostQueue queue, IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(
            messages,
            new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (message, ct) => await queue.SendAsync(message, ct));

    /// <summary>Drains until <paramref name="count"/> messages were settled; an empty queue waits a moment, as the local host's processor does.</summary>
    private static async Task SettleAllAsync(QueueDrainer drainer, int count, CancellationToken cancellationToken)
    {
        var handler = new CountingHandler();
        var lastSettled = Stopwatch.GetTimestamp();
        while (handler.Count < count)
        {
            var drained = await drainer.DrainAsync(handler, cancellationToken);
            if (drained.Processed > 0)
            {
                lastSettled = Stopwatch.GetTimestamp();
                continue;
            }
            if (Stopwatch.GetElapsedTime(lastSettled) > StalledQueue)
            {
                throw new InvalidOperationException($"The scratch queue returned nothing for {StalledQueue.TotalSeconds} s with {count - handler.Count} messages still to settle.");
            }
            await Task.Delay(EmptyQueueWait, cancellationToken);
        }
    }

    private static TableEntity Copy(TableEntity row)
    {
        var copy = new TableEntity(ScratchPartition, row.RowKey);
        foreach (var (name, value) in row.Where(p => !ServiceColumns.Contains(p.Key)))
        {
            copy[name] = value;
        }
        return copy;
    }

    /// <summary>Processes nothing and counts what it was handed, so the drainer settles every message it receives.</summary>
    private sealed class CountingHandler : IQueueBatchHandler
    {
        private static readonly BatchOutcome AllProcessed = new(new Dictionary<string, string>());

        private int _count;

        public int Count => Volatile.Read(ref _count);

        public Task<BatchOutcome> HandleAsync(IReadOnlyList<ReceivedMessage> batch, CancellationToken cancellationToken)
        {
            Interlocked.Add(ref _count, batch.Count);
            return Task.FromResult(AllProcessed);
        }
    }
}
