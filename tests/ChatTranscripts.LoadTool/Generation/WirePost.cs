namespace ChatTranscripts.LoadTool.Generation;

/// <summary>A post as <c>POST /api/posts</c> takes it (api.md); times are RFC 3339 strings in UTC, to the second.</summary>
internal sealed record WirePost(
    string Platform,
    string Id,
    WireAuthor Author,
    string Text,
    string CreatedAt,
    string? InReplyToId = null,
    string? InReplyToHandle = null,
    string? Url = null,
    string? Lang = null,
    string? EditedAt = null);

internal sealed record WireAuthor(string Handle, string? DisplayName);
