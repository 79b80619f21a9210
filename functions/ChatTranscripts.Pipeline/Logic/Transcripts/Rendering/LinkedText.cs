using ChatTranscripts.Pipeline.Logic.Tagging;

namespace ChatTranscripts.Pipeline.Logic.Transcripts.Rendering;

/// <summary>A run of a post's text; <see cref="Href"/> set when the run is a link (always an http or https URL).</summary>
internal sealed record TextRun(string Text, string? Href);

/// <summary>
/// Splits a post's text into plain runs and links: URLs to themselves, hashtags and mentions to the post's platform.
/// The runs concatenate to exactly the original text, so nothing is lost or reordered by linking.
/// </summary>
internal static class LinkedText
{
    public static IReadOnlyList<TextRun> Split(string text, string platform, string? postUrl)
    {
        var spans = EntityExtractor.ExtractSpans(text);
        if (spans.Count == 0)
        {
            return [new TextRun(text, null)];
        }
        var server = PlatformLinks.Server(platform, postUrl);
        var runs = new List<TextRun>(spans.Count * 2 + 1);
        var position = 0;
        foreach (var span in spans)
        {
            if (span.Start < position)
            {
                continue;
            }
            var end = platform == "bluesky" && span.Kind == EntityKind.Mention ? BlueskyHandleEnd(text, span.End) : span.End;
            var href = span.Kind switch
            {
                EntityKind.Url => SafeLinks.Href(SafeLinks.WithScheme(span.Value)),
                EntityKind.Hashtag => PlatformLinks.Hashtag(platform, server, span.Value),
                _ => PlatformLinks.Mention(platform, server, text[(span.Start + 1)..end]),
            };
            if (href is null)
            {
                continue;
            }
            if (span.Start > position)
            {
                runs.Add(new TextRun(text[position..span.Start], null));
            }
            runs.Add(new TextRun(text[span.Start..end], href));
            position = end;
        }
        if (position < text.Length)
        {
            runs.Add(new TextRun(text[position..], null));
        }
        return runs;
    }

    /// <summary>
    /// Bluesky handles are domain names ("@alice.bsky.social"), where twitter-text stops at the first dot:
    /// the mention runs on over dot-separated labels so the link names the whole handle. A label is letters,
    /// digits and inner hyphens, so a hyphen or dot after the handle is left as text.
    /// </summary>
    private static int BlueskyHandleEnd(string text, int end)
    {
        var handleEnd = end;
        var position = end;
        while (position + 1 < text.Length && text[position] == '.' && char.IsAsciiLetterOrDigit(text[position + 1]))
        {
            position++;
            var labelEnd = position;
            while (position < text.Length && (char.IsAsciiLetterOrDigit(text[position]) || text[position] == '-'))
            {
                if (text[position] != '-')
                {
                    labelEnd = position + 1;
                }
                position++;
            }
            handleEnd = labelEnd;
            if (labelEnd != position)
            {
                break;
            }
        }
        return handleEnd;
    }
}
