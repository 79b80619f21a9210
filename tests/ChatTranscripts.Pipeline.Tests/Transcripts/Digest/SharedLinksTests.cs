using ChatTranscripts.Pipeline.Core;
using ChatTranscripts.Pipeline.Logic.Membership;
using ChatTranscripts.Pipeline.Logic.Moderation;
using ChatTranscripts.Pipeline.Logic.Transcripts;
using static ChatTranscripts.Pipeline.Tests.Posts;

namespace ChatTranscripts.Pipeline.Tests.Transcripts.Digest;

/// <summary><c>links</c> of transcript.json: one entry per normalised URL of the shown posts, counted, credited and placed.</summary>
public sealed class SharedLinksTests
{
    [Fact]
    public void Spellings_of_one_link_count_as_one_resource_credited_to_its_first_sharer()
    {
        var transcript = Build(
            Post("1", "Q1: How have you seen it used? #bmcmed", 0, handle: "BMCMedicine"),
            Post("2", "@BMCMedicine A1: this review https://www.jmir.org/2012/3/e87/ #bmcmed", 2, handle: "HealthLibKate", replyTo: "1"),
            Post("3", "Saving HTTPS://WWW.JMIR.ORG/2012/3/e87/?utm_source=twitter #bmcmed", 30, handle: "nurse_jo"),
            Post("4", "@HealthLibKate great, see section 2 www.jmir.org/2012/3/e87/#sec2", 3, handle: "drsmith", replyTo: "2"));

        var link = Assert.Single(transcript.Links);
        Assert.Equal("https://www.jmir.org/2012/3/e87/", link.Url);
        Assert.Equal(3, link.Posts);
        Assert.Equal(new TranscriptShare("twitter:2", "twitter", "HealthLibKate", Start.AddMinutes(2).UtcDateTime), link.FirstShared);
        Assert.Equal(1, link.Question);
    }

    [Fact]
    public void A_post_that_gives_a_link_twice_shares_it_once()
    {
        var transcript = Build(Post("1", "https://example.com/a and again https://example.com/a#more #bmcmed", 1));

        Assert.Equal(1, Assert.Single(transcript.Links).Posts);
    }

    [Fact]
    public void Links_are_ordered_by_posts_then_by_when_first_shared_then_by_url()
    {
        var transcript = Build(
            Post("1", "https://late.example.org/popular #bmcmed", 20, handle: "a"),
            Post("2", "https://late.example.org/popular #bmcmed", 21, handle: "b"),
            Post("3", "https://zeta.example.org/ #bmcmed", 5, handle: "c"),
            Post("4", "https://alpha.example.org/ #bmcmed", 5, handle: "d"),
            Post("5", "https://early.example.org/ #bmcmed", 1, handle: "e"));

        Assert.Equal(
            ["https://late.example.org/popular", "https://early.example.org/", "https://alpha.example.org/", "https://zeta.example.org/"],
            transcript.Links.Select(l => l.Url));
    }

    [Fact]
    public void The_question_is_the_section_the_first_share_is_shown_in()
    {
        var transcript = Build(
            Post("1", "Q1: How have you seen it used? #bmcmed", 0, handle: "BMCMedicine"),
            Post("2", "Q2: How can it bridge the gap? https://q2.example.org/ #bmcmed", 10, handle: "BMCMedicine"),
            Post("3", "A1: peer support #bmcmed", 2, handle: "nurse_jo"),
            Post("4", "@nurse_jo which ones? https://reply.example.org/ #bmcmed", 3, handle: "drsmith", replyTo: "3"),
            Post("5", "@drsmith these: https://deep.example.org/", 4, handle: "nurse_jo", replyTo: "4"),
            Post("6", "Hello all https://outside.example.org/ #bmcmed", 5, handle: "student"),
            Post("7", "A2: https://answer.example.org/ #bmcmed", 12, handle: "student"));

        var questions = transcript.Links.ToDictionary(l => l.Url, l => l.Question);
        Assert.Equal(2, questions["https://q2.example.org/"]);
        Assert.Equal(1, questions["https://reply.example.org/"]);
        Assert.Equal(1, questions["https://deep.example.org/"]);
        Assert.Null(questions["https://outside.example.org/"]);
        Assert.Equal(2, questions["https://answer.example.org/"]);
    }

    [Fact]
    public void Hidden_posts_and_reposts_share_nothing()
    {
        var transcript = TranscriptBuilder.Build(
            "chat",
            Session(),
            SessionMembership.Resolve(Session(),
            [
                Post("1", "Buy now https://spam.example.org/ #bmcmed", 1, handle: "spammer"),
                Post("2", "Early https://shared.example.org/ #bmcmed", 2, handle: "spammer"),
                Post("3", "Later https://shared.example.org/ #bmcmed", 3, handle: "nurse_jo"),
                Post("4", "RT @nurse_jo: Later https://shared.example.org/ #bmcmed", 4, handle: "fan", repostOf: "3"),
                Post("5", "@spammer stop https://reply-to-hidden.example.org/", 5, handle: "drsmith", replyTo: "1"),
            ]),
            new SessionModeration(new HashSet<PostKey> { new("twitter", "1"), new("twitter", "2") }, new HashSet<AccountKey>(), ModerationRules.Off));

        Assert.Equal(["https://shared.example.org/", "https://reply-to-hidden.example.org/"], transcript.Links.Select(l => l.Url));
        var shared = transcript.Links[0];
        Assert.Equal(1, shared.Posts);
        Assert.Equal("twitter:3", shared.FirstShared.PostId);
    }

    [Fact]
    public void A_chat_without_links_has_none()
    {
        Assert.Empty(Build(Post("1", "No links here, just #bmcmed", 1)).Links);
    }

    private static TranscriptDocument Build(params CanonicalPost[] posts) =>
        TranscriptBuilder.Build("chat", Session(), SessionMembership.Resolve(Session(), posts));
}
