using Azure;
using Azure.Data.Tables;
using ChatTranscripts.Pipeline.Core;

namespace ChatTranscripts.Pipeline.Adapters.Tables;

/// <summary>
/// The Bloom filter over every tombstone, kept in the Deletions table as <see cref="TombstoneFilter"/> segments and
/// cached here. A segment that is full never changes, so after the first load only the open segment (and any opened
/// since) is read again, and only when the deletions mark has moved: what a batch reads does not grow with the
/// number of deletions. Writers add keys with a transaction conditional on the open segment's ETag, so processors
/// deleting at once never lose each other's keys.
/// </summary>
public sealed class TombstoneFilterSegments(PipelineTables tables)
{
    /// <summary>The filter's partition: no platform escapes to it, as platforms are lowercase letters, digits and '-'.</summary>
    public const string Partition = "~filter";

    private const int MaxConflicts = 10;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<(TombstoneFilter Filter, ETag ETag)> _segments = [];
    private bool _loaded;
    private string? _currentAt;

    /// <summary>
    /// The keys among <paramref name="keys"/> the filter cannot rule out, as of <paramref name="mark"/> (the deletions
    /// mark read before): every deleted one among them, and a few that are not.
    /// </summary>
    public async Task<IReadOnlyList<PostKey>> MaybeDeletedAsync(IEnumerable<PostKey> keys, string? mark, CancellationToken cancellationToken)
    {
        if (mark is null)
        {
            // The mark moves after every deletion: without it, nothing was ever deleted.
            return [];
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_loaded || _currentAt != mark)
            {
                await RefreshAsync(cancellationToken);
                _currentAt = mark;
            }
            return keys.Where(key => _segments.Any(segment => segment.Filter.MightContain(key))).ToList();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Adds the keys; done before their tombstones are written, so the filter never misses a tombstone.</summary>
    public async Task AddAsync(IReadOnlyCollection<PostKey> keys, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_loaded)
            {
                await RefreshAsync(cancellationToken);
            }
            for (var attempt = 1; ; attempt++)
            {
                var open = _segments.FindIndex(s => !s.Filter.IsFull);
                var first = open < 0 ? _segments.Count : open;
                var changed = _segments.Skip(first).Select(s => (Filter: TombstoneFilter.FromBytes(s.Filter.ToBytes(), s.Filter.Count), ETag: (ETag?)s.ETag)).ToList();
                foreach (var key in keys)
                {
                    if (changed.Count == 0 || changed[^1].Filter.IsFull)
                    {
                        changed.Add((new TombstoneFilter(), null));
                    }
                    changed[^1].Filter.Add(key);
                }
                var actions = changed.Select((segment, i) => segment.ETag is { } etag
                    ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, ToEntity(first + i, segment.Filter), etag)
                    : new TableTransactionAction(TableTransactionActionType.Add, ToEntity(first + i, segment.Filter))).ToList();
                try
                {
                    var response = await tables.Deletions.SubmitTransactionAsync(actions, cancellationToken);
                    _segments.RemoveRange(first, _segments.Count - first);
                    _segments.AddRange(changed.Select((segment, i) => (segment.Filter, response.Value[i].Headers.ETag!.Value)));
                    return;
                }
                catch (TableTransactionFailedException e) when (e.Status is 404 or 409 or 412 && attempt < MaxConflicts)
                {
                    // Another writer added keys first: take its segments and add ours to them.
                    await RefreshAsync(cancellationToken);
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Reads the segments from the first one not known to be full; builds the filter when there is none yet.</summary>
    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var open = _segments.FindIndex(s => !s.Filter.IsFull);
        var first = open < 0 ? _segments.Count : open;
        var read = new List<(TombstoneFilter, ETag)>();
        await foreach (var entity in tables.Deletions.QueryAsync<TableEntity>(
            e => e.PartitionKey == Partition && e.RowKey.CompareTo(RowKey(first)) >= 0, cancellationToken: cancellationToken))
        {
            read.Add(FromEntity(entity));
        }
        _segments.RemoveRange(first, _segments.Count - first);
        _segments.AddRange(read);
        if (_segments.Count == 0)
        {
            await BuildAsync(cancellationToken);
        }
        _loaded = true;
    }

    /// <summary>
    /// Tombstones written before the filter existed are read once and the filter built from them; a processor that
    /// built it first wins, and its segments are read instead.
    /// </summary>
    private async Task BuildAsync(CancellationToken cancellationToken)
    {
        var built = new List<TombstoneFilter>();
        await foreach (var entity in tables.Deletions.QueryAsync<TableEntity>(select: ["PartitionKey", "Platform", "PostId"], cancellationToken: cancellationToken))
        {
            if (entity.GetString("Platform") is { } platform && entity.GetString("PostId") is { } id)
            {
                if (built.Count == 0 || built[^1].IsFull)
                {
                    built.Add(new TombstoneFilter());
                }
                built[^1].Add(new PostKey(platform, id));
            }
        }
        if (built.Count == 0)
        {
            return;
        }
        try
        {
            var response = await tables.Deletions.SubmitTransactionAsync(
                built.Select((filter, i) => new TableTransactionAction(TableTransactionActionType.Add, ToEntity(i, filter))), cancellationToken);
            _segments.AddRange(built.Select((filter, i) => (filter, response.Value[i].Headers.ETag!.Value)));
        }
        catch (TableTransactionFailedException e) when (e.Status == 409)
        {
            await foreach (var entity in tables.Deletions.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, cancellationToken: cancellationToken))
            {
                _segments.Add(FromEntity(entity));
            }
        }
    }

    private static (TombstoneFilter Filter, ETag ETag) FromEntity(TableEntity entity) =>
        (TombstoneFilter.FromBytes(entity.GetBinary("Bits"), entity.GetInt32("Count") ?? 0), entity.ETag);

    private static TableEntity ToEntity(int index, TombstoneFilter filter) =>
        new(Partition, RowKey(index)) { ["Bits"] = filter.ToBytes(), ["Count"] = filter.Count };

    private static string RowKey(int index) => $"segment-{index:D6}";
}
