using ChatTranscripts.Pipeline.Application.Ports;
using ChatTranscripts.Pipeline.Core;
using ChatTranscripts.Pipeline.Logic.Membership;

namespace ChatTranscripts.Pipeline.Application.Processing;

/// <summary>
/// What the processor knows of one session without asking storage: its record (with the ETag that proves nobody
/// else has written it since), the latest received version of every post in its window, the hash of every row
/// of its Posts partition, the versions its Posts table refused, and its membership. Loading one costs a full read of
/// the window and a full resolve; keeping it makes a batch cost what the batch holds rather than what the session holds.
/// </summary>
public sealed class SessionSnapshot
{
    public SessionSnapshot(
        SessionRecord record,
        IEnumerable<(CanonicalPost Post, string Hash)> candidates,
        PartitionRowHashes storedRowHashes,
        Dictionary<PostKey, string> setAside)
    {
        Record = record;
        Candidates = candidates.ToDictionary(c => c.Post.Key);
        StoredRowHashes = storedRowHashes;
        SetAside = setAside;
    }

    /// <summary>The record as this processor last read or wrote it; its ETag fences out a change made by anyone else.</summary>
    public SessionRecord Record { get; set; }

    /// <summary>The latest version of each received, undeleted post created within the window.</summary>
    public Dictionary<PostKey, (CanonicalPost Post, string Hash)> Candidates { get; }

    /// <summary>RowKey → Hash of every row in the session's Posts partition.</summary>
    public PartitionRowHashes StoredRowHashes { get; }

    /// <summary>Post key → the version the session's Posts table refused: left out of the session until a newer version comes.</summary>
    public Dictionary<PostKey, string> SetAside { get; }

    /// <summary>The candidates the session is routed from: every one but the versions set aside.</summary>
    public IEnumerable<CanonicalPost> Routable => Candidates.Keys.Select(RoutableVersion).OfType<CanonicalPost>();

    /// <summary>
    /// The session's membership as routed from <see cref="Routable"/>: null until the snapshot is first routed, then
    /// kept up to date with each change of the candidates, so a batch re-resolves only what it can affect.
    /// </summary>
    public SessionMembershipIndex? Membership { get; set; }

    /// <summary>The candidate version of the post the session is routed from; null when there is none or it was set aside.</summary>
    public CanonicalPost? RoutableVersion(PostKey key) =>
        Candidates.TryGetValue(key, out var candidate) && !(SetAside.TryGetValue(key, out var refused) && refused == candidate.Hash)
            ? candidate.Post
            : null;

    public DateTimeOffset LastUsed { get; set; }

    /// <summary>
    /// The version stored in the ReceivedPosts row the post would be written to, as far as this snapshot can tell without a
    /// read: for a post created within the window, any version of it in that row is a candidate here, unless an edit
    /// moved that version's time outside the window within the same hour. The write that follows is conditional
    /// (<see cref="IReceivedPostWriter"/>), so such a rare miss costs a conflict and a read, never a wrong row. Null when
    /// it cannot tell.
    /// </summary>
    public StoredVersion? StoredVersionOf(CanonicalPost post)
    {
        if (!Record.Definition.WindowContains(post.CreatedAt))
        {
            return null;
        }
        if (!Candidates.TryGetValue(post.Key, out var candidate))
        {
            return StoredVersion.None;
        }
        // A candidate from another hour (an edit that moved the post's time) says nothing of this hour's row.
        return UtcHour.Of(candidate.Post.CreatedAt) == UtcHour.Of(post.CreatedAt)
            ? new StoredVersion(candidate.Post, candidate.Hash)
            : null;
    }
}
