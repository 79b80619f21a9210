using ChatTranscripts.Pipeline.Core;
using ChatTranscripts.Pipeline.Logic.Membership;
using ChatTranscripts.Pipeline.Logic.Moderation;
using ChatTranscripts.Pipeline.Logic.Transcripts;
using static ChatTranscripts.Pipeline.Tests.Posts;

namespace ChatTranscripts.Pipeline.Tests.Transcripts.Digest;

/// <summary>
/// <c>mostDiscussed</c> of transcript.json: threads as the page shows them (a post with the replies nested under it),
/// ranked by replies, then distinct repliers other than the author, then start; at most 5, each with 2 replies or more.
/// </summary>
public sealed class MostDiscussedTests
{
    [Fact]
    public void Threads_are_ranked_by_replies_then_by_people_replying_then_by_start()
    {
        var transcript = Build(
            // Four replies.
            Post("10", "Slides anyone? #bmcmed", 1, handle: "student"),
            Post("11", "@student here", 2, handle: "a", replyTo: "10"),
            Post("12", "@a thanks", 3, handle: "student", replyTo: "11"),
            Post("13", "@student me too", 4, handle: "b", replyTo: "10"),
            Post("14", "@b same", 5, handle: "a", replyTo: "13"),
            // Three replies from one other person: a back-and-forth.
            Post("20", "Who is here? #bmcmed", 6, handle: "host"),
            Post("21", "@host me", 7, handle: "c", replyTo: "20"),
            Post("22", "@c welcome", 8, handle: "host", replyTo: "21"),
            Post("23", "@host thanks", 9, handle: "c", replyTo: "22"),
            // Three replies from three people, started later than the back-and-forth.
            Post("30", "Good chat #bmcmed", 10, handle: "fan"),
            Post("31", "@fan yes", 11, handle: "d", replyTo: "30"),
            Post("32", "@fan agreed", 12, handle: "e", replyTo: "30"),
            Post("33", "@fan indeed", 13, handle: "f", replyTo: "30"),
            // Three replies from three people, started after that.
            Post("40", "Another thought #bmcmed", 14, handle: "g"),
            Post("41", "@g 1", 15, handle: "h", replyTo: "40"),
            Post("42", "@g 2", 16, handle: "i", replyTo: "40"),
            Post("43", "@g 3", 17, handle: "j", replyTo: "40"));

        Assert.Equal(
            [
                new TranscriptDiscussedThread("twitter:10", "twitter", "student", null, 4, 2),
                new TranscriptDiscussedThread("twitter:30", "twitter", "fan", null, 3, 3),
                new TranscriptDiscussedThread("twitter:40", "twitter", "g", null, 3, 3),
                new TranscriptDiscussedThread("twitter:20", "twitter", "host", null, 3, 1),
            ],
            transcript.MostDiscussed);
    }

    [Fact]
    public void Only_threads_with_two_replies_or_more_count_and_only_the_first_five()
    {
        var posts = new List<CanonicalPost> { Post("1", "One reply only #bmcmed", 0, handle: "lonely"), Post("2", "@lonely hi", 1, handle: "x", replyTo: "1") };
        for (var thread = 0; thread < 7; thread++)
        {
            var id = (100 + (thread * 10)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            posts.Add(Post(id, $"Thread {thread} #bmcmed", 2 + thread, handle: "starter"));
            posts.Add(Post(id + "1", "@starter a", 20 + thread, handle: "r1", replyTo: id));
            posts.Add(Post(id + "2", "@starter b", 30 + thread, handle: "r2", replyTo: id));
        }

        var transcript = Build([.. posts]);

        Assert.Equal(["twitter:100", "twitter:110", "twitter:120", "twitter:130", "twitter:140"], transcript.MostDiscussed.Select(t => t.PostId));
    }

    [Fact]
    public void Replies_count_at_every_depth_and_the_author_and_the_case_of_a_handle_add_no_replier()
    {
        var transcript = Build(
            Post("1", "Start #bmcmed", 0, handle: "Starter"),
            Post("2", "@Starter one", 1, handle: "Nurse_Jo", replyTo: "1"),
            Post("3", "@Nurse_Jo two", 2, handle: "starter", replyTo: "2"),
            Post("4", "@starter three", 3, handle: "nurse_jo", replyTo: "3"),
            Post("5", "@nurse_jo four", 4, handle: "drsmith", replyTo: "4"),
            Post("6", "@drsmith five", 5, handle: "drsmith", replyTo: "5"),
            Post("7", "@drsmith six", 6, handle: "x", replyTo: "6"),
            Post("8", "@x seven", 7, handle: "y", replyTo: "7"),
            Post("9", "@y eight", 8, handle: "z", replyTo: "8"));

        var thread = Assert.Single(transcript.MostDiscussed);
        Assert.Equal(("twitter:1", 8, 5), (thread.PostId, thread.Replies, thread.Repliers));
    }

    [Fact]
    public void Answers_are_threads_of_their_own_in_their_question_not_replies_to_it()
    {
        var transcript = Build(
            Post("1", "Q1: How have you seen it used? #bmcmed", 0, handle: "BMCMedicine"),
            Post("2", "@BMCMedicine A1: online groups #bmcmed", 1, handle: "a", replyTo: "1"),
            Post("3", "@BMCMedicine A1: blogs #bmcmed", 2, handle: "b", replyTo: "1"),
            Post("4", "@BMCMedicine A1: video #bmcmed", 3, handle: "c", replyTo: "1"),
            Post("5", "@BMCMedicine great question", 4, handle: "d", replyTo: "1"),
            Post("6", "@BMCMedicine indeed", 5, handle: "e", replyTo: "1"),
            Post("7", "@a which groups?", 6, handle: "f", replyTo: "2"),
            Post("8", "@a and where?", 7, handle: "g", replyTo: "2"),
            Post("9", "@g on Facebook", 8, handle: "a", replyTo: "8"));

        Assert.Equal(
            [
                new TranscriptDiscussedThread("twitter:2", "twitter", "a", 1, 3, 2),
                new TranscriptDiscussedThread("twitter:1", "twitter", "BMCMedicine", 1, 2, 2),
            ],
            transcript.MostDiscussed);
    }

    [Fact]
    public void Hidden_posts_are_neither_threads_nor_replies_but_the_replies_they_keep_in_place_count()
    {
        var transcript = TranscriptBuilder.Build(
            "chat",
            Session(),
            SessionMembership.Resolve(Session(),
            [
                Post("1", "Start #bmcmed", 0, handle: "starter"),
                Post("2", "@starter buy followers", 1, handle: "spammer", replyTo: "1"),
                Post("3", "@spammer stop", 2, handle: "a", replyTo: "2"),
                Post("4", "@starter ok", 3, handle: "b", replyTo: "1"),
                Post("10", "Spam thread #bmcmed", 4, handle: "spammer"),
                Post("11", "@spammer no", 5, handle: "c", replyTo: "10"),
                Post("12", "@spammer go away", 6, handle: "d", replyTo: "10"),
                Post("13", "@spammer really", 7, handle: "e", replyTo: "10"),
            ]),
            new SessionModeration(new HashSet<PostKey>(), new HashSet<AccountKey> { new("twitter", "spammer") }, ModerationRules.Off));

        var thread = Assert.Single(transcript.MostDiscussed);
        Assert.Equal(("twitter:1", 2, 2), (thread.PostId, thread.Replies, thread.Repliers));
    }

    [Fact]
    public void A_chat_without_replies_has_no_discussed_thread()
    {
        Assert.Empty(Build(Post("1", "Hello #bmcmed", 1), Post("2", "Hi #bmcmed", 2)).MostDiscussed);
    }

    private static TranscriptDocument Build(params CanonicalPost[] posts) =>
        TranscriptBuilder.Build("chat", Session(), SessionMembership.Resolve(Session(), posts));
}
