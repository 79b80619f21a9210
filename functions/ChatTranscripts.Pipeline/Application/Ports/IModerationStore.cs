using ChatTranscripts.Pipeline.Core;
using ChatTranscripts.Pipeline.Logic.Moderation;

namespace ChatTranscripts.Pipeline.Application.Ports;

/// <summary>What organisers hid and blocked, and their rules, per session and per series (hashtag).</summary>
public interface IModerationStore
{
    Task<ModerationState> LoadAsync(string sessionId, IReadOnlyList<string> hashtags, CancellationToken cancellationToken);

    /// <summary>True when the post was not hidden before.</summary>
    Task<bool> HidePostAsync(string sessionId, PostKey post, string reason, Moderator moderator, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>True when the post was hidden.</summary>
    Task<bool> UnhidePostAsync(string sessionId, PostKey post, CancellationToken cancellationToken);

    /// <summary>
    /// Blocks the account in the session, or in its series (every session sharing one of its hashtags, now or later);
    /// true when the block is new somewhere.
    /// </summary>
    Task<bool> BlockAccountAsync(
        SessionRecord session, BlockScope scope, string platform, string handle, string reason, Moderator moderator, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>True when the account was blocked there.</summary>
    Task<bool> UnblockAccountAsync(SessionRecord session, BlockScope scope, string platform, string handle, CancellationToken cancellationToken);

    Task SetRulesAsync(string sessionId, ModerationRules rules, Moderator moderator, DateTimeOffset at, CancellationToken cancellationToken);
}
