using System.Text.Json;
using ChatTranscripts.Pipeline.Application.Processing;
using ChatTranscripts.Pipeline.Core;
using ChatTranscripts.Pipeline.Logic.Membership;
using CsCheck;
using static ChatTranscripts.Pipeline.Tests.Posts;

namespace ChatTranscripts.Pipeline.Tests.Threading;

/// <summary>
/// The membership the processor keeps up to date post by post against the reference, <see cref="SessionMembership.Resolve"/>
/// over every candidate: after every batch of generated chats (shuffled, with duplicates, edits, deletions, replies
/// before their parents, reply cycles, reposts, posts outside the window) the index holds the same members, tagged and
/// threaded alike, and the changes it reported, applied to a copy as the processor applies them to the session's
/// partition, hold them too.
/// </summary>
public sealed class SessionMembershipIndexTests
{
    /// <summary>Few ids, so that replies find parents, versions collide and the same delivery comes twice.</summary>
    private const int Ids = 12;

    private static readonly Gen<Change> AnyChange =
        Gen.Select(Gen.Int[1, Ids], Gen.Int[0, 9], Gen.Int[0, Ids], Gen.Int[-30, 100], Gen.Int[0, 3], (id, kind, target, minute, edit) =>
            new Change($"{id}", kind, target == 0 ? null : $"{target}", minute, edit));

    private static readonly Gen<(List<Change> Changes, int BatchSize, bool AnyoneMayAsk)> AnyChat =
        Gen.Select(AnyChange.List[1, 60], Gen.Int[1, 8], Gen.Bool);

    [Fact]
    public void Kept_up_to_date_batch_by_batch_it_holds_what_a_full_recompute_holds() =>
        AnyChat.Sample(chat =>
        {
            var session = chat.AnyoneMayAsk ? Session() with { Moderators = [] } : Session();
            var candidates = new Dictionary<PostKey, (CanonicalPost Post, string Hash)>();
            var deleted = new HashSet<PostKey>();
            var index = new SessionMembershipIndex(session, []);
            var partition = new Dictionary<PostKey, SessionPost>();
            foreach (var batch in chat.Changes.Chunk(chat.BatchSize))
            {
                var changed = new HashSet<PostKey>();
                foreach (var change in batch)
                {
                    change.ApplyTo(candidates, deleted, changed);
                }
                var result = index.Apply(
                    changed.Where(candidates.ContainsKey).Select(key => candidates[key].Post),
                    changed.Where(key => !candidates.ContainsKey(key)));
                foreach (var post in result.Members)
                {
                    partition[post.Key] = post;
                }
                foreach (var key in result.Left)
                {
                    partition.Remove(key);
                }

                var expected = Rows(SessionMembership.Resolve(session, candidates.Values.Select(c => c.Post)));
                Assert.Equal(expected, Rows(index.Members));
                Assert.Equal(expected, Rows(partition.Values));
                Assert.Equal(expected.Count, index.Count);
            }
        }, iter: 400);

    [Fact]
    public void Built_from_candidates_in_any_order_it_holds_what_a_full_recompute_holds() =>
        AnyChange.List[1, 60].Select(Gen.Int, (changes, seed) => (changes, seed)).Sample(chat =>
        {
            var candidates = new Dictionary<PostKey, (CanonicalPost Post, string Hash)>();
            foreach (var change in chat.changes)
            {
                change.ApplyTo(candidates, [], []);
            }
            var shuffled = candidates.Values.Select(c => c.Post).OrderBy(_ => new Random(chat.seed).Next()).ToList();

            Assert.Equal(Rows(SessionMembership.Resolve(Session(), shuffled)), Rows(new SessionMembershipIndex(Session(), shuffled).Members));
        });

    [Fact]
    public void A_reply_that_arrives_before_its_parent_joins_with_it_and_leaves_when_the_parent_loses_the_hashtag()
    {
        var index = new SessionMembershipIndex(Session(), [Post("3", "@b deeper", 13, replyTo: "2"), Post("2", "@a agreed", 12, replyTo: "1")]);
        Assert.Equal(0, index.Count);

        var joined = index.Apply([Post("1", "A1: yes #bmcmed", 11)], []);

        Assert.Equal(["twitter:1", "twitter:2", "twitter:3"], joined.Members.Select(p => p.Key.ToString()).Order(StringComparer.Ordinal));
        Assert.All(joined.Members, p => Assert.Equal("twitter:1", p.ThreadRoot.ToString()));

        var left = index.Apply([Post("1", "A1: yes, edited", 11, editedAt: Start.AddMinutes(20))], []);

        Assert.Empty(left.Members);
        Assert.Equal(["twitter:1", "twitter:2", "twitter:3"], left.Left.Select(k => k.ToString()).Order(StringComparer.Ordinal));
        Assert.Equal(0, index.Count);
    }

    [Fact]
    public void A_change_resolves_only_the_changed_posts_and_those_below_them()
    {
        var chat = Enumerable.Range(1, 1_000).Select(i => Post($"{i}", $"A1: point {i} #bmcmed", 10 + (i % 40))).ToList();
        var index = new SessionMembershipIndex(Session(), chat);

        var change = index.Apply([Post("1001", "@p7 agreed", 30, replyTo: "7"), Post("1002", "@p1001 and me", 31, replyTo: "1001")], []);

        Assert.Equal(["twitter:1001", "twitter:1002"], change.Members.Select(p => p.Key.ToString()).Order(StringComparer.Ordinal));
        Assert.All(change.Members, p => Assert.Equal("twitter:7", p.ThreadRoot.ToString()));
        Assert.Equal(1_002, index.Count);
    }

    /// <summary>Each member as the processor stores it (its JSON), sorted: equal lists mean equal partitions.</summary>
    private static List<string> Rows(IEnumerable<SessionPost> members) =>
        members.Select(p => JsonSerializer.Serialize(p, PipelineJson.Options)).Order(StringComparer.Ordinal).ToList();

    /// <summary>
    /// One thing a delivery carries: a version of post <see cref="Id"/> (kinds 0-8: with or without the hashtag, a
    /// question or an answer, a reply to <see cref="Target"/>, a repost of it, by the moderator or not; edited
    /// <see cref="Edit"/> minutes later when not 0), or its deletion (kind 9).
    /// </summary>
    private sealed record Change(string Id, int Kind, string? Target, int Minute, int Edit)
    {
        public void ApplyTo(Dictionary<PostKey, (CanonicalPost Post, string Hash)> candidates, HashSet<PostKey> deleted, HashSet<PostKey> changed)
        {
            var key = new PostKey("twitter", Id);
            if (Kind == 9)
            {
                deleted.Add(key);
                if (candidates.Remove(key))
                {
                    changed.Add(key);
                }
                return;
            }
            if (deleted.Contains(key))
            {
                return;
            }
            var post = Post(
                Id,
                Kind switch
                {
                    0 => $"A{Edit + 1}: answer #bmcmed",
                    1 => $"Q{Edit + 1}: question #BMCmed",
                    2 => "thoughts #hcsm",
                    3 => "#bmcmed and #hcsm",
                    _ => $"reply {Edit}",
                },
                Minute,
                handle: Kind % 4 == 1 ? "BMCMedicine" : $"user{Kind}",
                replyTo: Kind is 4 or 5 or 6 or 0 ? Target : null,
                repostOf: Kind == 7 ? Target : null,
                quoted: Kind == 8 ? Target : null,
                editedAt: Edit == 0 ? null : Start.AddMinutes(Minute + Edit));
            var version = (Post: post, Hash: PostVersions.Hash(post));
            if (!candidates.TryGetValue(key, out var current) || PostVersions.Compare(version.Post, version.Hash, current.Post, current.Hash) > 0)
            {
                candidates[key] = version;
                changed.Add(key);
            }
        }
    }
}
