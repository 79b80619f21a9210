using ChatTranscripts.Pipeline.Core;

namespace ChatTranscripts.Pipeline.Logic.Moderation;

/// <summary>Everything that hides posts of one session: posts hidden, accounts blocked (for it or its series) and its rules.</summary>
public sealed record SessionModeration(IReadOnlySet<PostKey> HiddenPosts, IReadOnlySet<AccountKey> BlockedAccounts, ModerationRules Rules)
{
    public static SessionModeration None { get; } = new(new HashSet<PostKey>(), new HashSet<AccountKey>(), ModerationRules.Off);
}
