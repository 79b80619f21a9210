namespace ChatTranscripts.Pipeline.Logic.Transcripts.Rendering;

/// <summary>
/// Decides where each shown post appears so that every post appears exactly once: question posts, answers and thread
/// roots (no parent, or a parent not in the transcript) are top-level items; every other post is nested under its parent.
/// </summary>
/// <remarks>
/// Both pages and the Markdown export arrange every post on every render, so posts are handled by their position in
/// the document's order, with arrays for what each knows (its replies, whether it is top-level, whether it is placed),
/// rather than by id in sets and dictionaries.
/// </remarks>
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
        var positions = new Dictionary<string, int>(posts.Count, StringComparer.Ordinal);
        for (var i = 0; i < posts.Count; i++)
        {
            positions.Add(posts[i].Id, i);
        }
        var parents = new int[posts.Count];
        var children = new List<int>?[posts.Count];
        for (var i = 0; i < posts.Count; i++)
        {
            parents[i] = posts[i].InReplyToId is { } parentId && positions.TryGetValue(parentId, out var parent) ? parent : -1;
            if (parents[i] >= 0 && parents[i] != i)
            {
                (children[parents[i]] ??= []).Add(i);
            }
        }

        // A question number listed twice would give two sections claiming the same posts; the first entry wins.
        var questions = transcript.Questions.DistinctBy(q => q.Number).OrderBy(q => q.Number).ToList();
        var topLevel = new bool[posts.Count];
        var claims = new List<List<int>>(questions.Count);
        foreach (var question in questions)
        {
            var ids = question.PostId is { } postId ? question.AnswerIds.Prepend(postId) : question.AnswerIds;
            // A malformed document could name a post twice; the first claim wins so the post still appears once.
            var claimed = new List<int>();
            foreach (var id in ids)
            {
                if (positions.TryGetValue(id, out var position) && !topLevel[position])
                {
                    topLevel[position] = true;
                    claimed.Add(position);
                }
            }
            claims.Add(claimed);
        }
        for (var i = 0; i < posts.Count; i++)
        {
            topLevel[i] |= parents[i] < 0;
        }

        var arranger = new Arranger(posts, parents, children, topLevel);
        var questionThreads = new List<QuestionThreads>(questions.Count);
        for (var q = 0; q < questions.Count; q++)
        {
            questionThreads.Add(new QuestionThreads(questions[q], claims[q].ConvertAll(arranger.TopLevel)));
        }
        var roots = new List<int>();
        for (var i = 0; i < posts.Count; i++)
        {
            if (topLevel[i] && !arranger.IsPlaced(i))
            {
                roots.Add(i);
            }
        }
        var rootNodes = roots.ConvertAll(arranger.TopLevel);
        // Posts whose replies form a cycle never reach a top-level post; each unreached one starts its own thread.
        var unreached = new List<(int Position, ThreadNode Node)>();
        for (var i = 0; i < posts.Count; i++)
        {
            if (!arranger.IsPlaced(i))
            {
                unreached.Add((i, arranger.TopLevel(i)));
            }
        }
        return new TranscriptLayout(questionThreads, InPostOrder(roots, rootNodes, unreached));
    }

    /// <summary>The document's own order (created, then id), re-established so the page never depends on how a caller built the list.</summary>
    private static List<TranscriptPost> DistinctPosts(IReadOnlyList<TranscriptPost> posts)
    {
        var seen = new HashSet<string>(posts.Count, StringComparer.Ordinal);
        return posts
            .OrderBy(p => p.CreatedAt)
            .ThenBy(p => p.Id, StringComparer.Ordinal)
            .Where(p => seen.Add(p.Id))
            .ToList();
    }

    /// <summary>The thread roots and the threads of unreached posts, each list already in post order, merged into one.</summary>
    private static List<ThreadNode> InPostOrder(List<int> roots, List<ThreadNode> rootNodes, List<(int Position, ThreadNode Node)> unreached)
    {
        var merged = new List<ThreadNode>(roots.Count + unreached.Count);
        var u = 0;
        for (var r = 0; r < roots.Count; r++)
        {
            for (; u < unreached.Count && unreached[u].Position < roots[r]; u++)
            {
                merged.Add(unreached[u].Node);
            }
            merged.Add(rootNodes[r]);
        }
        for (; u < unreached.Count; u++)
        {
            merged.Add(unreached[u].Node);
        }
        return merged;
    }

    private sealed class Arranger(List<TranscriptPost> posts, int[] parents, List<int>?[] children, bool[] topLevel)
    {
        private readonly bool[] _placed = new bool[posts.Count];

        public bool IsPlaced(int position) => _placed[position];

        public ThreadNode TopLevel(int position)
        {
            _placed[position] = true;
            return new ThreadNode(posts[position], NestedUnderParent: false, Replies(position, depth: 1));
        }

        private List<ThreadNode> Replies(int parent, int depth)
        {
            var direct = TakeChildren(parent);
            if (direct.Count == 0)
            {
                return [];
            }
            if (depth < MaxReplyDepth)
            {
                return direct.ConvertAll(child => new ThreadNode(posts[child], NestedUnderParent: true, Replies(child, depth + 1)));
            }
            var flattened = new List<ThreadNode>();
            var pending = new Stack<int>(Enumerable.Reverse(direct));
            while (pending.TryPop(out var position))
            {
                flattened.Add(new ThreadNode(posts[position], NestedUnderParent: parents[position] == parent, []));
                var replies = TakeChildren(position);
                for (var r = replies.Count - 1; r >= 0; r--)
                {
                    pending.Push(replies[r]);
                }
            }
            return flattened;
        }

        /// <summary>A post's replies that are not top-level items themselves, each placed as it is taken.</summary>
        private List<int> TakeChildren(int parent)
        {
            var taken = new List<int>();
            foreach (var child in children[parent] ?? [])
            {
                if (!topLevel[child] && !_placed[child])
                {
                    _placed[child] = true;
                    taken.Add(child);
                }
            }
            return taken;
        }
    }
}
