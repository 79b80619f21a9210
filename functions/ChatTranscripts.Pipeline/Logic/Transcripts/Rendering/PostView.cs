namespace ChatTranscripts.Pipeline.Logic.Transcripts.Rendering;

/// <summary>
/// A post as the page shows it: every value already chosen and formatted, so <see cref="PostMarkup"/> only places
/// and encodes text. Optional values are null, never empty, when there is nothing to show.
/// </summary>
internal sealed record PostView(
    string Anchor,
    string? DisplayName,
    string Handle,
    string? Role,
    string? Platform,
    PostTimes Times,
    IReadOnlyList<TextRun> Text,
    string? Lang,
    string? Url,
    string? Label,
    string? LabelKind,
    PostReference? ReplyTo,
    bool RepliesToMissingPost,
    bool RepliesToHiddenPost,
    PostReference? Quoted);

/// <summary>A link to another post on the same page.</summary>
internal sealed record PostReference(string Anchor, string Handle);
