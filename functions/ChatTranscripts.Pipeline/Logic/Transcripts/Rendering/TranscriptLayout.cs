namespace ChatTranscripts.Pipeline.Logic.Transcripts.Rendering;

/// <summary>Where every shown post goes on the page: each post is in exactly one <see cref="ThreadNode"/>.</summary>
internal sealed record TranscriptLayout(IReadOnlyList<QuestionThreads> Questions, IReadOnlyList<ThreadNode> Outside);

/// <summary>A question's top-level items: its question post (if any), then its answers, each with its replies.</summary>
internal sealed record QuestionThreads(TranscriptQuestion Question, IReadOnlyList<ThreadNode> Threads);

/// <summary>
/// A post and the replies shown under it. <see cref="NestedUnderParent"/> is false when the post is not shown directly
/// under the post it replies to (answers, flattened deep replies, broken reply cycles), so the page links to its parent instead.
/// </summary>
internal sealed record ThreadNode(TranscriptPost Post, bool NestedUnderParent, IReadOnlyList<ThreadNode> Replies);
