namespace ChatTranscripts.Testing.Chats;

/// <summary>
/// What a generated chat is made of besides its size: the seed, its hashtag, when it happens, and how its posts divide
/// between the kinds of post. The defaults are the benchmarks' chat, whose posts the measurements in performance.md
/// were taken on; the load tool asks for a live chat under a hashtag of its own, without reposts or quotes.
/// </summary>
/// <remarks>
/// Each post is a question when one is due; otherwise a repost, quote, reply or answer by these shares, in that order,
/// and chatter for the rest. A repost is stored on top of the posts asked for, as a transcript counts but does not show it.
/// </remarks>
public sealed record ChatShape
{
    public const int DefaultSeed = 20_120_806;

    public int Seed { get; init; } = DefaultSeed;

    /// <summary>The session's hashtag as posts write it, with its <c>#</c>.</summary>
    public string Hashtag { get; init; } = "#bmcmed";

    /// <summary>
    /// When the chat happens. Null: from the demo chat's start, an hour for every 5,000 posts (1 to 20) and four
    /// questions an hour (4 to 20), so a big chat is a long one rather than an impossible 1,700 posts a minute.
    /// </summary>
    public ChatTimeline? Timeline { get; init; }

    public double RepostShare { get; init; } = 0.03;

    public double QuoteShare { get; init; } = 0.02;

    public double ReplyShare { get; init; } = 0.32;

    public double AnswerShare { get; init; } = 0.38;
}
