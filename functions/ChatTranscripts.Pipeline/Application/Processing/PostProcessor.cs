using System.Diagnostics;
using ChatTranscripts.Pipeline.Application.Ports;
using ChatTranscripts.Pipeline.Application.Queueing;
using ChatTranscripts.Pipeline.Core;
using Microsoft.Extensions.Logging;

namespace ChatTranscripts.Pipeline.Application.Processing;

/// <summary>
/// Handles a batch of queue messages, each a delivery of posts and deletions or a session change: remembers deletions
/// and removes the deleted posts' content, stores the latest version of each post (conditionally, so processors running
/// at once cannot store an older version over a newer one), then re-routes every session the batch can affect. Every
/// step is safe to repeat, so a message delivered twice (or a batch replayed after a crash) stores the same state. What
/// a batch reads follows the batch: tombstones are looked up only for the posts the deletions filter cannot rule out, sessions are found by the days its posts
/// fall on, and sessions are routed from snapshots kept between batches (<see cref="SessionSnapshots"/>), not from the
/// size of the session.
/// </summary>
public sealed class PostProcessor(
    IStorageProvisioning storage,
    IReceivedPostStore received,
    IReceivedPostWriter receivedWriter,
    IReceivedPostHours receivedHours,
    IDeletionStore deletions,
    ISetAsidePostStore setAside,
    ISessionStore sessions,
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
                rejected[message.MessageId] = "The message body is not a delivery or session change this processor understands.";
            }
        }
        await ProcessAsync(messages, cancellationToken);
        return new BatchOutcome(rejected);
    }

    public async Task ProcessAsync(IReadOnlyList<PipelineMessage> messages, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        await sessions.EnsureIndexedAsync(cancellationToken);
        snapshots.DropIdle();
        try
        {
            var mark = await deletions.MarkAsync(cancellationToken);
            var routed = await ProcessBatchAsync(messages, mark, cancellationToken);
            // A deletion processed elsewhere at the same time may have looked for this batch's posts before they were
            // stored, and so left them behind. Its tombstones moved the mark; then the posts are looked up again, and
            // those deleted meanwhile are removed again here.
            if (routed.Count > 0 && await deletions.MarkAsync(cancellationToken) is var moved && moved != mark
                && await deletions.DeletedAmongAsync(routed, moved, cancellationToken) is { Count: > 0 } deletedMeanwhile)
            {
                logger.LogInformation("{Count} posts were deleted while they were being stored; removing them again: {PostKeys}", deletedMeanwhile.Count, string.Join(", ", deletedMeanwhile));
                await ProcessBatchAsync([PipelineMessage.Delivery([], [.. deletedMeanwhile.Select(key => new PostDeletion(key.Platform, key.Id))])], moved, cancellationToken);
            }
        }
        catch
        {
            // Some writes may have landed and others not: what the snapshots say of storage is no longer known.
            snapshots.Clear();
            throw;
        }
    }

    /// <summary>Returns the posts it stored or routed: those found undeleted.</summary>
    private async Task<IReadOnlyList<PostKey>> ProcessBatchAsync(IReadOnlyList<PipelineMessage> messages, string? mark, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var deletedNow = messages.SelectMany(m => m.Deletions).Select(d => d.Key).ToHashSet();
        IReadOnlyList<DateTimeOffset> deletedVersions = [];
        if (deletedNow.Count > 0)
        {
            snapshots.Clear();
            await deletions.AddAsync(deletedNow, cancellationToken);
            deletedVersions = await RemoveReceivedVersionsAsync(deletedNow, cancellationToken);
        }

        // Per row, not per post: an edit that moved a post to another hour does not replace the version it was edited
        // from, whether the two arrive in one batch or in two.
        var latest = PostVersions.LatestPerRow(messages.SelectMany(m => m.Posts));
        var tombstones = await deletions.DeletedAmongAsync(latest.Select(p => p.Post.Key).Distinct(), mark, cancellationToken);
        var live = latest.Where(p => !tombstones.Contains(p.Post.Key)).ToList();

        // Every post of the batch counts, not only the newer ones: after a crash between storing a post and routing it,
        // the redelivered message must still reach its sessions. A deleted post's sessions are those whose window held
        // one of its versions.
        var byId = (await sessions.WithWindowHoldingAsync([.. live.Select(p => p.Post.CreatedAt), .. deletedVersions], cancellationToken))
            .ToDictionary(s => s.Id, StringComparer.Ordinal);
        var changedSessions = messages.Where(m => m.Type == PipelineMessageType.Session).Select(m => m.SessionId!).ToHashSet(StringComparer.Ordinal);
        var affected = byId.Keys.Union(changedSessions, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

        var routes = new List<SessionSnapshot>();
        foreach (var id in affected)
        {
            // A session changed through the API is always read afresh.
            var session = changedSessions.Contains(id) ? await sessions.GetAsync(id, cancellationToken) : byId[id];
            if (session is not null)
            {
                routes.Add((changedSessions.Contains(id) ? null : snapshots.TryGet(session)) ?? await reconciler.LoadAsync(session, cancellationToken));
            }
        }

        var looked = Stopwatch.GetTimestamp();
        var (written, refused, superseded, displaced) = await receivedWriter.WriteNewerAsync(live, await StoredVersionsAsync(live, routes, cancellationToken), cancellationToken);
        if (refused.Count > 0)
        {
            await setAside.RecordReceivedAsync(refused, cancellationToken);
            foreach (var post in refused)
            {
                logger.LogError("Set aside post {PostKey}: storage refused it ({Reason})", post.Post.Key, post.Reason);
            }
            var refusedRows = refused.Select(r => ReceivedPostRow.Of(r.Post)).ToHashSet();
            live.RemoveAll(p => refusedRows.Contains(ReceivedPostRow.Of(p.Post)));
        }

        // An edit that moved a post within its hour replaced the version before it, which sessions that do not hold the
        // edit's time may have shown.
        var routed = routes.Select(route => route.Record.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var session in await sessions.WithWindowHoldingAsync(displaced, cancellationToken))
        {
            if (routed.Add(session.Id))
            {
                routes.Add(snapshots.TryGet(session) ?? await reconciler.LoadAsync(session, cancellationToken));
            }
        }

        var stored = Stopwatch.GetTimestamp();
        // A version its row holds a newer one of is in no window; the sessions are still routed, as after a crash.
        var held = live.Where(p => !superseded.Contains(ReceivedPostRow.Of(p.Post))).ToList();
        foreach (var route in routes)
        {
            if (await reconciler.ReconcileAsync(route, held, deletedNow, cancellationToken) is { } reconciled)
            {
                snapshots.Keep(reconciled);
            }
        }
        logger.LogInformation(
            "Processed {Messages} messages: {Stored} post versions stored, {SetAside} set aside, {Deleted} deletions, {Sessions} sessions re-routed; " +
            "looked up {LookupMs} ms, stored {StoreMs} ms, routed {RouteMs} ms",
            messages.Count, written, refused.Count, deletedNow.Count, affected.Count,
            (long)Stopwatch.GetElapsedTime(started, looked).TotalMilliseconds,
            (long)Stopwatch.GetElapsedTime(looked, stored).TotalMilliseconds,
            (long)Stopwatch.GetElapsedTime(stored).TotalMilliseconds);
        return live.Select(p => p.Post.Key).Distinct().ToList();
    }

    /// <summary>
    /// The version each post's ReceivedPosts row holds now. A session snapshot whose window covers the row's hour
    /// knows it; only the rest are read, one point read each.
    /// </summary>
    private async Task<Dictionary<ReceivedPostRow, StoredVersion>> StoredVersionsAsync(
        IReadOnlyList<(CanonicalPost Post, string Hash)> posts, IReadOnlyList<SessionSnapshot> routes, CancellationToken cancellationToken)
    {
        var versions = new Dictionary<ReceivedPostRow, StoredVersion>();
        var unknown = new List<CanonicalPost>();
        foreach (var (post, _) in posts)
        {
            if (routes.Select(route => route.StoredVersionOf(post)).FirstOrDefault(version => version is not null) is { } known)
            {
                versions[ReceivedPostRow.Of(post)] = known;
            }
            else
            {
                unknown.Add(post);
            }
        }
        var read = await received.GetAsync(unknown, cancellationToken);
        foreach (var post in unknown)
        {
            var row = ReceivedPostRow.Of(post);
            versions[row] = read.TryGetValue(row, out var current) ? current : StoredVersion.None;
        }
        return versions;
    }

    /// <summary>
    /// Removes every received version of the deleted posts (an edit that moved a post's time leaves one in each hour)
    /// and returns their creation times, which name the sessions that may show them. The tombstone is written first,
    /// so a crash part way is finished by the redelivery, which finds the same versions through their hour rows.
    /// </summary>
    private async Task<IReadOnlyList<DateTimeOffset>> RemoveReceivedVersionsAsync(IReadOnlySet<PostKey> deleted, CancellationToken cancellationToken)
    {
        var versions = await BoundedParallel.SelectAsync(deleted, async (key, ct) =>
            (await receivedHours.VersionsOfAsync(key, ct)).Select(createdAt => (Key: key, CreatedAt: createdAt)).ToList(), cancellationToken);
        var all = versions.SelectMany(v => v).ToList();
        await BoundedParallel.SelectAsync(all, async (version, ct) =>
        {
            await received.DeleteAsync(version.Key, version.CreatedAt, ct);
            return true;
        }, cancellationToken);
        return all.Select(v => v.CreatedAt).ToList();
    }
}
