namespace ChatTranscripts.LoadTool.Generation;

/// <summary>The body of <c>PUT /api/sessions/{id}</c> (api.md).</summary>
internal sealed record SessionBody(
    string Title,
    string Description,
    IReadOnlyList<string> Hashtags,
    string StartsAt,
    string EndsAt,
    string TimeZone,
    IReadOnlyList<string> Moderators,
    IReadOnlyList<string> Guests,
    IReadOnlyList<string> Questions);
