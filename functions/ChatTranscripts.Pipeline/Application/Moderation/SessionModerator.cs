using ChatTranscripts.Pipeline.Application.Ports;
using ChatTranscripts.Pipeline.Core;
using ChatTranscripts.Pipeline.Logic.Membership;
using ChatTranscripts.Pipeline.Logic.Moderation;

namespace ChatTranscripts.Pipeline.Application.Moderation;

/// <summary>
/// What organisers change in a session's moderation, and what each change marks for republishing: hiding a post or
/// setting rules changes the session; a block or unblock in a series changes every session sharing one of its hashtags.
/// </summary>
public sealed class SessionModerator(ISessionStore sessions, ISessionPostStore sessionPosts, IModerationStore moderation, TimeProvider time)
{
    /// <summary>Hides the post; <c>Created</c> is false when it was hidden already (the reason and moderator are replaced).</summary>
    public async Task<(bool Created, HiddenPostEntry Entry)> HidePostAsync(
        SessionRecord session, PostKey post, string reason, Moderator moderator, CancellationToken cancellationToken)
    {
        var at = time.GetUtcNow();
        var created = await moderation.HidePostAsync(session.Id, post, reason, moderator, at, cancellationToken);
        await sessions.RecordModerationChangeAsync(session.Id, cancellationToken);
        return (created, new HiddenPostEntry(post.Platform, post.Id, reason, moderator.Credential, moderator.Name, at.UtcDateTime));
    }

    /// <summary>False, changing nothing, when the post was not hidden.</summary>
    public async Task<bool> UnhidePostAsync(SessionRecord session, PostKey post, CancellationToken cancellationToken)
    {
        if (!await moderation.UnhidePostAsync(session.Id, post, cancellationToken))
        {
            return false;
        }
        await sessions.RecordModerationChangeAsync(session.Id, cancellationToken);
        return true;
    }

    /// <summary>Blocks the account; the entries are one for the session, or one per hashtag of its series.</summary>
    public async Task<(bool Created, IReadOnlyList<BlockedAccountEntry> Entries)> BlockAccountAsync(
        SessionRecord session, BlockScope scope, string platform, string handle, string reason, Moderator moderator, CancellationToken cancellationToken)
    {
        var at = time.GetUtcNow();
        var created = await moderation.BlockAccountAsync(session, scope, platform, handle, reason, moderator, at, cancellationToken);
        await MarkChangedAsync(session, scope, cancellationToken);
        var hashtags = scope == BlockScope.Series ? session.Definition.Hashtags.Select(h => (string?)h) : [null];
        var entries = hashtags
            .Select(h => new BlockedAccountEntry(platform, handle, h is null ? "session" : "series", h, reason, moderator.Credential, moderator.Name, at.UtcDateTime))
            .ToList();
        return (created, entries);
    }

    /// <summary>False, changing nothing, when the account was not blocked in that scope.</summary>
    public async Task<bool> UnblockAccountAsync(SessionRecord session, BlockScope scope, string platform, string handle, CancellationToken cancellationToken)
    {
        if (!await moderation.UnblockAccountAsync(session, scope, platform, handle, cancellationToken))
        {
            return false;
        }
        await MarkChangedAsync(session, scope, cancellationToken);
        return true;
    }

    public async Task<RulesEntry> SetRulesAsync(SessionRecord session, ModerationRules rules, Moderator moderator, CancellationToken cancellationToken)
    {
        var at = time.GetUtcNow();
        await moderation.SetRulesAsync(session.Id, rules, moderator, at, cancellationToken);
        await sessions.RecordModerationChangeAsync(session.Id, cancellationToken);
        return new RulesEntry(rules.DuplicateText, rules.MaxHashtags, moderator.Credential, moderator.Name, at.UtcDateTime);
    }

    /// <summary>What is recorded for the session, and the posts that are hidden now, earliest first, with why.</summary>
    public async Task<(ModerationState Recorded, IReadOnlyList<(SessionPost Post, HideCause Cause)> HiddenNow)> ReviewAsync(
        SessionRecord session, CancellationToken cancellationToken)
    {
        var state = await moderation.LoadAsync(session.Id, session.Definition.Hashtags, cancellationToken);
        var posts = await sessionPosts.LoadAsync(session.Id, cancellationToken);
        var causes = HiddenPosts.Decide(posts, state.ToSessionModeration());
        var hidden = posts
            .Where(p => causes.ContainsKey(p.Key))
            .OrderBy(p => p.Post.CreatedAt)
            .ThenBy(p => p.Key.ToString(), StringComparer.Ordinal)
            .Select(p => (p, causes[p.Key]))
            .ToList();
        return (state, hidden);
    }

    private async Task MarkChangedAsync(SessionRecord session, BlockScope scope, CancellationToken cancellationToken)
    {
        if (scope == BlockScope.Session)
        {
            await sessions.RecordModerationChangeAsync(session.Id, cancellationToken);
            return;
        }
        var hashtags = session.Definition.Hashtags.ToHashSet(StringComparer.Ordinal);
        foreach (var member in (await sessions.ListAsync(cancellationToken)).Where(s => s.Definition.Hashtags.Any(hashtags.Contains)))
        {
            await sessions.RecordModerationChangeAsync(member.Id, cancellationToken);
        }
    }
}
