namespace ChatTranscripts.Pipeline.Logic.Transcripts.Rendering;

/// <summary>
/// What <c>person.liquid</c> shows: one participant's posts in a session, each with its context, and the session it
/// was (title, time, hashtags, organisers), enough to stand on its own as a printed record of taking part.
/// </summary>
/// <param name="Role">"moderator" or "guest"; null for everyone else.</param>
/// <param name="Answered">The questions the participant answered ("Q1"), in order.</param>
/// <param name="SiteIndex">The site's index page, from this page.</param>
/// <param name="Transcript">The session's threaded page, from this page (absolute when the site's base URL is known).</param>
/// <param name="PageUrl">This page's own address; null unless the site's base URL is known.</param>
internal sealed record PersonPageModel(
    string Handle,
    string? DisplayName,
    string? Role,
    string Platform,
    SessionHeader Session,
    IReadOnlyList<string> Moderators,
    IReadOnlyList<string> Guests,
    int Posts,
    IReadOnlyList<string> Answered,
    string SiteIndex,
    string Transcript,
    string? PageUrl,
    IReadOnlyList<PersonPostView> Items);

/// <summary>
/// One of the participant's posts. Links to other posts go to the threaded page, where every post of the session is;
/// <see cref="Anchor"/> is the post's anchor there too, so the same fragment finds it on both pages.
/// </summary>
internal sealed record PersonPostView(
    string Anchor,
    string TranscriptLink,
    PostTimes Times,
    IReadOnlyList<TextRun> Text,
    string? Lang,
    string? Url,
    string? Label,
    string? LabelKind,
    PersonQuestionContext? Question,
    PersonReplyContext? Reply,
    PersonPostLink? Quoted);

/// <summary>
/// The question a post belongs to: <see cref="Relation"/> is "Asking" (the question's own post, whose text is the
/// post), "Answering" (an A-labelled post) or "In the discussion of" (a reply in the question's threads).
/// </summary>
internal sealed record PersonQuestionContext(string Relation, string Label, string Link, string? Text);

/// <summary>The post a reply answers: linked and quoted briefly, or, when it is not shown, why (<see cref="Note"/>).</summary>
internal sealed record PersonReplyContext(PersonPostLink? Parent, string? Excerpt, string? Note);

/// <summary>Another post of the session, by its author, on the threaded page.</summary>
internal sealed record PersonPostLink(string Link, string Handle);
