using System.Text.Json;
using ChatTranscripts.Pipeline.Application.Ingest.Bluesky;

namespace ChatTranscripts.Pipeline.Tests.Ingest.Bluesky;

public sealed class BlueskyLinkFacetsTests
{
    [Fact]
    public void The_real_event_gets_its_shortened_link_back_in_full()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(SharedConformance.Require("payloads", "bluesky-jetstream-event-post-link-tags.json")));
        var record = document.RootElement.GetProperty("commit").GetProperty("record");

        var text = BlueskyLinkFacets.Expand(record.GetProperty("text").GetString()!, record);

        Assert.Contains("https://www.tumblr.com/tempo-tales/765681292369166336/behind-them-timmi-and-wankyu-follow-silently-but?source=share", text, StringComparison.Ordinal);
        Assert.DoesNotContain("tempo-tales/...", text, StringComparison.Ordinal);
        Assert.EndsWith("#talesatwonderworld\n#balanwonderworldoc", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Offsets_count_utf8_bytes_so_text_before_the_link_may_be_any_script()
    {
        // "Ü😀 " is 2 + 4 + 1 = 7 bytes but 4 UTF-16 units: UTF-16 offsets would cut the wrong span.
        var text = "Ü😀 ex.com/a... end";
        var record = Record(text, start: 7, end: 18, "https://ex.com/abcdef");

        Assert.Equal("Ü😀 https://ex.com/abcdef end", BlueskyLinkFacets.Expand(text, record));
    }

    [Theory]
    [InlineData(3, 40)]
    [InlineData(8, 5)]
    [InlineData(3, 6)]
    public void Facets_outside_the_text_or_inside_a_character_are_ignored(int start, int end)
    {
        var text = "Ü😀 ex.com/a... end";

        Assert.Equal(text, BlueskyLinkFacets.Expand(text, Record(text, start, end, "https://ex.com/abcdef")));
    }

    [Fact]
    public void Non_web_link_facets_are_not_expanded()
    {
        var text = "see here";

        Assert.Equal(text, BlueskyLinkFacets.Expand(text, Record(text, 4, 8, "javascript:alert(1)")));
    }

    private static JsonElement Record(string text, int start, int end, string uri) =>
        JsonDocument.Parse(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["text"] = text,
            ["facets"] = new[]
            {
                new Dictionary<string, object>
                {
                    ["index"] = new { byteStart = start, byteEnd = end },
                    ["features"] = new[] { new Dictionary<string, string> { ["$type"] = "app.bsky.richtext.facet#link", ["uri"] = uri } },
                },
            },
        })).RootElement;
}
