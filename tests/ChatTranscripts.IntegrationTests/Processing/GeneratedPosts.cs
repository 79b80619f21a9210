using ChatTranscripts.IntegrationTests.Resilience;
using ChatTranscripts.Pipeline.Application.Queueing;
using ChatTranscripts.Pipeline.Core;
using ChatTranscripts.Testing.Chats;

namespace ChatTranscripts.IntegrationTests.Processing;

/// <summary>
/// A generated #bmcmed chat (<see cref="ChatGenerator"/>, 12:00 to 13:00, posts from 11:20 to 14:30) made hard for two
/// sessions (<c>#bmcmed</c> and <c>#hcsm</c>): some posts moved to <c>#hcsm</c> or put in both, some replies pointed at
/// any post of the chat (later ones and themselves too, so replies come before parents and form cycles), edits (one that
/// removes the hashtag, ties on <c>editedAt</c>, one that moves the post to another hour), duplicates, and deletions before
/// and after their posts; then everything shuffled. One message per post version or deletion.
/// </summary>
public static class GeneratedPosts
{
    private static readonly DateTimeOffset Start = FaultyPipeline.Start;

    public static List<PipelineMessage> Shuffled(Random random, int count)
    {
        var chat = ChatGenerator.Generate(count, new ChatShape
        {
            Seed = random.Next(),
            Timeline = new ChatTimeline(Start, Start.AddHours(1), Start.AddMinutes(-40), Start.AddMinutes(150), 4, Start, TimeSpan.FromMinutes(15)),
        });
        var messages = new List<PipelineMessage>();
        foreach (var generated in chat.Posts)
        {
            var post = generated;
            switch (random.Next(10))
            {
                case 0:
                    post = post with { Text = post.Text.Replace("#bmcmed", "#hcsm", StringComparison.Ordinal) };
                    break;
                case 1:
                    post = post with { Text = post.Text + " #hcsm" };
                    break;
            }
            if (random.Next(10) == 0)
            {
                post = post with { InReplyToId = chat.Posts[random.Next(chat.Posts.Count)].Id };
            }
            messages.Add(Delivery(post));
            var editedAt = (post.EditedAt ?? post.CreatedAt).AddMinutes(3);
            switch (random.Next(12))
            {
                case 0:
                    messages.Add(Delivery(post with { Text = $"edited {post.Id} without the tag", EditedAt = editedAt.AddMinutes(2) }));
                    break;
                case 1:
                    messages.Add(Delivery(post with { Text = post.Text + " (edit a)", EditedAt = editedAt }));
                    messages.Add(Delivery(post with { Text = post.Text + " (edit b)", EditedAt = editedAt }));
                    break;
                case 2:
                    messages.Add(Delivery(post with { Text = post.Text + " (moved)", CreatedAt = post.CreatedAt.AddMinutes(65), EditedAt = editedAt.AddMinutes(67) }));
                    break;
                case 3:
                    messages.Add(PipelineMessage.Delivery([], [new PostDeletion(post.Platform, post.Id)]));
                    break;
                case 4:
                    messages.Add(messages[random.Next(messages.Count)]);
                    break;
            }
        }
        return messages.OrderBy(_ => random.Next()).ToList();
    }

    private static PipelineMessage Delivery(CanonicalPost post) => PipelineMessage.Delivery([post], []);
}
