using ChatTranscripts.Pipeline.Core;
namespace ChatTranscripts.Pipeline.Logic.Moderation;

/// <summary>Who made a moderation change: the credential the request carried, and the name the organiser gave, if any.</summary>
public sealed record Moderator(string Credential, string? Name);

/// <summary>A post an organiser hid, with who hid it, when and why.</summary>
public sealed record HiddenPostEntry(string Platform, string Id, string Reason, string Credential, string? Moderator, DateTime At);

/// <summary>
/// An account an organiser blocked: for one session (<see cref="Hashtag"/> null) or for the series of every session that
/// shares <see cref="Hashtag"/>.
/// </summary>
public sealed record BlockedAccountEntry(string Platform, string Handle, string Scope, string? Hashtag, string Reason, string Credential, string? Moderator, DateTime At);

/// <summary>A session's automatic rules, with who last set them and when.</summary>
public sealed record RulesEntry(DuplicateTextRule? DuplicateText, int? MaxHashtags, string Credential, string? Moderator, DateTime At)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public ModerationRules Rules => new(DuplicateText, MaxHashtags);
}

/// <summary>Everything recorded for one session, its series blocks included.</summary>
public sealed record ModerationState(IReadOnlyList<HiddenPostEntry> Posts, IReadOnlyList<BlockedAccountEntry> Accounts, RulesEntry? Rules)
{
    public SessionModeration ToSessionModeration() => new(
        Posts.Select(p => new PostKey(p.Platform, p.Id)).ToHashSet(),
        Accounts.Select(a => new AccountKey(a.Platform, a.Handle)).ToHashSet(),
        Rules?.Rules ?? ModerationRules.Off);
}
