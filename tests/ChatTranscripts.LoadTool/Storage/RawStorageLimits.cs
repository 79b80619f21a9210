using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using ChatTranscripts.Pipeline.Storage;

namespace ChatTranscripts.LoadTool.Storage;

/// <summary>
/// What the storage account does with no pipeline in front of it, measured in scratch tables and containers that are
/// deleted afterwards: batch writes of the session's own rows (transactions of 100 in one partition, as the pipeline
/// writes them), reading that partition back, and uploading a page. The pipeline's numbers are compared with these.
/// </summary>
internal sealed class RawStorageLimits(StorageAccount account, string tablePrefix, int concurrency)
{
    private const int TransactionSize = 100;
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
