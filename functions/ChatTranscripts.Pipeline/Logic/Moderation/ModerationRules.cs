namespace ChatTranscripts.Pipeline.Logic.Moderation;

/// <summary>
/// A session's automatic rules; each is off (null) unless an organiser turns it on. They never hide a post of the
/// session's moderators or guests.
/// </summary>
/// <param name="DuplicateText">Hide every post whose text that many different accounts or more posted.</param>
/// <param name="MaxHashtags">Hide every post with more hashtags than this.</param>
public sealed record ModerationRules(DuplicateTextRule? DuplicateText, int? MaxHashtags)
{
    public const int MinDuplicateAccounts = 2;
    public const int MaxDuplicateAccounts = 1000;
    public const int MinHashtagLimit = 1;
    public const int MaxHashtagLimit = 100;

    public static ModerationRules Off { get; } = new(null, null);
}

/// <param name="MinAccounts">How many different accounts must post the same text before their posts are hidden.</param>
public sealed record DuplicateTextRule(int MinAccounts);
