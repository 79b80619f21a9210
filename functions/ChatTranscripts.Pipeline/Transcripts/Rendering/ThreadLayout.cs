namespace ChatTranscripts.Pipeline.Transcripts.Rendering;

/// <summary>
/// Decides where each shown post appears so that every post appears exactly once: question posts, answers and thread
/// roots (no parent, or a parent not in the transcript) are top-level items; every other post is nested under its parent.
/// </summary>
internal static class ThreadLayout
{
    /// <summary>
    /// Replies nest this many levels deep at most; deeper descendants are listed in reading order at the deepest level,
    /// so a long back-and-forth stays readable on a phone (and browsers' parsers never hit their nesting limits).
    /// </summary>
    public const int MaxReplyDepth = 6;

    public static TranscriptLayout Arrange(TranscriptDocument transcript)
    {
        var posts = DistinctPosts(transcript.Posts);
        var byId = posts.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var children = posts
            .Where(p => p.InReplyToId is { } parent && parent != p.Id && byId.ContainsKey(parent))
            .GroupBy(p => p.InReplyToId!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

        // A question number listed twice would give two sections claiming the same posts; the first entry wins.
        var questions = transcript.Questions.DistinctBy(q => q.Number).OrderBy(q => q.Number).ToList();
        var claimedByQuestion = new Dictionary<int, List<TranscriptPost>>();
        var topLevel = new HashSet<string>(StringComparer.Ordinal);
        foreach (var question in questions)
        {
            var ids = question.PostId is { } postId ? question.AnswerIds.Prepend(postId) : question.AnswerIds;
            // A malformed document could name a post twice; the first claim wins so the post still appears once.
            claimedByQuestion[question.Number] = ids
                .Where(id => byId.ContainsKey(id) && topLevel.Add(id))
                .Select(id => byId[id])
                .ToList();
        }
        foreach (var post in posts.Where(p => IsThreadRoot(p, byId)))
        {
            topLevel.Add(post.Id);
        }

        var arranger = new Arranger(children, topLevel);
        var questionThreads = questions
            .Select(q => new QuestionThreads(q, claimedByQuestion[q.Number].Select(arranger.TopLevel).ToList()))
            .ToList();
        var outside = posts
            .Select((post, index) => (post, index))
            .Where(p => topLevel.Contains(p.post.Id) && !arranger.IsPlaced(p.post.Id))
            .Select(p => (p.index, node: arranger.TopLevel(p.post)))
            .ToList();
        // Posts whose replies form a cycle never reach a top-level post; each unreached one starts its own thread.
        foreach (var (post, index) in posts.Select((post, index) => (post, index)))
        {
            if (!arranger.IsPlaced(post.Id))
            {
                outside.Add((index, arranger.TopLevel(post)));
            }
        }
        return new TranscriptLayout(questionThreads, outside.OrderBy(o => o.index).Select(o => o.node).ToList());
    }

    /// <summary>The document's own order (created, then id), re-established so the page never depends on how a caller built the list.</summary>
    private static List<TranscriptPost> DistinctPosts(IReadOnlyList<TranscriptPost> posts)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return posts
            .OrderBy(p => p.CreatedAt)
            .ThenBy(p => p.Id, StringComparer.Ordinal)
            .Where(p => seen.Add(p.Id))
            .ToList();
    }

    private static bool IsThreadRoot(TranscriptPost post, Dictionary<string, TranscriptPost> byId) =>
        post.InReplyToId is null || !byId.ContainsKey(post.InReplyToId);

    private sealed class Arranger(Dictionary<string, List<TranscriptPost>> children, HashSet<string> topLevel)
    {
        private readonly HashSet<string> _placed = new(StringComparer.Ordinal);

        public bool IsPlaced(string postId) => _placed.Contains(postId);

        public ThreadNode TopLevel(TranscriptPost post)
        {
            _placed.Add(post.Id);
            return new ThreadNode(post, NestedUnderParent: false, Replies(post, depth: 1));
        }

        private List<ThreadNode> Replies(TranscriptPost parent, int depth)
        {
            var direct = TakeChildren(parent);
            if (depth < MaxReplyDepth)
            {
                return direct.Select(child => new ThreadNode(child, NestedUnderParent: true, Replies(child, depth + 1))).ToList();
            }
            var flattened = new List<ThreadNode>();
            var pending = new Stack<TranscriptPost>(Enumerable.Reverse(direct));
            while (pending.TryPop(out var post))
            {
                flattened.Add(new ThreadNode(post, NestedUnderParent: post.InReplyToId == parent.Id, []));
                foreach (var child in Enumerable.Reverse(TakeChildren(post)))
                {
                    pending.Push(child);
                }
            }
            return flattened;
        }

        private List<TranscriptPost> TakeChildren(TranscriptPost parent) =>
            children.TryGetValue(parent.Id, out var replies)
                ? replies.Where(r => !topLevel.Contains(r.Id) && _placed.Add(r.Id)).ToList()
                : [];
    }
}
