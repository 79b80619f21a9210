using System.Text;
using ChatTranscripts.Pipeline.Core;
using ChatTranscripts.Pipeline.Logic.Membership;
using ChatTranscripts.Pipeline.Logic.Moderation;
using ChatTranscripts.Pipeline.Logic.Transcripts;
using ChatTranscripts.Pipeline.Logic.Transcripts.Exports;
using ChatTranscripts.Pipeline.Tests.Rendering;
using ChatTranscripts.Testing;
using static ChatTranscripts.Pipeline.Tests.Posts;

namespace ChatTranscripts.Pipeline.Tests.Transcripts;

/// <summary>Potential reach, counted as healthcare chat studies count it, and only from follower counts a sender gave.</summary>
public sealed class TranscriptReachTests
{
    private static readonly TranscriptPageRenderer Renderer = new();

    [Fact]
    public void Without_follower_counts_there_is_no_reach_anywhere()
    {
        var transcript = Build(
            Post("1", "Q1: Welcome #bmcmed", 0, handle: "BMCMedicine"),
            Post("2", "A1: yes #bmcmed", 2, handle: "nurse_jo"));

        Assert.Null(transcript.Stats.Reach);
        Assert.Contains("\"reach\": null", Encoding.UTF8.GetString(TranscriptJson.Serialize(transcript)), StringComparison.Ordinal);
        Assert.DoesNotContain("reach", Renderer.RenderThreadedHtml(transcript), StringComparison.Ordinal);
        Assert.DoesNotContain("reach", TranscriptMarkdown.Render(transcript), StringComparison.Ordinal);
    }

    [Fact]
    public void Followers_are_summed_once_per_author_at_their_latest_count_and_once_per_post_as_impressions()
    {
        var transcript = Build(
            Followed(Post("1", "Q1: Welcome #bmcmed", 0, handle: "BMCMedicine"), 1000),
            Followed(Post("2", "A1: yes #bmcmed", 2, handle: "nurse_jo"), 40),
            Followed(Post("3", "A1: and more #bmcmed", 4, handle: "Nurse_Jo"), 50),
            Post("4", "@nurse_jo agreed #bmcmed", 5, handle: "nurse_jo"),
            Followed(Post("5", "RT @nurse_jo: A1: yes #bmcmed", 6, handle: "fan", repostOf: "2"), 7),
            Post("6", "A1: me too #bmcmed", 7, handle: "lurker"));

        var reach = Assert.IsType<TranscriptReach>(transcript.Stats.Reach);
        Assert.Equal(3, reach.Authors);
        Assert.Equal(4, reach.OfAuthors);
        Assert.Equal(1000 + 50 + 7, reach.Followers);
        // nurse_jo's three posts each count her latest 50; the repost counts its author's 7, as retweets do in the studies.
        Assert.Equal(1000 + (3 * 50) + 7, reach.Impressions);
        Assert.True(reach.UpperBound);
    }

    [Fact]
    public void A_hidden_authors_followers_are_not_counted()
    {
        var posts = new[]
        {
            Followed(Post("1", "Q1: Welcome #bmcmed", 0, handle: "BMCMedicine"), 1000),
            Followed(Post("2", "Buy followers #bmcmed", 2, handle: "spammer"), 90000),
        };
        var moderation = new SessionModeration(new HashSet<PostKey>(), new HashSet<AccountKey> { new("twitter", "spammer") }, ModerationRules.Off);

        var transcript = TranscriptBuilder.Build("bmcmed-2012-08-06", Session(), SessionMembership.Resolve(Session(), posts), moderation);

        Assert.Equal(new TranscriptReach(1, 1, 1000, 1000), transcript.Stats.Reach);
    }

    [Fact]
    public void The_page_and_the_markdown_label_reach_as_an_upper_bound_and_say_how_many_authors_it_rests_on()
    {
        var transcript = Build(
            Followed(Post("1", "Q1: Welcome #bmcmed", 0, handle: "BMCMedicine"), 1200),
            Post("2", "A1: yes #bmcmed", 2, handle: "nurse_jo"));

        var page = new RenderedPage(Renderer.RenderThreadedHtml(transcript));
        var line = Assert.Single(page.Document.QuerySelectorAll(".stats li"), li => li.TextContent.Contains("reach", StringComparison.Ordinal));
        Assert.Equal("1200 potential reach and 1200 potential impressions (upper bounds, from the follower counts of 1 of 2 authors)", line.TextContent);
        Assert.Contains(
            "Potential reach 1200, potential impressions 1200 (upper bounds, from the follower counts of 1 of 2 authors).",
            TranscriptMarkdown.Render(transcript),
            StringComparison.Ordinal);
    }

    private static CanonicalPost Followed(CanonicalPost post, long followers) => post with { Author = post.Author with { Followers = followers } };

    private static TranscriptDocument Build(params CanonicalPost[] posts) =>
        TranscriptBuilder.Build("bmcmed-2012-08-06", Session(), SessionMembership.Resolve(Session(), posts));
}
