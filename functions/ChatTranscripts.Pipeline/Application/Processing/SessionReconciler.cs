using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ChatTranscripts.Pipeline.Application.Ports;
using ChatTranscripts.Pipeline.Core;
using ChatTranscripts.Pipeline.Logic.Membership;
using Microsoft.Extensions.Logging;

namespace ChatTranscripts.Pipeline.Application.Processing;

/// <summary>
/// Brings a session's stored posts in line with its definition and the posts received for its time window. Membership
/// is a function of the whole window (correct whatever the arrival order), kept by a <see cref="SessionMembershipIndex"/>
/// that re-resolves only what a change can affect, and only the differences are written. The window comes from a <see cref="SessionSnapshot"/>: loaded from storage
/// when the processor has none it can trust, otherwise the one it left after the previous batch plus the new posts.
/// </summary>
public sealed class SessionReconciler(
    IReceivedPostStore received,
    ISessionPostStore sessionPosts,
    ISetAsidePostStore setAside,
    ISessionStore sessions,
    ILogger<SessionReconciler> logger)
{
    /// <summary>How often a session that keeps changing under the processor is read again before the batch gives up (and is retried).</summary>
    private const int MaxConflicts = 5;

    /// <summary>
    /// Reads everything the session's routing depends on: the received posts of its window, the keys of its partition
    /// and the versions set aside from it. Deleted posts are not among the received ones: a deletion removes them.
    /// </summary>
    public async Task<SessionSnapshot> LoadAsync(SessionRecord session, CancellationToken cancellationToken)
    {
        var window = received.InWindowAsync(session.Definition, cancellationToken);
        var rows = sessionPosts.LoadRowHashesAsync(session.Id, cancellationToken);
        var refused = setAside.OfSessionAsync(session.Id, cancellationToken);
        // An edit that moved a post's time can leave its older version in another hour partition; the latest wins.
        return new SessionSnapshot(session, PostVersions.Latest(await window), await rows, await refused);
    }

    /// <summary>
    /// Adds <paramref name="arrivals"/> (the versions their received rows now hold) to the snapshot, drops <paramref name="deleted"/>
    /// posts, and writes what changed. Returns false, having written nothing to the session record, when the record
    /// changed under the snapshot: the snapshot must then be loaded again.
    /// </summary>
    public async Task<bool> ApplyAsync(
        SessionSnapshot snapshot,
        IEnumerable<(CanonicalPost Post, string Hash)> arrivals,
        IReadOnlySet<PostKey> deleted,
        CancellationToken cancellationToken)
    {
        var definition = snapshot.Record.Definition;
        var changed = new HashSet<PostKey>();
        foreach (var key in deleted)
        {
            if (snapshot.Candidates.Remove(key))
            {
                changed.Add(key);
            }
        }
        var displaced = new HashSet<PostKey>();
        foreach (var arrival in arrivals)
        {
            var key = arrival.Post.Key;
            var known = snapshot.Candidates.TryGetValue(key, out var current);
            if (deleted.Contains(key) || (known && PostVersions.Compare(arrival.Post, arrival.Hash, current.Post, current.Hash) <= 0))
            {
                continue;
            }
            if (definition.WindowContains(arrival.Post.CreatedAt))
            {
                snapshot.Candidates[key] = arrival;
                changed.Add(key);
            }
            else if (known && UtcHour.Of(arrival.Post.CreatedAt) == UtcHour.Of(current.Post.CreatedAt))
            {
                // An edit moved the post out of the window within the hour of the candidate, so it replaced the candidate
                // in its row: the candidate is now the latest version another hour holds within the window, if any.
                displaced.Add(key);
            }
        }
        if (displaced.Count > 0)
        {
            var remaining = PostVersions.Latest((await received.InWindowAsync(definition, cancellationToken)).Where(post => displaced.Contains(post.Key)))
                .ToDictionary(version => version.Post.Key);
            foreach (var key in displaced)
            {
                if (remaining.TryGetValue(key, out var version))
                {
                    snapshot.Candidates[key] = version;
                }
                else
                {
                    snapshot.Candidates.Remove(key);
                }
                changed.Add(key);
            }
        }
        var candidatesChanged = changed.Count > 0;

        var memberCount = await WriteMembersAsync(snapshot, changed, cancellationToken);
        // The digest of the rows, not of the members: they are the same once everything routed is written, as it now is.
        var contentVersion = ContentVersion(definition, snapshot.StoredRowHashes.Digest);
        var contentChanged = contentVersion != snapshot.Record.ContentVersion || memberCount != snapshot.Record.PostCount;
        // New candidates are recorded even when no member changed, so another processor holding a snapshot of this
        // session sees the ETag move and reloads rather than miss the orphans that arrived here.
        if (contentChanged || candidatesChanged)
        {
            if (await sessions.RecordContentAsync(snapshot.Record.Id, contentVersion, memberCount, snapshot.Record.ETag, cancellationToken) is not { } etag)
            {
                return false;
            }
            snapshot.Record = snapshot.Record with { ContentVersion = contentVersion, PostCount = memberCount, ETag = etag };
            if (contentChanged)
            {
                logger.LogInformation("Session {SessionId} now holds {PostCount} posts", snapshot.Record.Id, memberCount);
            }
        }
        return true;
    }

    /// <summary>
    /// Applies the arrivals to <paramref name="snapshot"/>, or to a freshly loaded one whenever the record turns out
    /// to have changed; returns the snapshot that now matches storage, or null when the session no longer exists.
    /// </summary>
    public async Task<SessionSnapshot?> ReconcileAsync(
        SessionSnapshot snapshot,
        IReadOnlyList<(CanonicalPost Post, string Hash)> arrivals,
        IReadOnlySet<PostKey> deleted,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await ApplyAsync(snapshot, arrivals, deleted, cancellationToken))
            {
                return snapshot;
            }
            if (attempt == MaxConflicts)
            {
                throw new InvalidOperationException(
                    $"Session '{snapshot.Record.Id}' changed under the processor {MaxConflicts} times in a row; the batch will be retried.");
            }
            if (await sessions.GetAsync(snapshot.Record.Id, cancellationToken) is not { } current)
            {
                return null;
            }
            logger.LogInformation("Session {SessionId} changed since it was read; reading it again", current.Id);
            snapshot = await LoadAsync(current, cancellationToken);
        }
    }

    /// <summary>
    /// Routes the session and writes what changed in its posts; returns how many posts it holds. A snapshot routed for the
    /// first time resolves every candidate and makes the partition match; after that only the <paramref name="changed"/>
    /// candidates and the posts below them are resolved again. A post its Posts table refuses is set aside and the
    /// session routed again without it (a reply that joined only through it leaves too), until everything routed is stored.
    /// </summary>
    private async Task<int> WriteMembersAsync(SessionSnapshot snapshot, IReadOnlySet<PostKey> changed, CancellationToken cancellationToken)
    {
        MembershipChange change;
        IEnumerable<string> removals;
        if (snapshot.Membership is null)
        {
            snapshot.Membership = new SessionMembershipIndex(snapshot.Record.Definition, snapshot.Routable);
            change = new MembershipChange([.. snapshot.Membership.Members], []);
            var wanted = change.Members.Select(post => sessionPosts.RowOf(post.Key)).ToHashSet(StringComparer.Ordinal);
            removals = snapshot.StoredRowHashes.RowKeys.Where(rowKey => !wanted.Contains(rowKey)).ToList();
        }
        else
        {
            change = snapshot.Membership.Apply(
                changed.Select(snapshot.RoutableVersion).OfType<CanonicalPost>(),
                changed.Where(key => snapshot.RoutableVersion(key) is null));
            removals = change.Left.Select(sessionPosts.RowOf);
        }
        while (await WriteAsync(snapshot, change, removals, cancellationToken) is { Count: > 0 } refused)
        {
            change = snapshot.Membership.Apply([], refused);
            removals = change.Left.Select(sessionPosts.RowOf);
        }
        return snapshot.Membership.Count;
    }

    /// <summary>Writes the change; the posts its Posts table refused are set aside and returned.</summary>
    private async Task<IReadOnlyList<PostKey>> WriteAsync(SessionSnapshot snapshot, MembershipChange change, IEnumerable<string> removals, CancellationToken cancellationToken)
    {
        var id = snapshot.Record.Id;
        var refused = await sessionPosts.WriteChangesAsync(id, change.Members, removals, snapshot.StoredRowHashes, cancellationToken);
        if (refused.Count == 0)
        {
            return [];
        }
        var setAsideNow = refused.Select(r => new SetAsidePost(snapshot.Candidates[r.Key].Post, snapshot.Candidates[r.Key].Hash, r.Value)).ToList();
        await setAside.RecordForSessionAsync(id, setAsideNow, cancellationToken);
        foreach (var post in setAsideNow)
        {
            snapshot.SetAside[post.Post.Key] = post.Version;
            logger.LogError("Set aside post {PostKey} of session {SessionId}: storage refused it ({Reason})", post.Post.Key, id, post.Reason);
        }
        return [.. refused.Keys];
    }

    private static string ContentVersion(SessionDefinition definition, string postsDigest) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(definition, PipelineJson.Options) + "\n" + postsDigest)));
}
