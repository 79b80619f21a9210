using ChatTranscripts.Pipeline.Logic.Transcripts.Rendering;

namespace ChatTranscripts.Pipeline.Logic.Transcripts.Digest;

/// <summary>
/// The resources shared and the most discussed threads of a transcript, from one walk over its posts in the page's
/// layout (<see cref="ThreadLayout"/>): "the question a link was shared under" and "a thread" then mean what a reader
/// sees, the section a post is shown in and a post with the replies shown under it. Posts the organiser hid are not in
/// the transcript; where one keeps the place of its replies, the replies count and the hidden post does not.
/// </summary>
internal static class TranscriptDigest
{
    public static TranscriptDocument Add(TranscriptDocument transcript)
    {
        var layout = ThreadLayout.Arrange(HiddenPostPlaceholders.ForLayout(transcript));
        var walk = new Walk(HiddenPostPlaceholders.Ids(transcript));
        foreach (var question in layout.Questions)
        {
            foreach (var thread in question.Threads)
            {
                walk.Thread(thread, question.Question.Number);
            }
        }
        foreach (var thread in layout.Outside)
        {
            walk.Thread(thread, question: null);
        }
        return transcript with { Links = walk.Links.Ranked(), MostDiscussed = MostDiscussed.Rank(walk.Threads) };
    }

    private sealed class Walk(HashSet<string> hidden)
    {
        private readonly Stack<ThreadNode> _pending = new();
        private readonly HashSet<(string Platform, string Handle)> _repliers = [];

        public SharedLinks Links { get; } = new();

        public List<(TranscriptDiscussedThread Thread, DateTime StartedAt)> Threads { get; } = [];

        public void Thread(ThreadNode top, int? question)
        {
            var first = hidden.Contains(top.Post.Id) ? null : top.Post;
            if (first is not null)
            {
                Links.Add(first, question);
            }
            var author = first is null ? default : Account(first);
            var replies = 0;
            _repliers.Clear();
            PushReplies(top);
            while (_pending.TryPop(out var node))
            {
                PushReplies(node);
                if (hidden.Contains(node.Post.Id))
                {
                    continue;
                }
                Links.Add(node.Post, question);
                replies++;
                var account = Account(node.Post);
                if (account != author)
                {
                    _repliers.Add(account);
                }
            }
            if (first is not null && replies > 0)
            {
                Threads.Add((new TranscriptDiscussedThread(first.Id, first.Platform, first.Author.Handle, question, replies, _repliers.Count), first.CreatedAt));
            }
        }

        private void PushReplies(ThreadNode node)
        {
            foreach (var reply in node.Replies)
            {
                _pending.Push(reply);
            }
        }

        /// <summary>As the participants table counts people: by platform and handle, whatever its case.</summary>
        private static (string Platform, string Handle) Account(TranscriptPost post) => (post.Platform, post.Author.Handle.ToUpperInvariant());
    }
}
