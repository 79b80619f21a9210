using Azure.Data.Tables;
using ChatTranscripts.Pipeline.Ingest;

namespace ChatTranscripts.Pipeline.Storage;

/// <summary>
/// Tombstones of deleted posts: a deletion is remembered, so a later arrival of the post stays deleted. They are kept
/// for good: a post may arrive any time after its deletion (a webhook retried for days, a dead letter replayed), and
/// they are only ever read by point lookups, so their number costs storage (a few hundred bytes each), never time.
/// </summary>
public sealed class DeletionStore(PipelineTables tables, TimeProvider time)
{
    public Task AddAsync(IEnumerable<PostKey> keys, CancellationToken cancellationToken) =>
        TableBatches.SubmitAsync(tables.Deletions, keys.Select(key => new TableTransactionAction(
            TableTransactionActionType.UpsertReplace,
            new TableEntity(TableKeys.Escape(key.Platform), TableKeys.Escape(key.Id))
            {
                ["Platform"] = key.Platform,
                ["PostId"] = key.Id,
                ["DeletedAt"] = time.GetUtcNow(),
            })), cancellationToken);

    /// <summary>Which of <paramref name="keys"/> are deleted: one point lookup each, whatever the number of tombstones.</summary>
    public async Task<IReadOnlySet<PostKey>> DeletedAmongAsync(IEnumerable<PostKey> keys, CancellationToken cancellationToken)
    {
        var found = await BoundedParallel.SelectAsync(keys.Distinct(), async (key, ct) =>
            (Key: key, Deleted: (await tables.Deletions.GetEntityIfExistsAsync<TableEntity>(
                TableKeys.Escape(key.Platform), TableKeys.Escape(key.Id), select: ["RowKey"], cancellationToken: ct)).HasValue), cancellationToken);
        return found.Where(f => f.Deleted).Select(f => f.Key).ToHashSet();
    }
}
