using System.Buffers;

namespace ChatTranscripts.Pipeline.Logic.Transcripts.Rendering;

/// <summary>
/// Permalink anchors <c>post-{platform}-{platformId}</c>, limited to <c>[A-Za-z0-9_-]</c> so they survive any URL or
/// CSS selector. Sanitising can make two ids equal (<c>a:b</c> and <c>a_b</c>); later posts then get a numeric suffix,
/// so anchors stay unique and, being assigned in post order, stable.
/// </summary>
internal static class PostAnchors
{
    private static readonly SearchValues<char> SafeCharacters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-");

    public static Dictionary<string, string> Assign(IReadOnlyCollection<TranscriptPost> postsInOrder)
    {
        var anchors = new Dictionary<string, string>(postsInOrder.Count, StringComparer.Ordinal);
        var taken = new HashSet<string>(postsInOrder.Count, StringComparer.Ordinal);
        foreach (var post in postsInOrder)
        {
            if (anchors.ContainsKey(post.Id))
            {
                continue;
            }
            var anchor = string.Concat("post-", Sanitise(post.Platform), "-", Sanitise(post.PlatformId));
            var unique = anchor;
            for (var n = 2; !taken.Add(unique); n++)
            {
                unique = $"{anchor}-{n}";
            }
            anchors[post.Id] = unique;
        }
        return anchors;
    }

    public static string Sanitise(string value)
    {
        // Ids are nearly always safe already (digits, platform names): they are then used as they are, without a copy.
        if (!value.AsSpan().ContainsAnyExcept(SafeCharacters))
        {
            return value;
        }
        return string.Create(value.Length, value, static (sanitised, value) =>
        {
            for (var i = 0; i < value.Length; i++)
            {
                sanitised[i] = SafeCharacters.Contains(value[i]) ? value[i] : '_';
            }
        });
    }
}
