using ChatTranscripts.IntegrationTests.Resilience;
using ChatTranscripts.Pipeline.Application.Queueing;

namespace ChatTranscripts.IntegrationTests.Processing;

/// <summary>
/// A shuffled chat for two sessions (<c>#bmcmed</c> and <c>#hcsm</c>, 12:00 to 13:00) with the hard cases in random
/// proportions: replies before parents and without the hashtag, reply cycles, edits (one that removes the hashtag, ties
/// on <c>editedAt</c>, one that moves the post to another hour), duplicates, deletions before and after their posts,
/// posts outside the window and in partly covered hours, and a post in both sessions. One message per post or deletion.
/// </summary>
public static class GeneratedPosts
{
    public static List<PipelineMessage> Shuffled(Random random, int count)
    {
        var messages = new List<PipelineMessage>();
        for (var i = 1; i <= count; i++)
        {
            var minute = random.Next(-40, 150);
            var text = random.Next(10) switch
            {
                < 3 => $"A{random.Next(1, 5)}: answer {i} #bmcmed",
                3 => $"Q{random.Next(1, 5)}: question {i} #bmcmed",
                4 => $"#hcsm thought {i}",
                5 => $"#bmcmed and #hcsm {i}",
                _ => $"reply {i}",
            };
            var replyTo = random.Next(10) < 6 ? $"{random.Next(1, count + 1)}" : null;
            var handle = random.Next(6) == 0 ? "BMCMedicine" : $"user{random.Next(20)}";
            messages.Add(FaultyPipeline.Post($"{i}", text, minute, handle, replyTo));
            switch (random.Next(12))
            {
                case 0:
                    messages.Add(FaultyPipeline.Post($"{i}", $"edited {i} without the tag", minute, handle, replyTo, editedMinute: minute + 5));
                    break;
                case 1:
                    messages.Add(FaultyPipeline.Post($"{i}", text + " (edit a)", minute, handle, replyTo, editedMinute: minute + 3));
                    messages.Add(FaultyPipeline.Post($"{i}", text + " (edit b)", minute, handle, replyTo, editedMinute: minute + 3));
                    break;
                case 2:
                    messages.Add(FaultyPipeline.Post($"{i}", text + " (moved)", minute + 65, handle, replyTo, editedMinute: minute + 70));
                    break;
                case 3:
                    messages.Add(FaultyPipeline.Deletion($"{i}"));
                    break;
                case 4:
                    messages.Add(messages[random.Next(messages.Count)]);
                    break;
            }
        }
        return messages.OrderBy(_ => random.Next()).ToList();
    }
}
