using ChatTranscripts.Pipeline.Ingest;
using ChatTranscripts.Pipeline.Queueing;
using ChatTranscripts.Pipeline.Sessions;
using ChatTranscripts.Pipeline.Storage;
using Microsoft.Extensions.Logging;

namespace ChatTranscripts.Pipeline.Processing;

/// <summary>
/// Handles a batch of queue messages: remembers deletions, stores the latest version of each post, then
/// re-routes every session the batch can affect. Every step is safe to repeat, so a message delivered twice
/// (or a batch replayed after a crash) stores the same state.
/// </summary>
public sealed class PostProcessor(
    PipelineTables tables,
    ReceivedPostStore received,
    DeletionStore deletions,
    SessionPostStore sessionPosts,
    SessionStore sessions,
    SessionReconciler reconciler,
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
        var deletedNow = messages.Where(m => m.Deletion is not null).Select(m => m.Deletion!.Key).ToHashSet();
        if (deletedNow.Count > 0)
        {
            await deletions.AddAsync(deletedNow, cancellationToken);
        }

        var latest = PostVersions.Latest(messages.Where(m => m.Post is not null).Select(m => m.Post!));
        var tombstones = await deletions.ForPlatformsAsync(latest.Select(p => p.Post.Platform), cancellationToken);
        var live = latest.Where(p => !tombstones.Contains(p.Post.Key)).ToList();
        var stored = await received.GetAsync(live.Select(p => p.Post), cancellationToken);
        var newer = live.Where(p => !stored.TryGetValue(p.Post.Key, out var current)
            || PostVersions.Compare(p.Post, p.Hash, current.Post, current.Hash) > 0).ToList();
        await received.UpsertAsync(newer, cancellationToken);

        var allSessions = await sessions.ListAsync(cancellationToken);
        var affected = new HashSet<string>(StringComparer.Ordinal);
        // Every post of the batch counts, not only the newer ones: after a crash between storing a post and
        // routing it, the redelivered message must still reach its sessions.
        foreach (var session in allSessions)
        {
            if (live.Any(p => session.Definition.WindowContains(p.Post.CreatedAt)))
            {
                affected.Add(session.Id);
            }
        }
        affected.UnionWith(await SessionsHoldingAsync(allSessions, deletedNow, cancellationToken));
        affected.UnionWith(messages.Where(m => m.SessionId is not null).Select(m => m.SessionId!));

        foreach (var id in affected.Order(StringComparer.Ordinal))
        {
            // Read afresh: the definition may have changed since the list was taken.
            if (await sessions.GetAsync(id, cancellationToken) is { } session)
            {
                await reconciler.ReconcileAsync(session, cancellationToken);
            }
        }
        logger.LogInformation(
            "Processed {Messages} messages: {Stored} post versions stored, {Deleted} deletions, {Sessions} sessions re-routed",
            messages.Count, newer.Count, deletedNow.Count, affected.Count);
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
