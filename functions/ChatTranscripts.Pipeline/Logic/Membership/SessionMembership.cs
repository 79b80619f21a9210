using ChatTranscripts.Pipeline.Core;
using ChatTranscripts.Pipeline.Logic.Tagging;

namespace ChatTranscripts.Pipeline.Logic.Membership;

/// <summary>
/// Decides which posts belong to a session and tags and threads them. A pure function of the session definition
/// and the set of candidate posts, so arrival order, batching and duplicates cannot change the result. This full
/// recompute is the reference that <see cref="SessionMembershipIndex"/>, which the processor keeps up to date post by
/// post, is tested against.
/// </summary>
public static class SessionMembership
{
    public static IReadOnlyList<SessionPost> Resolve(SessionDefinition session, IEnumerable<CanonicalPost> candidates)
    {
        var inWindow = new Dictionary<PostKey, CanonicalPost>();
        foreach (var post in candidates)
        {
            if (session.WindowContains(post.CreatedAt))
            {
                inWindow[post.Key] = post;
            }
        }

        var entities = inWindow.ToDictionary(p => p.Key, p => EntityExtractor.Extract(p.Value.Text));
        var followers = FollowersByTarget(inWindow.Values);
        var members = new HashSet<PostKey>();
        var pending = new Queue<PostKey>();
        foreach (var (key, extracted) in entities)
        {
            if (CarriesSessionHashtag(extracted, session) && members.Add(key))
            {
                pending.Enqueue(key);
            }
        }

        // Replies (and reposts) of members are members, transitively: replies that forgot the hashtag stay in their thread.
        while (pending.TryDequeue(out var member))
        {
            if (!followers.TryGetValue(member, out var following))
            {
                continue;
            }
            foreach (var follower in following)
            {
                if (members.Add(follower))
                {
                    pending.Enqueue(follower);
                }
            }
        }

        var anyoneMayAsk = session.Moderators.Count == 0;
        return members
            .Select(key => Tag(inWindow[key], entities[key], session, anyoneMayAsk, members, inWindow))
            .OrderBy(p => p.Post.CreatedAt)
            .ThenBy(p => p.Key.ToString(), StringComparer.Ordinal)
            .ToList();
    }

    public static bool CarriesSessionHashtag(ExtractedEntities entities, SessionDefinition session) =>
        entities.Hashtags.Any(tag => session.Hashtags.Contains(Hashtags.Normalise(tag), StringComparer.Ordinal));

    /// <summary>The posts whose membership <paramref name="post"/> follows: the one it replies to and the one it reposts.</summary>
    internal static IEnumerable<PostKey> Targets(CanonicalPost post)
    {
        if (PostKey.Reference(post.Platform, post.InReplyToId) is { } parent && parent != post.Key)
        {
            yield return parent;
        }
        if (PostKey.Reference(post.Platform, post.RepostOfId) is { } reposted && reposted != post.Key)
        {
            yield return reposted;
        }
    }

    private static Dictionary<PostKey, List<PostKey>> FollowersByTarget(IEnumerable<CanonicalPost> posts)
    {
        var followers = new Dictionary<PostKey, List<PostKey>>();
        foreach (var post in posts)
        {
            foreach (var target in Targets(post))
            {
                if (!followers.TryGetValue(target, out var list))
                {
                    list = [];
                    followers[target] = list;
                }
                list.Add(post.Key);
            }
        }
        return followers;
    }

    internal static SessionPost Tag(
        CanonicalPost post,
        ExtractedEntities entities,
        SessionDefinition session,
        bool anyoneMayAsk,
        IReadOnlySet<PostKey> members,
        IReadOnlyDictionary<PostKey, CanonicalPost> inWindow)
    {
        var role = AuthorRoles.Of(post.Author.Handle, session);
        var kind = post.RepostOfId is not null ? PostKind.Repost
            : post.InReplyToId is not null ? PostKind.Reply
            : post.QuotedId is not null ? PostKind.Quote
            : PostKind.Post;
        int? question = null;
        int? answers = null;
        if (kind != PostKind.Repost && QuestionLabels.Parse(post.Text) is { } label)
        {
            if (label.Kind == LabelKind.Question && (anyoneMayAsk || role == AuthorRole.Moderator))
            {
                question = label.Number;
            }
            else if (label.Kind == LabelKind.Answer)
            {
                answers = label.Number;
            }
        }
        return new SessionPost(post, entities, kind, role, question, answers, ThreadRoot(post, members, inWindow));
    }

    /// <summary>The top-most ancestor that belongs to the session; a cycle of replies (malformed data) stops the walk.</summary>
    private static PostKey ThreadRoot(CanonicalPost post, IReadOnlySet<PostKey> members, IReadOnlyDictionary<PostKey, CanonicalPost> inWindow)
    {
        var root = post.Key;
        var seen = new HashSet<PostKey> { root };
        while (inWindow.TryGetValue(root, out var current)
            && PostKey.Reference(current.Platform, current.InReplyToId) is { } parent
            && members.Contains(parent)
            && seen.Add(parent))
        {
            root = parent;
        }
        return root;
    }
}
