using System.Diagnostics;
using Azure;
using Azure.Data.Tables;

namespace ChatTranscripts.LoadTool.Storage;

/// <summary>
/// Polls a session's partition of the Posts table and records when each expected post was first seen there. After one
/// full read, each poll asks only for rows written since the newest write it has seen (by the service's own Timestamp,
/// so the client's clock does not matter), less a margin for transactions still committing: a poll then costs what
/// changed rather than the whole partition, which keeps the watcher from competing with the pipeline it measures.
/// When nothing new turns up for a long while with posts still missing, it reads the whole partition again in case a
/// write slipped under the margin; <see cref="LateFinds"/> counts what such a read found (0 means every first-seen time
/// came from a regular poll).
/// </summary>
internal sealed class PartitionWatcher(TableClient posts, string sessionId, IReadOnlyList<ExpectedPost> expected, TimeSpan interval)
{
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan StallBeforeFullRead = TimeSpan.FromSeconds(30);
    private static readonly string[] Columns = ["RowKey", "Timestamp"];

    private readonly Dictionary<string, int> _indexByRowKey = expected.Select((p, i) => (p.RowKey, i)).ToDictionary(p => p.RowKey, p => p.i, StringComparer.Ordinal);
    private readonly long[] _firstSeen = new long[expected.Count];
    private readonly HashSet<string> _unexpected = new(StringComparer.Ordinal);
    private int _stored;
    private long _lastStoredAt;

    /// <summary>Expected posts seen so far.</summary>
    public int Stored => Volatile.Read(ref _stored);

    /// <summary>Rows seen that no expected post explains.</summary>
    public int Unexpected => _unexpected.Count;

    /// <summary><see cref="Stopwatch"/> timestamp of the poll that first saw each expected post; 0 while unseen.</summary>
    public IReadOnlyList<long> FirstSeen => _firstSeen;

    /// <summary>When the last expected post was first seen.</summary>
    public long LastStoredAt => Interlocked.Read(ref _lastStoredAt);

    public int Polls { get; private set; }

    /// <summary>Rows all polls returned together: the load the watcher itself put on the table.</summary>
    public long RowsRead { get; private set; }

    /// <summary>Expected posts first found by a fallback full read rather than by a regular poll.</summary>
    public int LateFinds { get; private set; }

    public TimeSpan PollTime { get; private set; }

    /// <summary>Polls that failed after the client's own retries, as while a killed host's storage restarts; each is tried again.</summary>
    public int FailedPolls { get; private set; }

    /// <summary>Polls until every expected post has been seen, or until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        DateTimeOffset? watermark = null;
        var lastNew = Stopwatch.GetTimestamp();
        while (Stored < expected.Count)
        {
            var started = Stopwatch.GetTimestamp();
            var first = watermark is null;
            var full = first || Stopwatch.GetElapsedTime(lastNew) > StallBeforeFullRead;
            var filter = full
                ? TableClient.CreateQueryFilter($"PartitionKey eq {sessionId}")
                : TableClient.CreateQueryFilter($"PartitionKey eq {sessionId} and Timestamp ge {watermark!.Value - Margin}");
            try
            {
                await foreach (var page in posts.QueryAsync<TableEntity>(filter, select: Columns, cancellationToken: cancellationToken).AsPages())
                {
                    var seenAt = Stopwatch.GetTimestamp();
                    RowsRead += page.Values.Count;
                    foreach (var row in page.Values)
                    {
                        if (row.Timestamp is { } written && (watermark is null || written > watermark))
                        {
                            watermark = written;
                        }
                        if (!_indexByRowKey.TryGetValue(row.RowKey, out var index))
                        {
                            _unexpected.Add(row.RowKey);
                        }
                        else if (_firstSeen[index] == 0)
                        {
                            _firstSeen[index] = seenAt;
                            Interlocked.Exchange(ref _lastStoredAt, seenAt);
                            Interlocked.Increment(ref _stored);
                            lastNew = seenAt;
                            if (full && !first)
                            {
                                LateFinds++;
                            }
                        }
                    }
                }
            }
            catch (Exception e) when (e is RequestFailedException { Status: not 404 } or AggregateException && !cancellationToken.IsCancellationRequested)
            {
                // Storage itself is away (a killed local host takes its Azurite along for a moment): poll again.
                FailedPolls++;
                await Task.Delay(interval, cancellationToken);
                continue;
            }
            if (full)
            {
                lastNew = Stopwatch.GetTimestamp();
            }
            Polls++;
            var took = Stopwatch.GetElapsedTime(started);
            PollTime += took;
            if (took < interval && Stored < expected.Count)
            {
                await Task.Delay(interval - took, cancellationToken);
            }
        }
    }
}
