namespace ChatTranscripts.Pipeline.Logic.Transcripts.Digest;

/// <summary>
/// Collects the links of the shown posts, as <see cref="TranscriptDigest"/> visits them, into one entry per normalised
/// URL: how many posts shared it, the first of them and the question it was under.
/// </summary>
internal sealed class SharedLinks
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>Most links recur as written (a chat passes one article around), so each spelling is normalised once.</summary>
    private readonly Dictionary<string, string?> _normalised = new(StringComparer.Ordinal);

    public void Add(TranscriptPost post, int? question)
    {
        for (var i = 0; i < post.Urls.Count; i++)
        {
            if (Normalised(post.Urls[i]) is not { } url || SharedEarlierInPost(post, i, url))
            {
                continue;
            }
            if (!_entries.TryGetValue(url, out var entry))
            {
                _entries.Add(url, new Entry(post, question));
            }
            else
            {
                entry.Add(post, question);
            }
        }
    }

    /// <summary>By posts, most first; then by when first shared, earliest first; then by URL (ordinal).</summary>
    public IReadOnlyList<TranscriptLink> Ranked() =>
        _entries
            .Select(e => new TranscriptLink(
                e.Key,
                e.Value.Posts,
                new TranscriptShare(e.Value.First.Id, e.Value.First.Platform, e.Value.First.Author.Handle, e.Value.First.CreatedAt),
                e.Value.Question))
            .OrderByDescending(l => l.Posts)
            .ThenBy(l => l.FirstShared.CreatedAt)
            .ThenBy(l => l.Url, StringComparer.Ordinal)
            .ToList();

    private string? Normalised(string url)
    {
        if (!_normalised.TryGetValue(url, out var normalised))
        {
            normalised = LinkNormaliser.Normalise(url);
            _normalised.Add(url, normalised);
        }
        return normalised;
    }

    private bool SharedEarlierInPost(TranscriptPost post, int index, string url)
    {
        for (var i = 0; i < index; i++)
        {
            if (Normalised(post.Urls[i]) == url)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Posts are visited section by section, not in time order, so the first share is whichever came first.</summary>
    private sealed class Entry(TranscriptPost first, int? question)
    {
        public int Posts { get; private set; } = 1;

        public TranscriptPost First { get; private set; } = first;

        public int? Question { get; private set; } = question;

        public void Add(TranscriptPost post, int? question)
        {
            Posts++;
            if (post.CreatedAt < First.CreatedAt || (post.CreatedAt == First.CreatedAt && string.CompareOrdinal(post.Id, First.Id) < 0))
            {
                First = post;
                Question = question;
            }
        }
    }
}
