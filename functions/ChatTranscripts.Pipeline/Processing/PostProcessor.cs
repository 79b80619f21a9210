using ChatTranscripts.Pipeline.Ingest;
using ChatTranscripts.Pipeline.Queueing;
using ChatTranscripts.Pipeline.Sessions;
using ChatTranscripts.Pipeline.Storage;
using Microsoft.Extensions.Logging;

namespace ChatTranscripts.Pipeline.Processing;

/// <summary>
/// Handles a batch of queue messages: remembers deletions, stores the latest version of each post, then
/// re-routes every session the batch can affect. Every step is safe to repeat, so a message delivered twice
/// (or a batch replayed after a crash) stores the same state. Sessions are routed from snapshots kept between
/// batches (<see cref="SessionSnapshots"/>), so a batch's cost follows the batch, not the size of the session.
/// </summary>
public sealed class PostProcessor(
    PipelineTables tables,
    ReceivedPostStore received,
    DeletionStore deletions,
    SessionPostStore sessionPosts,
    SessionStore sessions,
    SessionReconciler reconciler,
    SessionSnapshots snapshots,
    ILogger<PostProcessor> logger) : IQueueBatchHandler
{
    public async Task<BatchOutcome> HandleAsync(IReadOnlyList<ReceivedMessage> batch, CancellationToken cancellationToken)
    {
        var rejected = new Dictionary<string, string>(StringComparer.Ordinal);
        var messages = new List<PipelineMessage>(batch.Count);
        foreach (var message in batch)
        {
            if (PipelineMessage.Decode(message.Body) is { } decoded)
            {
                messages.Add(decoded);
            }
            else
            {
                rejected[message.MessageId] = "The message body is not a post, deletion or session change this processor understands.";
            }
        }
        await ProcessAsync(messages, cancellationToken);
        return new BatchOutcome(rejected);
    }

    public async Task ProcessAsync(IReadOnlyList<PipelineMessage> messages, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        snapshots.DropIdle();
        try
        {
            await ProcessBatchAsync(messages, cancellationToken);
        }
        catch
        {
            // Some writes may have landed and others not: what the snapshots say of storage is no longer known.
            snapshots.Clear();
            throw;
        }
    }

    private async Task ProcessBatchAsync(IReadOnlyList<PipelineMessage> messages, CancellationToken cancellationToken)
    {
        var deletedNow = messages.Where(m => m.Deletion is not null).Select(m => m.Deletion!.Key).ToHashSet();
        if (deletedNow.Count > 0)
        {
            snapshots.Clear();
            await deletions.AddAsync(deletedNow, cancellationToken);
        }

        var latest = PostVersions.Latest(messages.Where(m => m.Post is not null).Select(m => m.Post!));
        var tombstones = await deletions.ForPlatformsAsync(latest.Select(p => p.Post.Platform), cancellationToken);
        var live = latest.Where(p => !tombstones.Contains(p.Post.Key)).ToList();

        var allSessions = await sessions.ListAsync(cancellationToken);
        // Every post of the batch counts, not only the newer ones: after a crash between storing a post and
        // routing it, the redelivered message must still reach its sessions.
        var affected = allSessions
            .Where(session => live.Any(p => session.Definition.WindowContains(p.Post.CreatedAt)))
            .Select(session => session.Id)
            .ToHashSet(StringComparer.Ordinal);
        affected.UnionWith(await SessionsHoldingAsync(allSessions, deletedNow, cancellationToken));
        var changedSessions = messages.Where(m => m.SessionId is not null).Select(m => m.SessionId!).ToHashSet(StringComparer.Ordinal);
        affected.UnionWith(changedSessions);

        var byId = allSessions.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var routes = new List<SessionSnapshot>();
        foreach (var id in affected.Order(StringComparer.Ordinal))
        {
            // A session changed through the API is always read afresh; a session registered after the list was taken is read on its own.
            if ((byId.GetValueOrDefault(id) ?? await sessions.GetAsync(id, cancellationToken)) is { } session)
            {
                routes.Add((changedSessions.Contains(id) ? null : snapshots.TryGet(session)) ?? await reconciler.LoadAsync(session, cancellationToken));
            }
        }

        var stored = await StoredVersionsAsync(live, routes, cancellationToken);
        var newer = live.Where(p => stored[p.Post.Key] is not { Post: { } current, Hash: { } hash }
            || PostVersions.Compare(p.Post, p.Hash, current, hash) > 0).ToList();
        await received.UpsertAsync(newer, cancellationToken);

        foreach (var route in routes)
        {
            if (await reconciler.ReconcileAsync(route, live, tombstones, cancellationToken) is { } reconciled)
            {
                snapshots.Keep(reconciled);
            }
        }
        logger.LogInformation(
            "Processed {Messages} messages: {Stored} post versions stored, {Deleted} deletions, {Sessions} sessions re-routed",
            messages.Count, newer.Count, deletedNow.Count, affected.Count);
    }

    /// <summary>
    /// The version each post's ReceivedPosts row holds now. A session snapshot whose window covers the row's hour
    /// knows it; only the rest are read, one point read each.
    /// </summary>
    private async Task<Dictionary<PostKey, StoredVersion>> StoredVersionsAsync(
        IReadOnlyList<(CanonicalPost Post, string Hash)> posts, IReadOnlyList<SessionSnapshot> routes, CancellationToken cancellationToken)
    {
        var versions = new Dictionary<PostKey, StoredVersion>();
        var unknown = new List<CanonicalPost>();
        foreach (var (post, _) in posts)
        {
            if (routes.Select(route => route.StoredVersionOf(post)).FirstOrDefault(version => version is not null) is { } known)
            {
                versions[post.Key] = known;
            }
            else
            {
                unknown.Add(post);
            }
        }
        var read = await received.GetAsync(unknown, cancellationToken);
        foreach (var post in unknown)
        {
            versions[post.Key] = read.TryGetValue(post.Key, out var current) ? new StoredVersion(current.Post, current.Hash) : StoredVersion.None;
        }
        return versions;
    }

    /// <summary>
    /// A deletion names no time, so every session is asked whether it holds the post; sessions are few and the
    /// reads are point reads. The received copy is removed too, so the content is gone from storage.
    /// </summary>
    private async Task<IEnumerable<string>> SessionsHoldingAsync(IReadOnlyList<SessionRecord> all, IReadOnlySet<PostKey> deleted, CancellationToken cancellationToken)
    {
        if (deleted.Count == 0)
        {
            return [];
        }
        var pairs = all.SelectMany(s => deleted.Select(key => (Session: s, Key: key)));
        var found = await BoundedParallel.SelectAsync(pairs, async (pair, ct) =>
            (pair.Session.Id, pair.Key, CreatedAt: await sessionPosts.FindAsync(pair.Session.Id, pair.Key, ct)), cancellationToken);
        var holding = found.Where(f => f.CreatedAt is not null).ToList();
        foreach (var (key, createdAt) in holding.Select(h => (h.Key, h.CreatedAt!.Value)).Distinct())
        {
            await received.DeleteAsync(key, createdAt, cancellationToken);
        }
        return holding.Select(h => h.Id);
    }
}
