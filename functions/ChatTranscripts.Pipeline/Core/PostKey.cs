namespace ChatTranscripts.Pipeline.Core;

/// <summary>Identifies a post across platforms; its text form <c>{platform}:{id}</c> is the id used in transcripts.</summary>
public readonly record struct PostKey(string Platform, string Id)
{
    public override string ToString() => $"{Platform}:{Id}";

    /// <summary>Platforms never contain ':', so the first ':' separates platform from id.</summary>
    public static PostKey Parse(string text)
    {
        var separator = text.IndexOf(':', StringComparison.Ordinal);
        return separator <= 0 ? throw new FormatException($"'{text}' is not a post key.") : new PostKey(text[..separator], text[(separator + 1)..]);
    }

    /// <summary>The key of a post this one refers to (reply parent, quote, repost): references stay on the same platform.</summary>
    public static PostKey? Reference(string platform, string? id) => id is null ? null : new PostKey(platform, id);
}
