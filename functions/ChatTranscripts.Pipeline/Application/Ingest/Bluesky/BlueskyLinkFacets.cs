using System.Text;
using System.Text.Json;
using ChatTranscripts.Pipeline.Application.Validation;

namespace ChatTranscripts.Pipeline.Application.Ingest.Bluesky;

/// <summary>
/// Bluesky shortens links in a post's text ("www.example.com/path...") and keeps the full address in a link facet.
/// The transcript shows and tags the full address, so each link facet's text is replaced by its URI. Facet offsets
/// count UTF-8 bytes, not UTF-16 characters. A facet that is malformed in any way is skipped: the text stays as written.
/// </summary>
public static class BlueskyLinkFacets
{
    private const string LinkFeature = "app.bsky.richtext.facet#link";

    public static string Expand(string text, JsonElement record)
    {
        if (!record.TryGetProperty("facets", out var facets) || facets.ValueKind != JsonValueKind.Array)
        {
            return text;
        }
        var bytes = Encoding.UTF8.GetBytes(text);
        var links = new List<(int Start, int End, string Uri)>();
        foreach (var facet in facets.EnumerateArray())
        {
            if (Link(facet, bytes.Length) is { } link)
            {
                links.Add(link);
            }
        }
        // Replace from the end so earlier offsets stay valid; overlapping facets are malformed and skipped.
        var result = bytes.AsEnumerable().ToList();
        var limit = int.MaxValue;
        foreach (var (start, end, uri) in links.OrderByDescending(l => l.Start))
        {
            if (end > limit || !IsCharacterBoundary(bytes, start) || !IsCharacterBoundary(bytes, end))
            {
                continue;
            }
            result.RemoveRange(start, end - start);
            result.InsertRange(start, Encoding.UTF8.GetBytes(uri));
            limit = start;
        }
        return Encoding.UTF8.GetString([.. result]);
    }

    private static (int Start, int End, string Uri)? Link(JsonElement facet, int length)
    {
        if (facet.ValueKind != JsonValueKind.Object
            || !facet.TryGetProperty("index", out var index) || index.ValueKind != JsonValueKind.Object
            || !index.TryGetProperty("byteStart", out var startValue) || startValue.ValueKind != JsonValueKind.Number || !startValue.TryGetInt32(out var start)
            || !index.TryGetProperty("byteEnd", out var endValue) || endValue.ValueKind != JsonValueKind.Number || !endValue.TryGetInt32(out var end)
            || start < 0 || end > length || start >= end
            || !facet.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
        {
            return null;
        }
        foreach (var feature in features.EnumerateArray())
        {
            if (feature.ValueKind == JsonValueKind.Object
                && feature.TryGetProperty("$type", out var type) && type.ValueKind == JsonValueKind.String && type.ValueEquals(LinkFeature)
                && feature.TryGetProperty("uri", out var uri) && uri.ValueKind == JsonValueKind.String && JsonText.TryGetString(uri, out var address)
                && Uri.TryCreate(address, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https")
            {
                return (start, end, address);
            }
        }
        return null;
    }

    /// <summary>A UTF-8 continuation byte (10xxxxxx) is never the start of a character.</summary>
    private static bool IsCharacterBoundary(byte[] bytes, int offset) => offset == bytes.Length || (bytes[offset] & 0xC0) != 0x80;
}
