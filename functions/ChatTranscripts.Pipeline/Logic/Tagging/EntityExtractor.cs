namespace ChatTranscripts.Pipeline.Logic.Tagging;

/// <summary>
/// Hashtags, mentions and URLs of a post, each in order of appearance, as X's twitter-text extractors return them
/// (extractHashtags, extractMentionedScreenNames, extractUrls), so that session membership matches what X shows.
/// </summary>
public static class EntityExtractor
{
    public static ExtractedEntities Extract(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var urls = UrlScanner.Scan(text);
        return new ExtractedEntities(Hashtags(text, urls), Values(MentionScanner.Scan(text)), Values(urls));
    }

    /// <summary>Without the '#' or '＃', in their original case.</summary>
    public static IReadOnlyList<string> ExtractHashtags(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Hashtags(text, urls: null);
    }

    /// <summary>Screen names without the '@' or '＠'; mentions of lists ("@user/list") are left out.</summary>
    public static IReadOnlyList<string> ExtractMentions(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Values(MentionScanner.Scan(text));
    }

    /// <summary>As written, with or without a scheme.</summary>
    public static IReadOnlyList<string> ExtractUrls(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Values(UrlScanner.Scan(text));
    }

    /// <summary>
    /// Every hashtag, mention and URL with its place in the text, in order and never overlapping (twitter-text's
    /// extractEntitiesWithIndices), so a page can turn each into a link without splitting another.
    /// </summary>
    public static IReadOnlyList<EntitySpan> ExtractSpans(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var urls = UrlScanner.Scan(text);
        var hashtags = HashtagScanner.Scan(text);
        var mentions = MentionScanner.Scan(text);
        if (urls.Count + hashtags.Count + mentions.Count == 0)
        {
            return [];
        }
        // The pages call this for every post on every render, so it fills one list and sorts it in place.
        var all = new List<EntitySpan>(urls.Count + hashtags.Count + mentions.Count);
        AddSpans(all, EntityKind.Url, urls);
        AddSpans(all, EntityKind.Hashtag, hashtags);
        AddSpans(all, EntityKind.Mention, mentions);
        // No scanner finds two entities at one position, so start then kind orders every span: the sort need not be stable.
        all.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : Precedence(a.Kind).CompareTo(Precedence(b.Kind)));
        var kept = 0;
        var keptEnd = 0;
        for (var i = 0; i < all.Count; i++)
        {
            var entity = all[i];
            if (entity.Start >= keptEnd)
            {
                all[kept++] = entity;
                keptEnd = entity.End;
            }
        }
        all.RemoveRange(kept, all.Count - kept);
        return all;
    }

    /// <summary>At one position a URL is preferred, as twitter-text lists URLs first, then hashtags, then mentions.</summary>
    private static int Precedence(EntityKind kind) => kind switch
    {
        EntityKind.Url => 0,
        EntityKind.Hashtag => 1,
        _ => 2,
    };

    private static void AddSpans(List<EntitySpan> spans, EntityKind kind, List<TextEntity> entities)
    {
        foreach (var entity in entities)
        {
            spans.Add(Span(kind, entity));
        }
    }

    private static EntitySpan Span(EntityKind kind, TextEntity entity) => new(kind, entity.Start, entity.End, entity.Value);

    /// <summary>A hash sign inside a URL ("http://x.com/#top") starts no hashtag.</summary>
    private static IReadOnlyList<string> Hashtags(string text, List<TextEntity>? urls)
    {
        var hashtags = HashtagScanner.Scan(text);
        if (hashtags.Count == 0)
        {
            return [];
        }
        urls ??= UrlScanner.Scan(text);
        return urls.Count == 0 ? Values(hashtags) : Values(OutsideUrls(hashtags, urls));
    }

    /// <summary>
    /// twitter-text's overlap rule: in order of start, an entity that starts before the previous kept one ends is dropped,
    /// so a hashtag inside a URL goes, and so does a URL that starts inside a hashtag (which keeps the hashtag).
    /// </summary>
    private static List<TextEntity> OutsideUrls(List<TextEntity> hashtags, List<TextEntity> urls)
    {
        var kept = new List<TextEntity>(hashtags.Count);
        var keptEnd = 0;
        var url = 0;
        foreach (var hashtag in hashtags)
        {
            for (; url < urls.Count && urls[url].Start < hashtag.Start; url++)
            {
                if (urls[url].Start >= keptEnd)
                {
                    keptEnd = urls[url].End;
                }
            }
            if (hashtag.Start >= keptEnd)
            {
                kept.Add(hashtag);
                keptEnd = hashtag.End;
            }
        }
        return kept;
    }

    private static IReadOnlyList<string> Values(List<TextEntity> entities)
    {
        if (entities.Count == 0)
        {
            return [];
        }
        var values = new string[entities.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = entities[i].Value;
        }
        return values;
    }
}
