using Azure;
using Azure.Data.Tables;
using ChatTranscripts.Pipeline.Ingest;
using ChatTranscripts.Pipeline.Sessions;

namespace ChatTranscripts.Pipeline.Storage;

/// <summary>
/// The latest version of every post received, whether or not a session wants it yet: a session registered
/// (or changed) later still finds the posts of its time window here.
/// </summary>
public sealed class ReceivedPostStore(PipelineTables tables)
{
    private const string HashColumn = "Hash";

    /// <summary>Returns the stored version of each post, by key; missing posts are absent.</summary>
    public async Task<IReadOnlyDictionary<PostKey, (CanonicalPost Post, string Hash)>> GetAsync(IEnumerable<CanonicalPost> posts, CancellationToken cancellationToken)
    {
        var found = await BoundedParallel.SelectAsync(posts, async (post, ct) =>
        {
            var response = await tables.ReceivedPosts.GetEntityIfExistsAsync<TableEntity>(
                TableKeys.HourBucket(post.CreatedAt), TableKeys.Escape(post.Key.ToString()), cancellationToken: ct);
            return response.HasValue ? (PostColumns.Read(response.Value!), response.Value!.GetString(HashColumn)) : ((CanonicalPost, string)?)null;
        }, cancellationToken);
        return found.Where(f => f.HasValue).ToDictionary(f => f!.Value.Item1.Key, f => f!.Value);
    }

    /// <summary>Stores each version; returns those storage refused to hold (the others are stored).</summary>
    public async Task<IReadOnlyList<SetAsidePost>> UpsertAsync(IReadOnlyList<(CanonicalPost Post, string Hash)> posts, CancellationToken cancellationToken)
    {
        var byEntity = new Dictionary<ITableEntity, (CanonicalPost Post, string Hash)>(ReferenceEqualityComparer.Instance);
        var refused = await TableBatches.SubmitIsolatingAsync(tables.ReceivedPosts, posts.Select(p =>
        {
            var entity = new TableEntity(TableKeys.HourBucket(p.Post.CreatedAt), TableKeys.Escape(p.Post.Key.ToString()));
            PostColumns.Write(entity, p.Post);
            entity[HashColumn] = p.Hash;
            byEntity[entity] = p;
            return new TableTransactionAction(TableTransactionActionType.UpsertReplace, entity);
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
