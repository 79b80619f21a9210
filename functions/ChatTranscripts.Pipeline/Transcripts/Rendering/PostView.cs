namespace ChatTranscripts.Pipeline.Transcripts.Rendering;

/// <summary>
/// A post as the template shows it: every value already chosen and formatted, so the template only places and
/// escapes text. Optional values are null rather than empty, because an empty string is truthy in Liquid.
/// </summary>
internal sealed record PostView(
    string Anchor,
    string? DisplayName,
    string Handle,
    string? Role,
    string? Platform,
    string CreatedIso,
    string CreatedTime,
    string CreatedFull,
    string? EditedIso,
    string? EditedFull,
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

/// <summary>A post with the replies nested under it; <see cref="Post"/> is null where the organiser hid the post.</summary>
internal sealed record ThreadItem(PostView? Post, IReadOnlyList<ThreadItem> Replies);
