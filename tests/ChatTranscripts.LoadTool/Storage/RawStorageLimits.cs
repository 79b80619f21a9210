using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using ChatTranscripts.Pipeline.Queueing;
using ChatTranscripts.Pipeline.Storage;

namespace ChatTranscripts.LoadTool.Storage;

/// <summary>
/// What the storage account does with no pipeline in front of it, measured in scratch tables and containers that are
/// deleted afterwards: batch writes of the session's own rows (transactions of 100 in one partition, as the pipeline
/// writes them), reading that partition back, uploading a page, and passing one queue message per post through a
/// Storage queue the way the pipeline does. The pipeline's numbers are compared with these.
/// </summary>
internal sealed class RawStorageLimits(StorageAccount account, string tablePrefix, int concurrency)
{
    private const int TransactionSize = 100;

    /// <summary>Receives the processor makes together for one batch (<see cref="QueueDrainer"/>), as the host is configured by default.</summary>
    private static readonly int ReceivesPerBatch = new QueueOptions().BatchSize / QueueDrainer.ReceiveChunk;

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
    /// Passes <paramref name="messages"/> through a scratch queue three ways: all sent, with as many sends in flight as
    /// the host makes for <c>concurrency</c> requests; then all received and deleted as the processor settles them;
    /// then sent again while a settler runs beside the senders, as the pipeline runs, timed to the last delete.
    /// </summary>
    public async Task<RawQueueResult> MeasureQueueAsync(IReadOnlyList<BinaryData> messages, CancellationToken cancellationToken)
    {
        var queue = account.Queues.GetQueueClient(_scratchName.ToLowerInvariant());
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        try
        {
            var sendStarted = Stopwatch.GetTimestamp();
            await SendAllAsync(queue, messages, cancellationToken);
            var send = Stopwatch.GetElapsedTime(sendStarted);

            var settleStarted = Stopwatch.GetTimestamp();
            await SettleAllAsync(queue, messages.Count, cancellationToken);
            var settle = Stopwatch.GetElapsedTime(settleStarted);

            var bothStarted = Stopwatch.GetTimestamp();
            await Task.WhenAll(SendAllAsync(queue, messages, cancellationToken), SettleAllAsync(queue, messages.Count, cancellationToken));
            var both = Stopwatch.GetElapsedTime(bothStarted);

            var bytes = messages.Sum(m => (long)m.ToMemory().Length);
            return new RawQueueResult(messages.Count, (int)(bytes / Math.Max(1, messages.Count)), send, settle, both);
        }
        finally
        {
            await queue.DeleteIfExistsAsync(CancellationToken.None);
        }
    }

    private Task SendAllAsync(QueueClient queue, IReadOnlyList<BinaryData> messages, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(
            messages,
            new ParallelOptions { MaxDegreeOfParallelism = concurrency * StorageQueuePostQueue.SendConcurrency, CancellationToken = cancellationToken },
            async (message, ct) => await queue.SendMessageAsync(message, cancellationToken: ct));

    /// <summary>
    /// Rounds of <see cref="ReceivesPerBatch"/> receives of <see cref="StorageQueuePostQueue.MaxReceive"/>, then their
    /// deletes, until <paramref name="count"/> messages are gone; an empty round waits a moment, as the processor does.
    /// </summary>
    private static async Task SettleAllAsync(QueueClient queue, int count, CancellationToken cancellationToken)
    {
        var settled = 0;
        var lastReceived = Stopwatch.GetTimestamp();
        while (settled < count)
        {
            var rounds = await Task.WhenAll(Enumerable.Range(0, ReceivesPerBatch).Select(async _ =>
                (QueueMessage[])await queue.ReceiveMessagesAsync(StorageQueuePostQueue.MaxReceive, TimeSpan.FromMinutes(5), cancellationToken)));
            var received = rounds.SelectMany(round => round).ToList();
            if (received.Count == 0)
            {
                if (Stopwatch.GetElapsedTime(lastReceived) > StalledQueue)
                {
                    throw new InvalidOperationException($"The scratch queue {queue.Name} returned nothing for {StalledQueue.TotalSeconds} s with {count - settled} messages still to settle.");
                }
                await Task.Delay(EmptyQueueWait, cancellationToken);
                continue;
            }
            lastReceived = Stopwatch.GetTimestamp();
            await Parallel.ForEachAsync(
                received,
                new ParallelOptions { MaxDegreeOfParallelism = QueueDrainer.SettleConcurrency, CancellationToken = cancellationToken },
                async (message, ct) => await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, ct));
            settled += received.Count;
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
}
