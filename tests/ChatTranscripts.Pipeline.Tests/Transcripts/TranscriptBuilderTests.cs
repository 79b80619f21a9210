using System.Text;
using ChatTranscripts.Pipeline.Core;
using ChatTranscripts.Pipeline.Logic.Membership;
using ChatTranscripts.Pipeline.Logic.Transcripts;
using static ChatTranscripts.Pipeline.Tests.Posts;

namespace ChatTranscripts.Pipeline.Tests.Transcripts;

public sealed class TranscriptBuilderTests
{
    private static readonly CanonicalPost[] Chat =
    [
        Post("10", "Welcome to #bmcmed!", 0, handle: "BMCMedicine"),
        Post("11", "Q1: How have you seen it used well? #bmcmed", 5, handle: "BMCMedicine"),
        Post("12", "A1: Patients search online #bmcmed", 7, handle: "FarrisTimimi"),
        Post("13", "@FarrisTimimi so true", 8, handle: "nurse_jo", replyTo: "12"),
        Post("14", "RT @FarrisTimimi: A1: Patients search online #bmcmed", 9, handle: "fan", repostOf: "12"),
        Post("15", "A1 peer support groups #bmcmed", 9, handle: "nurse_jo"),
        Post("16", "Q3: Beyond the plan? #bmcmed", 30, handle: "BMCMedicine"),
        Post("17", "#bmcmed A3: yes", 31, handle: "leeaase"),
    ];

    [Fact]
    public void Stats_count_shown_posts_reposts_replies_participants_and_questions()
    {
        var transcript = Build(Chat);

        Assert.Equal(new TranscriptStats(Posts: 7, Reposts: 1, Replies: 1, Participants: 4, Questions: 3), transcript.Stats);
        Assert.DoesNotContain(transcript.Posts, p => p.Id == "twitter:14");
    }

    [Fact]
    public void Questions_take_the_moderators_text_else_the_definition_and_list_answers_in_post_order()
    {
        var transcript = Build(Chat);

        Assert.Equal([1, 2, 3], transcript.Questions.Select(q => q.Number));
        var first = transcript.Questions[0];
        Assert.Equal("Q1: How have you seen it used well? #bmcmed", first.Text);
        Assert.Equal("twitter:11", first.PostId);
        Assert.Equal(["twitter:12", "twitter:15"], first.AnswerIds);
        var second = transcript.Questions[1];
        Assert.Equal("How can it bridge the gap?", second.Text);
        Assert.Null(second.PostId);
        Assert.Empty(second.AnswerIds);
        Assert.Equal("twitter:16", transcript.Questions[2].PostId);
    }

    [Fact]
    public void Posts_carry_ids_roles_kinds_and_threads_as_the_contract_names_them()
    {
        var transcript = Build(Chat);

        var reply = transcript.Posts.Single(p => p.Id == "twitter:13");
        Assert.Equal("13", reply.PlatformId);
        Assert.Equal("reply", reply.Kind);
        Assert.Equal("twitter:12", reply.InReplyToId);
        Assert.Equal("twitter:12", reply.ThreadRootId);
        Assert.Equal("participant", reply.Author.Role);
        Assert.Equal(DateTimeKind.Utc, reply.CreatedAt.Kind);
        var guest = transcript.Posts.Single(p => p.Id == "twitter:17");
        Assert.Equal("guest", guest.Author.Role);
        Assert.Equal(["bmcmed"], guest.Hashtags);
        Assert.Equal(3, guest.AnswersQuestion);
    }

    [Fact]
    public void Participants_are_ordered_by_posts_then_handle()
    {
        var transcript = Build(Chat);

        Assert.Equal(["BMCMedicine", "nurse_jo", "FarrisTimimi", "leeaase"], transcript.Participants.Select(p => p.Handle));
        Assert.Equal([3, 2, 1, 1], transcript.Participants.Select(p => p.Posts));
        Assert.Equal("moderator", transcript.Participants[0].Role);
    }

    [Fact]
    public void The_same_posts_in_any_order_give_identical_bytes()
    {
        var reference = TranscriptJson.Serialize(Build(Chat));

        for (var seed = 0; seed < 20; seed++)
        {
            var random = new Random(seed);
            var shuffled = Chat.Concat(Chat.Take(3)).OrderBy(_ => random.Next()).ToArray();
            Assert.Equal(Encoding.UTF8.GetString(reference), Encoding.UTF8.GetString(TranscriptJson.Serialize(Build(shuffled))));
        }
    }

    [Fact]
    public void Transcript_json_uses_camel_case_and_utc_times()
    {
        var json = Encoding.UTF8.GetString(TranscriptJson.Serialize(Build(Chat)));

        Assert.Contains("\"schemaVersion\": 1", json, StringComparison.Ordinal);
        Assert.Contains("\"createdAt\": \"2012-08-06T12:07:00Z\"", json, StringComparison.Ordinal);
        Assert.Contains("\"answersQuestion\": 1", json, StringComparison.Ordinal);
        Assert.EndsWith("}\n", json, StringComparison.Ordinal);
    }

    private static TranscriptDocument Build(IEnumerable<CanonicalPost> posts) =>
        TranscriptBuilder.Build("bmcmed-2012-08-06", Session(), SessionMembership.Resolve(Session(), posts));
}
