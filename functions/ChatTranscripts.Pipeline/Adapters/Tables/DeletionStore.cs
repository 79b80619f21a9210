using Azure.Data.Tables;
using ChatTranscripts.Pipeline.Application;
using ChatTranscripts.Pipeline.Application.Ports;
using ChatTranscripts.Pipeline.Core;

namespace ChatTranscripts.Pipeline.Adapters.Tables;

/// <summary>
/// Tombstones of deleted posts: a deletion is remembered, so a later arrival of the post stays deleted. They are kept
/// for good: a post may arrive any time after its deletion (a webhook retried for days, a dead letter replayed). A
/// Bloom filter over them (<see cref="TombstoneFilterSegments"/>) rules out almost every post never deleted, and only
/// the rest are point lookups, so their number costs storage (a few hundred bytes each), never time, and a batch of
/// new posts reads no tombstone at all.
/// </summary>
public sealed class DeletionStore(PipelineTables tables, TombstoneFilterSegments filter, TimeProvider time) : IDeletionStore
{
    /// <summary>The mark's partition: no platform escapes to it, as platforms are lowercase letters, digits and '-'.</summary>
    private const string MarkPartition = "~mark";

    private const string MarkRow = "last";

    /// <summary>
    /// Adds the keys to the filter, writes the tombstones, then moves the <see cref="MarkAsync">mark</see>: after the
    /// tombstones, and before the caller looks for anything of the deleted posts to remove.
    /// </summary>
    public async Task AddAsync(IEnumerable<PostKey> keys, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var added = keys.Distinct().ToList();
        await filter.AddAsync(added, cancellationToken);
        await TableBatches.SubmitAsync(tables.Deletions, added.Select(key => new TableTransactionAction(
            TableTransactionActionType.UpsertReplace,
            new TableEntity(TableKeys.Escape(key.Platform), TableKeys.Escape(key.Id))
            {
                ["Platform"] = key.Platform,
                ["PostId"] = key.Id,
                ["DeletedAt"] = now,
            })), cancellationToken);
        await tables.Deletions.UpsertEntityAsync(new TableEntity(MarkPartition, MarkRow) { ["DeletedAt"] = now }, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>
    /// A value that changes whenever tombstones are added (the ETag of a row every <see cref="AddAsync"/> rewrites once
    /// its tombstones are written); null before the first deletion. The same mark before and after some work means no
    /// deletion wrote a tombstone in between, so no tombstone can have appeared that a lookup before the work missed.
    /// </summary>
    public async Task<string?> MarkAsync(CancellationToken cancellationToken)
    {
        var mark = await tables.Deletions.GetEntityIfExistsAsync<TableEntity>(MarkPartition, MarkRow, select: ["RowKey"], cancellationToken: cancellationToken);
        return mark.HasValue ? mark.Value!.ETag.ToString() : null;
    }

    /// <summary>
    /// Which of <paramref name="keys"/> are deleted, as of <paramref name="mark"/> (read before): the filter rules out
    /// most, and each of the rest is one point lookup, whatever the number of tombstones.
    /// </summary>
    public async Task<IReadOnlySet<PostKey>> DeletedAmongAsync(IEnumerable<PostKey> keys, string? mark, CancellationToken cancellationToken)
    {
        var candidates = await filter.MaybeDeletedAsync(keys.Distinct(), mark, cancellationToken);
        var found = await BoundedParallel.SelectAsync(candidates, async (key, ct) =>
            (Key: key, Deleted: (await tables.Deletions.GetEntityIfExistsAsync<TableEntity>(
                TableKeys.Escape(key.Platform), TableKeys.Escape(key.Id), select: ["RowKey"], cancellationToken: ct)).HasValue), cancellationToken);
        return found.Where(f => f.Deleted).Select(f => f.Key).ToHashSet();
    }
}
