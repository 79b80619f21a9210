using System.Text.Json;
using ChatTranscripts.Pipeline.Core;
using ChatTranscripts.Pipeline.Logic.Moderation;

namespace ChatTranscripts.Pipeline.Http.Moderation;

/// <summary>
/// <c>GET /api/sessions/{id}/moderation</c>: what the organisers recorded (hidden posts, blocks, rules, each with who,
/// when and why) and what that hides from the transcript now, with the cause of each.
/// </summary>
public sealed record ModerationResource(
    string SessionId,
    RulesEntry? Rules,
    IReadOnlyList<HiddenPostEntry> Posts,
    IReadOnlyList<BlockedAccountEntry> Accounts,
    IReadOnlyList<HiddenNowEntry> Hidden);

/// <summary>A stored post the transcript leaves out: the organisers see its text here, and only here.</summary>
public sealed record HiddenNowEntry(string Id, string Handle, DateTime CreatedAt, string Text, string Cause)
{
    public static string CauseName(HideCause cause) => JsonNamingPolicy.CamelCase.ConvertName(cause.ToString());
}
