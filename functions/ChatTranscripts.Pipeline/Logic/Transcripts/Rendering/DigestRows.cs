using System.Globalization;

namespace ChatTranscripts.Pipeline.Logic.Transcripts.Rendering;

/// <summary>A line of "Resources shared": the link (when it may be one), how often and by whom it was first shared.</summary>
internal sealed record ResourceRow(
    string Url,
    string? Href,
    int Posts,
    PostReference? FirstShared,
    string FirstHandle,
    string? FirstPlatform,
    string? Question,
    string? QuestionAnchor);

/// <summary>A line of "Most discussed": where the thread starts on the page, what it opens with, how many replied.</summary>
internal sealed record DiscussedThreadRow(
    PostReference? Start,
    string Handle,
    string? Platform,
    string? Time,
    string? Excerpt,
    int Replies,
    int Repliers,
    string? Question,
    string? QuestionAnchor);

/// <summary>The rows of the threaded page's digest sections, from the transcript's <c>links</c> and <c>mostDiscussed</c>.</summary>
internal static class DigestRows
{
    /// <summary>Only an http or https URL becomes a link (<see cref="SafeLinks"/>); the rest is shown as text.</summary>
    public static List<ResourceRow> Resources(
        IReadOnlyList<TranscriptLink> links, Func<string, PostReference?> reference, bool showPlatforms) =>
        links.Select(link => new ResourceRow(
            link.Url,
            SafeLinks.Href(link.Url),
            link.Posts,
            reference(link.FirstShared.PostId),
            Handle(link.FirstShared.Handle),
            showPlatforms ? PlatformLinks.DisplayName(link.FirstShared.Platform) : null,
            QuestionLabel(link.Question),
            QuestionAnchor(link.Question))).ToList();

    public static List<DiscussedThreadRow> MostDiscussed(
        IReadOnlyList<TranscriptDiscussedThread> threads,
        Func<string, PostReference?> reference,
        Func<string, TranscriptPost?> find,
        SessionClock clock,
        bool showPlatforms) =>
        threads.Select(thread =>
        {
            var post = find(thread.PostId);
            return new DiscussedThreadRow(
                reference(thread.PostId),
                Handle(thread.Handle),
                showPlatforms ? PlatformLinks.DisplayName(thread.Platform) : null,
                post is null ? null : clock.PostTime(post.CreatedAt),
                post is null ? null : TextExcerpt.Of(post.Text),
                thread.Replies,
                thread.Repliers,
                QuestionLabel(thread.Question),
                QuestionAnchor(thread.Question));
        }).ToList();

    private static string Handle(string handle) => "@" + handle.TrimStart('@');

    private static string? QuestionLabel(int? question) => question is { } number ? "Q" + number.ToString(CultureInfo.InvariantCulture) : null;

    private static string? QuestionAnchor(int? question) => question is { } number ? TranscriptPageModelBuilder.QuestionAnchor(number) : null;
}
