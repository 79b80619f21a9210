using Azure;
using Azure.Data.Tables;
using ChatTranscripts.Pipeline.Application;
using ChatTranscripts.Pipeline.Application.Ports;
using ChatTranscripts.Pipeline.Core;

namespace ChatTranscripts.Pipeline.Adapters.Tables;

/// <summary>
/// The latest version of every post received, whether or not a session wants it yet: a session registered
/// (or changed) later still finds the posts of its time window here.
/// </summary>
public sealed class ReceivedPostStore(PipelineTables tables) : IReceivedPostStore
{
    private const string HashColumn = "Hash";

    /// <summary>The version stored in the row each post would be written to, with the row's ETag; missing rows are absent.</summary>
    public async Task<IReadOnlyDictionary<ReceivedPostRow, StoredVersion>> GetAsync(IEnumerable<CanonicalPost> posts, CancellationToken cancellationToken)
    {
        var found = await BoundedParallel.SelectAsync(posts, async (post, ct) =>
        {
            var response = await tables.ReceivedPosts.GetEntityIfExistsAsync<TableEntity>(
                TableKeys.HourBucket(post.CreatedAt), TableKeys.Escape(post.Key.ToString()), cancellationToken: ct);
            return response.HasValue ? new StoredVersion(PostColumns.Read(response.Value!), response.Value!.GetString(HashColumn), response.Value!.ETag.ToString()) : null;
        }, cancellationToken);
        return found.OfType<StoredVersion>().ToDictionary(f => ReceivedPostRow.Of(f.Post!));
    }

    /// <summary>
    /// Writes each version over the row it was chosen against, conditionally: inserted where there was no row, replaced
    /// only while the row still has the ETag it was read with. Returns the versions storage refused to hold (the others
    /// are stored); a row another writer changed or removed in between fails the write with 409, 412 or 404 (a
    /// <see cref="TableTransactionFailedException"/>), after the transactions before it were committed.
    /// </summary>
    public async Task<IReadOnlyList<SetAsidePost>> WriteOverAsync(
        IReadOnlyList<(CanonicalPost Post, string Hash, StoredVersion Current)> writes, CancellationToken cancellationToken)
    {
        var byEntity = new Dictionary<ITableEntity, (CanonicalPost Post, string Hash)>(ReferenceEqualityComparer.Instance);
        var refused = await TableBatches.SubmitIsolatingAsync(tables.ReceivedPosts, writes.Select(write =>
        {
            var entity = new TableEntity(TableKeys.HourBucket(write.Post.CreatedAt), TableKeys.Escape(write.Post.Key.ToString()));
            PostColumns.Write(entity, write.Post);
            entity[HashColumn] = write.Hash;
            byEntity[entity] = (write.Post, write.Hash);
            return write.Current.Post is null
                ? new TableTransactionAction(TableTransactionActionType.Add, entity)
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, (write.Current.ETag is { } etag ? new ETag(etag) : (ETag?)null)
                    ?? throw new ArgumentException($"The stored version of {write.Post.Key} was not read, so it has no ETag to replace it under.", nameof(writes)));
        }), cancellationToken);
        return refused.Select(r => new SetAsidePost(byEntity[r.Action.Entity].Post, byEntity[r.Action.Entity].Hash, r.Reason)).ToList();
    }

    /// <summary>Removes the version stored in the hour partition of <paramref name="createdAt"/>; nothing there is not an error.</summary>
    public Task DeleteAsync(PostKey key, DateTimeOffset createdAt, CancellationToken cancellationToken) =>
        tables.ReceivedPosts.DeleteEntityAsync(TableKeys.HourBucket(createdAt), TableKeys.Escape(key.ToString()), ETag.All, cancellationToken);

    /// <summary>Every received post created within the session's window: a few hour partitions, never a table scan.</summary>
    public async Task<IReadOnlyList<CanonicalPost>> InWindowAsync(SessionDefinition session, CancellationToken cancellationToken)
    {
        var from = session.WindowStart.UtcDateTime;
        var to = session.WindowEnd.UtcDateTime;
        var perHour = await Task.WhenAll(TableKeys.HourBuckets(session.WindowStart, session.WindowEnd).Select(async hour =>
        {
            var posts = new List<CanonicalPost>();
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {hour} and CreatedAt ge {from} and CreatedAt le {to}");
            await foreach (var entity in tables.ReceivedPosts.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                posts.Add(PostColumns.Read(entity));
            }
            return posts;
        }));
        return perHour.SelectMany(p => p).ToList();
    }
}
