using System.Globalization;
using ChatTranscripts.Pipeline.Logic.Transcripts.Rendering;

namespace ChatTranscripts.Pipeline.Logic.Transcripts.Exports;

/// <summary>The page's "Most discussed" and "Resources shared" sections in <c>transcript.md</c>, with the same wording.</summary>
internal static class MarkdownDigest
{
    /// <summary>
    /// "- @FarrisTimimi, 13:07, under Q1: 6 replies from 4 other people": who, when and where, which find the thread in
    /// the file. Unlike the page, no opening of the post is quoted: in the Markdown a quote is a post, and each post
    /// appears once.
    /// </summary>
    public static void MostDiscussed(
        MarkdownBlocks markdown,
        IReadOnlyList<TranscriptDiscussedThread> threads,
        IReadOnlyDictionary<string, TranscriptPost> byId,
        SessionClock clock,
        bool showPlatforms)
    {
        markdown.Block("## Most discussed");
        if (threads.Count == 0)
        {
            markdown.Block($"No thread drew {Digest.MostDiscussed.MinimumReplies.ToString(CultureInfo.InvariantCulture)} replies or more.");
            return;
        }
        var lines = new List<string>(threads.Count);
        foreach (var thread in threads)
        {
            var post = byId.GetValueOrDefault(thread.PostId);
            var line = "- " + Who(thread.Handle, thread.Platform, showPlatforms);
            if (post is not null)
            {
                line += ", " + clock.PostTime(post.CreatedAt);
            }
            if (thread.Question is { } question)
            {
                line += ", under Q" + question.ToString(CultureInfo.InvariantCulture);
            }
            line += string.Create(
                CultureInfo.InvariantCulture,
                $": {thread.Replies} replies from {thread.Repliers} {(thread.Repliers == 1 ? "other person" : "other people")}");
            lines.Add(line);
        }
        markdown.Block(lines);
    }

    /// <summary>"- [url](url): 2 posts, first shared by @HealthLibKate under Q1"; only http and https URLs become links.</summary>
    public static void Resources(MarkdownBlocks markdown, IReadOnlyList<TranscriptLink> links, bool showPlatforms)
    {
        markdown.Block("## Resources shared");
        if (links.Count == 0)
        {
            markdown.Block("No links were shared.");
            return;
        }
        markdown.Block(links.Select(link =>
        {
            var text = MarkdownText.Inline(link.Url);
            var shown = SafeLinks.WebUrl(link.Url) is { } url ? $"[{text}]({MarkdownText.Destination(url)})" : text;
            var under = link.Question is { } question ? " under Q" + question.ToString(CultureInfo.InvariantCulture) : "";
            return string.Create(
                CultureInfo.InvariantCulture,
                $"- {shown}: {link.Posts} {(link.Posts == 1 ? "post" : "posts")}, first shared by {Who(link.FirstShared.Handle, link.FirstShared.Platform, showPlatforms)}{under}");
        }));
    }

    private static string Who(string handle, string platform, bool showPlatforms) =>
        MarkdownText.Inline("@" + handle.TrimStart('@')) + (showPlatforms ? " on " + MarkdownText.Inline(platform) : "");
}
