using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ChatTranscripts.Pipeline.Sessions;
using ChatTranscripts.Pipeline.Storage;
using ChatTranscripts.Pipeline.Threading;
using Microsoft.Extensions.Logging;

namespace ChatTranscripts.Pipeline.Processing;

/// <summary>
/// Brings a session's stored posts in line with its definition and the posts received for its time window.
/// It recomputes membership from scratch, which makes it correct whatever the arrival order, and writes only
/// the differences.
/// </summary>
public sealed class SessionReconciler(
    ReceivedPostStore received,
    DeletionStore deletions,
    SessionPostStore sessionPosts,
    SessionStore sessions,
    ILogger<SessionReconciler> logger)
{
    public async Task<IReadOnlyList<SessionPost>> ReconcileAsync(SessionRecord session, CancellationToken cancellationToken)
    {
        var candidates = await received.InWindowAsync(session.Definition, cancellationToken);
        var deleted = await deletions.ForPlatformsAsync(candidates.Select(c => c.Platform), cancellationToken);
        // An edit that moved a post's time can leave its older version in another hour partition; the latest wins.
        var current = PostVersions.Latest(candidates.Where(c => !deleted.Contains(c.Key))).Select(p => p.Post);
        var members = SessionMembership.Resolve(session.Definition, current);
        var postsDigest = await sessionPosts.ReplaceAsync(session.Id, members, cancellationToken);
        var contentVersion = ContentVersion(session.Definition, postsDigest);
        if (contentVersion != session.ContentVersion || members.Count != session.PostCount)
        {
            await sessions.RecordContentAsync(session.Id, contentVersion, members.Count, cancellationToken);
            logger.LogInformation("Session {SessionId} now holds {PostCount} posts", session.Id, members.Count);
        }
        return members;
    }

    private static string ContentVersion(SessionDefinition definition, string postsDigest) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(definition, PipelineJson.Options) + "\n" + postsDigest)));
}
