using Azure.Data.Tables;
using ChatTranscripts.Pipeline.Ingest;

namespace ChatTranscripts.Pipeline.Storage;

/// <summary>Tombstones of deleted posts: a deletion is remembered, so a later arrival of the post stays deleted.</summary>
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

    /// <summary>
    /// Every tombstone of the given platforms. Deletions are rare next to posts, so reading whole platform
    /// partitions costs less than a point read per post.
    /// </summary>
    public async Task<IReadOnlySet<PostKey>> ForPlatformsAsync(IEnumerable<string> platforms, CancellationToken cancellationToken)
    {
        var perPlatform = await Task.WhenAll(platforms.Distinct(StringComparer.Ordinal).Select(async platform =>
        {
            var keys = new List<PostKey>();
            await foreach (var entity in tables.Deletions.QueryAsync<TableEntity>(
                e => e.PartitionKey == TableKeys.Escape(platform), select: ["PostId"], cancellationToken: cancellationToken))
            {
                keys.Add(new PostKey(platform, entity.GetString("PostId")));
            }
            return keys;
        }));
        return perPlatform.SelectMany(k => k).ToHashSet();
    }
}
