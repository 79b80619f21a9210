using ChatTranscripts.Pipeline.Core;
using ChatTranscripts.Pipeline.Logic.Tagging;

namespace ChatTranscripts.Pipeline.Logic.Membership;

/// <summary>
/// A session's membership kept up to date as its candidate posts change. It holds the same members, tagged and threaded
/// the same way, as <see cref="SessionMembership.Resolve"/> over the same candidates (the reference it is tested
/// against), but a change costs only the posts it can affect: the changed posts and the replies and reposts below
/// them, found through an index of followers by the post they follow. A reply that arrives before its parent waits in
/// that index under the parent's key, and joins when the parent does.
/// </summary>
public sealed class SessionMembershipIndex
{
    private readonly SessionDefinition _session;
    private readonly bool _anyoneMayAsk;
    private readonly Dictionary<PostKey, CanonicalPost> _posts = [];
    private readonly Dictionary<PostKey, ExtractedEntities> _entities = [];
    private readonly Dictionary<PostKey, HashSet<PostKey>> _followers = [];
    private readonly HashSet<PostKey> _members = [];
    private readonly Dictionary<PostKey, SessionPost> _tagged = [];

    /// <summary>Resolves every candidate once, as <see cref="SessionMembership.Resolve"/> does.</summary>
    public SessionMembershipIndex(SessionDefinition session, IEnumerable<CanonicalPost> candidates)
    {
        ArgumentNullException.ThrowIfNull(session);
        _session = session;
        _anyoneMayAsk = session.Moderators.Count == 0;
        Apply(candidates, []);
    }

    public int Count => _members.Count;

    /// <summary>Every member, tagged and threaded, in no particular order.</summary>
    public IEnumerable<SessionPost> Members => _tagged.Values;

    /// <summary>
    /// Takes in new or changed candidates (<paramref name="upserts"/>, the latest version of each) and candidates that
    /// are gone (<paramref name="removals"/>: deleted, or set aside), and returns what that changed: every member whose
    /// tagging or thread may differ now, and the posts that are members no longer.
    /// </summary>
    public MembershipChange Apply(IEnumerable<CanonicalPost> upserts, IEnumerable<PostKey> removals)
    {
        ArgumentNullException.ThrowIfNull(upserts);
        ArgumentNullException.ThrowIfNull(removals);
        var changed = new HashSet<PostKey>();
        foreach (var key in removals)
        {
            if (Forget(key))
            {
                changed.Add(key);
            }
        }
        foreach (var post in upserts)
        {
            if (_posts.TryGetValue(post.Key, out var current) && current == post)
            {
                continue;
            }
            Forget(post.Key);
            changed.Add(post.Key);
            if (_session.WindowContains(post.CreatedAt))
            {
                Remember(post);
            }
        }
        return Reresolve(changed);
    }

    /// <summary>
    /// Resolves again the changed posts and everything below them. Nothing outside that region follows a post inside
    /// it, so memberships outside hold still, and inside it membership is found afresh from its seeds (posts with the
    /// session's hashtag) and from posts that follow a member outside it.
    /// </summary>
    private MembershipChange Reresolve(HashSet<PostKey> changed)
    {
        var region = new HashSet<PostKey>(changed);
        var below = new Queue<PostKey>(changed);
        while (below.TryDequeue(out var key))
        {
            foreach (var follower in FollowersOf(key))
            {
                if (region.Add(follower))
                {
                    below.Enqueue(follower);
                }
            }
        }

        _members.ExceptWith(region);
        var joined = new Queue<PostKey>();
        foreach (var key in region)
        {
            if (_posts.TryGetValue(key, out var post)
                && (SessionMembership.CarriesSessionHashtag(_entities[key], _session)
                    || SessionMembership.Targets(post).Any(target => !region.Contains(target) && _members.Contains(target))))
            {
                _members.Add(key);
                joined.Enqueue(key);
            }
        }
        while (joined.TryDequeue(out var member))
        {
            foreach (var follower in FollowersOf(member))
            {
                if (_members.Add(follower))
                {
                    joined.Enqueue(follower);
                }
            }
        }

        var members = new List<SessionPost>();
        var left = new List<PostKey>();
        foreach (var key in region)
        {
            if (_members.Contains(key))
            {
                var tagged = SessionMembership.Tag(_posts[key], _entities[key], _session, _anyoneMayAsk, _members, _posts);
                _tagged[key] = tagged;
                members.Add(tagged);
            }
            else if (_tagged.Remove(key))
            {
                left.Add(key);
            }
        }
        return new MembershipChange(members, left);
    }

    private IEnumerable<PostKey> FollowersOf(PostKey key) =>
        _followers.TryGetValue(key, out var followers) ? followers : [];

    private void Remember(CanonicalPost post)
    {
        _posts[post.Key] = post;
        _entities[post.Key] = EntityExtractor.Extract(post.Text);
        foreach (var target in SessionMembership.Targets(post))
        {
            if (!_followers.TryGetValue(target, out var followers))
            {
                followers = [];
                _followers[target] = followers;
            }
            followers.Add(post.Key);
        }
    }

    /// <summary>Drops the post and its place among its targets' followers; false when it was not a candidate.</summary>
    private bool Forget(PostKey key)
    {
        if (!_posts.Remove(key, out var post))
        {
            return false;
        }
        _entities.Remove(key);
        foreach (var target in SessionMembership.Targets(post))
        {
            if (_followers.TryGetValue(target, out var followers) && followers.Remove(key) && followers.Count == 0)
            {
                _followers.Remove(target);
            }
        }
        return true;
    }
}

/// <param name="Members">Members whose tagging or thread may have changed (new ones included).</param>
/// <param name="Left">Posts that were members and are no longer.</param>
public sealed record MembershipChange(IReadOnlyList<SessionPost> Members, IReadOnlyList<PostKey> Left);
