namespace ChatTranscripts.Pipeline.Logic.Transcripts.Digest;

/// <summary>Which threads the transcript names as the most discussed, and in what order.</summary>
internal static class MostDiscussed
{
    /// <summary>A digest, not a second index of threads: the page lists these few above the participants.</summary>
    public const int Limit = 5;

    /// <summary>One reply is an exchange, not a discussion.</summary>
    public const int MinimumReplies = 2;

    /// <summary>
    /// The first <see cref="Limit"/> threads with at least <see cref="MinimumReplies"/> replies: by replies, most first;
    /// then by distinct repliers, most first; then by when the thread started, earliest first; then by post id (ordinal).
    /// </summary>
    public static IReadOnlyList<TranscriptDiscussedThread> Rank(IEnumerable<(TranscriptDiscussedThread Thread, DateTime StartedAt)> threads) =>
        threads
            .Where(t => t.Thread.Replies >= MinimumReplies)
            .OrderByDescending(t => t.Thread.Replies)
            .ThenByDescending(t => t.Thread.Repliers)
            .ThenBy(t => t.StartedAt)
            .ThenBy(t => t.Thread.PostId, StringComparer.Ordinal)
            .Take(Limit)
            .Select(t => t.Thread)
            .ToList();
}
