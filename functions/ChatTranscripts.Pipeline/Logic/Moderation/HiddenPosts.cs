using System.Text;
using ChatTranscripts.Pipeline.Core;
using ChatTranscripts.Pipeline.Logic.Membership;
using ChatTranscripts.Pipeline.Logic.Tagging;

namespace ChatTranscripts.Pipeline.Logic.Moderation;

/// <summary>
/// Which of a session's stored posts its moderation hides, and why. Applied when the transcript is built, never to
/// what is stored, so undoing a hide or a block, or turning a rule off, brings the posts back at the next publish.
/// </summary>
public static class HiddenPosts
{
    /// <summary>A post hidden for several reasons is listed under the first of: hidden, blocked, the rules, a repost of a hidden post.</summary>
    public static IReadOnlyDictionary<PostKey, HideCause> Decide(IReadOnlyList<SessionPost> posts, SessionModeration moderation)
    {
        var hidden = new Dictionary<PostKey, HideCause>();
        var duplicates = DuplicatedTexts(posts, moderation.Rules.DuplicateText);
        foreach (var post in posts)
        {
            if (Cause(post, moderation, duplicates) is { } cause)
            {
                hidden[post.Key] = cause;
            }
        }
        foreach (var repost in posts.Where(p => p.Kind == PostKind.Repost && !hidden.ContainsKey(p.Key)))
        {
            if (PostKey.Reference(repost.Post.Platform, repost.Post.RepostOfId) is { } original && hidden.ContainsKey(original))
            {
                hidden[repost.Key] = HideCause.RepostOfHidden;
            }
        }
        return hidden;
    }

    private static HideCause? Cause(SessionPost post, SessionModeration moderation, HashSet<string> duplicates)
    {
        if (moderation.HiddenPosts.Contains(post.Key))
        {
            return HideCause.Post;
        }
        if (moderation.BlockedAccounts.Contains(new AccountKey(post.Post.Platform, post.Post.Author.Handle)))
        {
            return HideCause.Account;
        }
        if (!IsSubjectToRules(post))
        {
            return null;
        }
        if (duplicates.Contains(Normalised(post.Post.Text)))
        {
            return HideCause.DuplicateText;
        }
        return moderation.Rules.MaxHashtags is { } max && post.Entities.Hashtags.Count > max ? HideCause.MaxHashtags : null;
    }

    /// <summary>The rules are for floods from strangers: the session's own moderators and guests are never caught by them, nor are reposts, which repeat a text by design.</summary>
    private static bool IsSubjectToRules(SessionPost post) => post.Role == AuthorRole.Participant && post.Kind != PostKind.Repost;

    private static HashSet<string> DuplicatedTexts(IReadOnlyList<SessionPost> posts, DuplicateTextRule? rule)
    {
        if (rule is null)
        {
            return [];
        }
        return posts
            .Where(IsSubjectToRules)
            .GroupBy(p => Normalised(p.Post.Text), StringComparer.Ordinal)
            .Where(g => g.Select(p => new AccountKey(p.Post.Platform, p.Post.Author.Handle)).Distinct().Count() >= rule.MinAccounts)
            .Select(g => g.Key)
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Texts that differ only in case or spacing are the same text: a flood varies them to slip past exact matching.</summary>
    private static string Normalised(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (builder.Length > 0)
            {
                builder.Append(' ');
            }
            builder.Append(word.ToUpperInvariant());
        }
        return builder.ToString();
    }
}
