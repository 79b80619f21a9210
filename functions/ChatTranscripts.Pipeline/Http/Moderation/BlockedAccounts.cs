using ChatTranscripts.Pipeline.Logic.Moderation;

namespace ChatTranscripts.Pipeline.Http.Moderation;

/// <summary>The answer to blocking an account: one entry for the session, or one per hashtag of its series.</summary>
public sealed record BlockedAccounts(IReadOnlyList<BlockedAccountEntry> Accounts);
