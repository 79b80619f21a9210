using ChatTranscripts.Pipeline.Logic.Tagging;

namespace ChatTranscripts.Pipeline.Tests.Tagging;

/// <summary>
/// What a page relies on when it turns spans into links: they are in order, never overlap, lie inside the text, and
/// each covers its sign and its value exactly, so cutting the text at the spans loses or repeats nothing.
/// </summary>
public sealed class EntitySpanTests
{
    /// <summary>Every text of twitter-text's extraction suite: hundreds of tricky texts nobody here chose.</summary>
    public static TheoryData<string, string> SuiteTexts
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var section in new[] { "mentions", "urls", "hashtags", "hashtags_from_astral" })
            {
                data.AddRange(TwitterTextConformanceSuite.Cases(section).Select(row => (row.Data.Item1, row.Data.Item2)));
            }
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(SuiteTexts))]
    public void Spans_of_every_suite_text_are_ordered_disjoint_and_cover_their_values(string description, string text)
    {
        TwitterTextConformanceSuite.RequireExtractFile();
        AssertWellFormed(description, text, EntityExtractor.ExtractSpans(text));
    }

    /// <summary>The scanners each find a hashtag or mention inside these URLs; only the URL may remain.</summary>
    [Theory]
    [InlineData("https://example.com/#section")]
    [InlineData("https://example.com/@alice")]
    [InlineData("https://example.com/a/#b/@c")]
    public void A_hashtag_or_mention_inside_a_url_is_dropped(string text)
    {
        var path = " " + text["https://example.com/".Length..];
        Assert.NotEmpty(EntityExtractor.ExtractMentions(path).Concat(EntityExtractor.ExtractHashtags(path)));

        var span = Assert.Single(EntityExtractor.ExtractSpans(text));

        Assert.Equal(EntityKind.Url, span.Kind);
        Assert.Equal((0, text.Length), (span.Start, span.End));
    }

    [Fact]
    public void Mixed_entities_come_in_order_of_appearance_whatever_their_kind()
    {
        const string text = "@a #b c.com/d @e #f https://g.com";

        var spans = EntityExtractor.ExtractSpans(text);

        Assert.Equal(
            [EntityKind.Mention, EntityKind.Hashtag, EntityKind.Url, EntityKind.Mention, EntityKind.Hashtag, EntityKind.Url],
            spans.Select(s => s.Kind));
        Assert.Equal(["a", "b", "c.com/d", "e", "f", "https://g.com"], spans.Select(s => s.Value));
        AssertWellFormed("mixed", text, spans);
    }

    [Fact]
    public void Spans_agree_with_the_list_extractors_when_nothing_overlaps()
    {
        const string text = "A1: @Guest and ＠host agree 😀, see https://bmcmedicine.com/a and nhs.uk #BMCmed ＃chat2024 #日本語";

        var spans = EntityExtractor.ExtractSpans(text);
        var entities = EntityExtractor.Extract(text);

        Assert.Equal(entities.Hashtags, spans.Where(s => s.Kind == EntityKind.Hashtag).Select(s => s.Value));
        Assert.Equal(entities.Mentions, spans.Where(s => s.Kind == EntityKind.Mention).Select(s => s.Value));
        Assert.Equal(entities.Urls, spans.Where(s => s.Kind == EntityKind.Url).Select(s => s.Value));
        AssertWellFormed("list extractors", text, spans);
    }

    [Fact]
    public void Plain_text_has_no_spans() => Assert.Empty(EntityExtractor.ExtractSpans("Nothing to see here. 😀"));

    private static void AssertWellFormed(string description, string text, IReadOnlyList<EntitySpan> spans)
    {
        var previousEnd = 0;
        foreach (var span in spans)
        {
            var where = $"{description}: {span} in \"{text}\"";
            Assert.True(span.Start >= previousEnd, $"{where} starts before the previous span ends ({previousEnd}).");
            Assert.True(span.End > span.Start && span.End <= text.Length, $"{where} is empty or runs past the text.");
            var covered = text[span.Start..span.End];
            var expected = span.Kind switch
            {
                EntityKind.Url => [span.Value],
                EntityKind.Hashtag => ["#" + span.Value, "＃" + span.Value],
                _ => new[] { "@" + span.Value, "＠" + span.Value },
            };
            Assert.True(expected.Contains(covered, StringComparer.Ordinal), $"{where} covers \"{covered}\".");
            previousEnd = span.End;
        }
    }
}
