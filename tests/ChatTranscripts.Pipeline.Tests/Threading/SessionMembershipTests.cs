using System.Text.Json;
using ChatTranscripts.Pipeline.Core;
using ChatTranscripts.Pipeline.Logic.Membership;
using ChatTranscripts.Pipeline.Logic.Tagging;
using static ChatTranscripts.Pipeline.Tests.Posts;

namespace ChatTranscripts.Pipeline.Tests.Threading;

public sealed class SessionMembershipTests
{
    [Fact]
    public void Posts_with_the_hashtag_inside_the_window_belong()
    {
        var members = SessionMembership.Resolve(Session(), [Post("1", "Hello #BMCmed"), Post("2", "Hello #other")]);

        Assert.Equal(["twitter:1"], Keys(members));
    }

    [Theory]
    [InlineData(-15, true)]
    [InlineData(-16, false)]
    [InlineData(120, true)]
    [InlineData(121, false)]
    public void The_window_runs_from_15_minutes_before_the_start_to_60_minutes_after_the_end(int minute, bool belongs)
    {
        var members = SessionMembership.Resolve(Session(), [Post("1", "#bmcmed", minute)]);

        Assert.Equal(belongs, members.Count == 1);
    }

    [Fact]
    public void Replies_without_the_hashtag_join_their_thread_transitively_whatever_the_order()
    {
        CanonicalPost[] posts =
        [
            Post("4", "@c deeper still", 14, replyTo: "3"),
            Post("3", "@b and deeper", 13, replyTo: "2"),
            Post("2", "@a agreed", 12, replyTo: "1"),
            Post("1", "A1: yes #bmcmed", 11),
            Post("9", "@x unrelated reply", 12, replyTo: "8"),
        ];

        var forwards = SessionMembership.Resolve(Session(), posts);
        var backwards = SessionMembership.Resolve(Session(), posts.Reverse());

        Assert.Equal(["twitter:1", "twitter:2", "twitter:3", "twitter:4"], Keys(forwards));
        Assert.Equal(JsonSerializer.Serialize(forwards, PipelineJson.Options), JsonSerializer.Serialize(backwards, PipelineJson.Options));
        Assert.All(forwards, p => Assert.Equal(new PostKey("twitter", "1"), p.ThreadRoot));
    }

    [Fact]
    public void A_reply_outside_the_window_does_not_join_even_when_its_parent_does()
    {
        var members = SessionMembership.Resolve(Session(), [Post("1", "#bmcmed", 10), Post("2", "@a late", 200, replyTo: "1")]);

        Assert.Equal(["twitter:1"], Keys(members));
    }

    [Fact]
    public void Replies_are_matched_on_the_same_platform_only()
    {
        var members = SessionMembership.Resolve(Session(), [Post("1", "#bmcmed"), Post("2", "@a hi", replyTo: "1", platform: "mastodon")]);

        Assert.Equal(["twitter:1"], Keys(members));
    }

    [Fact]
    public void A_thread_root_is_the_topmost_ancestor_in_the_session()
    {
        var members = SessionMembership.Resolve(Session(),
        [
            Post("2", "@a reply with tag #bmcmed", 12, replyTo: "1"),
            Post("3", "@b reply", 13, replyTo: "2"),
        ]);

        Assert.All(members, p => Assert.Equal(new PostKey("twitter", "2"), p.ThreadRoot));
        Assert.Equal(PostKind.Reply, members[0].Kind);
    }

    [Fact]
    public void Reposts_of_members_are_members_of_kind_repost()
    {
        var members = SessionMembership.Resolve(Session(), [Post("1", "A1: yes #bmcmed"), Post("2", "RT @a: A1: yes", repostOf: "1")]);

        var repost = Assert.Single(members, p => p.Key.Id == "2");
        Assert.Equal(PostKind.Repost, repost.Kind);
        Assert.Null(repost.AnswersQuestion);
    }

    [Fact]
    public void Questions_count_only_from_moderators_and_answers_from_anyone()
    {
        var members = SessionMembership.Resolve(Session(),
        [
            Post("1", "Q1: How? #bmcmed", handle: "bmcmedicine"),
            Post("2", "Q2: Me too? #bmcmed", handle: "someone"),
            Post("3", "@BMCMedicine A1: like this #bmcmed", handle: "FarrisTimimi"),
        ]);

        Assert.Equal(1, members.Single(p => p.Key.Id == "1").Question);
        Assert.Equal(AuthorRole.Moderator, members.Single(p => p.Key.Id == "1").Role);
        Assert.Null(members.Single(p => p.Key.Id == "2").Question);
        Assert.Equal(1, members.Single(p => p.Key.Id == "3").AnswersQuestion);
        Assert.Equal(AuthorRole.Guest, members.Single(p => p.Key.Id == "3").Role);
    }

    [Fact]
    public void Without_moderators_anyone_may_ask()
    {
        var session = Session() with { Moderators = [] };

        var members = SessionMembership.Resolve(session, [Post("1", "T3 - a topic #bmcmed", handle: "someone")]);

        Assert.Equal(3, Assert.Single(members).Question);
    }

    [Fact]
    public void Quotes_and_plain_posts_get_their_kind()
    {
        var members = SessionMembership.Resolve(Session(), [Post("1", "#bmcmed plain"), Post("2", "#bmcmed quoting", quoted: "99")]);

        Assert.Equal([PostKind.Post, PostKind.Quote], members.Select(p => p.Kind));
    }

    private static string[] Keys(IEnumerable<SessionPost> posts) => posts.Select(p => p.Key.ToString()).ToArray();
}
