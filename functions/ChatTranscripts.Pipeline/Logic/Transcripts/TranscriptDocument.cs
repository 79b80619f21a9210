namespace ChatTranscripts.Pipeline.Logic.Transcripts;

/// <summary>
/// The published <c>transcript.json</c> (schema version 1). Property order here is the order in the file,
/// so changing it changes published bytes.
/// </summary>
public sealed record TranscriptDocument(
    int SchemaVersion,
    TranscriptSession Session,
    TranscriptStats Stats,
    IReadOnlyList<TranscriptQuestion> Questions,
    IReadOnlyList<TranscriptPost> Posts,
    IReadOnlyList<TranscriptParticipant> Participants,
    IReadOnlyList<TranscriptHiddenPost> HiddenPosts)
{
    public const int CurrentSchemaVersion = 1;

    /// <summary>Every distinct link the shown posts shared (<see cref="Digest.TranscriptDigest"/>); after the properties above in the file.</summary>
    public IReadOnlyList<TranscriptLink> Links { get; init; } = [];

    /// <summary>The threads that drew the most replies (<see cref="Digest.MostDiscussed"/>).</summary>
    public IReadOnlyList<TranscriptDiscussedThread> MostDiscussed { get; init; } = [];
}

public sealed record TranscriptSession(
    string Id,
    string Title,
    string? Description,
    IReadOnlyList<string> Hashtags,
    DateTime StartsAt,
    DateTime EndsAt,
    string TimeZone,
    IReadOnlyList<string> Moderators,
    IReadOnlyList<string> Guests,
    IReadOnlyList<string> Questions);

/// <param name="Reach">Null unless the senders gave the follower count of at least one author.</param>
public sealed record TranscriptStats(int Posts, int Reposts, int Replies, int Participants, int Questions, TranscriptReach? Reach = null);

/// <summary>
/// Potential reach as healthcare chat studies count it, an upper bound (followers overlap, and few see every post),
/// over the authors whose follower count is known (<see cref="Authors"/> of <see cref="OfAuthors"/>).
/// </summary>
/// <param name="Followers">Each known author's latest follower count, summed once per author.</param>
/// <param name="Impressions">The same counts summed once per post and repost: how many timelines the posts could have reached.</param>
public sealed record TranscriptReach(int Authors, int OfAuthors, long Followers, long Impressions, bool UpperBound = true);

/// <summary>
/// Where a post the organiser hid had replies that are shown: enough to keep those replies in their place under a
/// marker, and nothing of the hidden post itself (no author, no text).
/// </summary>
public sealed record TranscriptHiddenPost(string Id, DateTime CreatedAt, string? InReplyToId, int? AnswersQuestion);

public sealed record TranscriptQuestion(int Number, string Text, string? PostId, IReadOnlyList<string> AnswerIds);

public sealed record TranscriptPost(
    string Id,
    string Platform,
    string PlatformId,
    string? Url,
    TranscriptAuthor Author,
    string Text,
    DateTime CreatedAt,
    DateTime? EditedAt,
    string? Lang,
    string Kind,
    IReadOnlyList<string> Hashtags,
    IReadOnlyList<string> Mentions,
    IReadOnlyList<string> Urls,
    int? Question,
    int? AnswersQuestion,
    string? InReplyToId,
    string? QuotedId,
    string ThreadRootId);

public sealed record TranscriptAuthor(string Handle, string? DisplayName, string Role);

public sealed record TranscriptParticipant(string Platform, string Handle, string? DisplayName, string Role, int Posts);
