using System.Globalization;
using System.Text.RegularExpressions;
using ChatTranscripts.Pipeline.Logic.Transcripts;
using ChatTranscripts.Testing;

namespace ChatTranscripts.Pipeline.Tests.Rendering;

/// <summary>
/// The timeline section: its table must agree with the posts (counted here from the minutes the sketch was given,
/// not from the renderer's buckets), its chart must stay readable for long sessions, and its caption must name the
/// busiest interval and be the chart's accessible name.
/// </summary>
public sealed partial class TimelineTests
{
    private static readonly DateTime Start = new(2012, 8, 6, 12, 0, 0, DateTimeKind.Utc);

    private static readonly TranscriptPageRenderer Renderer = new();

    [Fact]
    public void The_table_counts_the_posts_of_each_minute_and_lists_only_minutes_with_posts()
    {
        int[] minutes = [0, 0, 3, 7, 7, 7, 7, 12, 30, 30, 59, 75];
        var page = Render(Sketch(minutes));

        var rows = TableRows(page);

        var expected = minutes.GroupBy(m => m).OrderBy(g => g.Key).Select(g => (Start.AddMinutes(g.Key), g.Count()));
        Assert.Equal(expected, rows.Select(r => (r.From, r.Posts)));
        Assert.Equal(minutes.Length, rows.Sum(r => r.Posts));
        Assert.Equal(1, IntervalMinutes(page));
    }

    [Fact]
    public void Each_row_shows_its_start_in_the_sessions_time_zone()
    {
        var page = Render(Sketch([4, 4, 65], timeZone: "Europe/London"));

        var times = page.Document.QuerySelectorAll(".timeline-table tbody time").Select(t => t.TextContent);

        Assert.Equal(["13:04", "14:05"], times);
    }

    [Fact]
    public void The_caption_names_the_busiest_minute_and_its_count()
    {
        int[] minutes = [1, 5, 5, 9, 9, 9, 9, 20, 20, 20];
        var page = Render(Sketch(minutes, timeZone: "Europe/London"));

        var busiest = minutes.GroupBy(m => m).OrderByDescending(g => g.Count()).First();
        var (time, count) = Busiest(page);
        Assert.Equal(Start.AddMinutes(busiest.Key).AddHours(1).ToString("HH:mm", CultureInfo.InvariantCulture), time);
        Assert.Equal(busiest.Count(), count);
    }

    [Fact]
    public void A_long_session_is_drawn_in_longer_intervals_with_at_most_150_bars()
    {
        // A post in every minute of a day: minute bars would need 1,440.
        var minutes = Enumerable.Range(-15, 24 * 60).ToArray();
        var page = Render(Sketch(minutes));

        var interval = IntervalMinutes(page);
        var rows = TableRows(page);
        var bars = page.Document.QuerySelector("svg path.timeline-bars")!.GetAttribute("d")!.Count(c => c == 'M');

        Assert.True(interval > 1, $"Interval {interval} minutes.");
        Assert.InRange(bars, 1, 150);
        Assert.InRange(rows.Count, 1, 150);
        Assert.Equal(rows.Count, bars);
        Assert.Equal(minutes.Length, rows.Sum(r => r.Posts));
        AssertRowsCountTheirIntervals(minutes, rows, interval);
    }

    [Fact]
    public void With_longer_intervals_each_row_counts_the_posts_of_its_interval_and_the_caption_names_the_busiest()
    {
        // 200 minutes between first and last post need more than 150 minute bars, so intervals are longer.
        int[] minutes = [-15, 0, 1, 2, 3, 4, 17, 18, 18, 18, 18, 19, 60, 90, 91, 185];
        var page = Render(Sketch(minutes));

        var interval = IntervalMinutes(page);
        var rows = TableRows(page);

        Assert.True(interval > 1, $"Interval {interval} minutes.");
        AssertRowsCountTheirIntervals(minutes, rows, interval);
        var busiest = rows.OrderByDescending(r => r.Posts).ThenBy(r => r.From).First();
        Assert.Equal((busiest.From.ToString("HH:mm", CultureInfo.InvariantCulture), busiest.Posts), Busiest(page));
    }

    [Fact]
    public void The_chart_is_an_image_named_by_its_caption()
    {
        var page = Render(Sketch([0, 3, 3]));

        var svg = page.Document.QuerySelector("#timeline svg")!;
        Assert.Equal("img", svg.GetAttribute("role"));
        var labelIds = svg.GetAttribute("aria-labelledby")!.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var label = page.Document.GetElementById(Assert.Single(labelIds))!;
        Assert.Equal("FIGCAPTION", label.TagName);
        Assert.Same(svg.Closest("figure"), label.Closest("figure"));
        Assert.Matches(BusiestPattern(), label.TextContent);
        Assert.Null(svg.GetAttribute("aria-hidden"));
    }

    [Fact]
    public void An_empty_transcript_has_no_timeline()
    {
        var page = Render(new TranscriptSketch());

        Assert.Null(page.Document.GetElementById("timeline"));
        Assert.Empty(page.Document.QuerySelectorAll("svg, .timeline-table"));
        Assert.DoesNotContain(page.Document.QuerySelectorAll("a"), a => a.GetAttribute("href") == "#timeline");
    }

    [Fact]
    public void The_contents_link_to_the_timeline_when_there_is_one()
    {
        var page = Render(Sketch([0]));

        Assert.NotNull(page.Document.GetElementById("timeline"));
        Assert.Contains(page.Document.QuerySelectorAll("nav.toc a"), a => a.GetAttribute("href") == "#timeline");
    }

    /// <summary>Every row's count is the number of posts in [From, From + interval), and no post falls outside a row.</summary>
    private static void AssertRowsCountTheirIntervals(int[] minutes, IReadOnlyList<(DateTime From, int Posts)> rows, int interval)
    {
        var times = minutes.Select(m => Start.AddMinutes(m)).ToList();
        foreach (var (from, posts) in rows)
        {
            Assert.True(
                times.Count(t => t >= from && t < from.AddMinutes(interval)) == posts,
                $"The row from {from:HH:mm} says {posts} posts in {interval} minutes.");
        }
        Assert.All(times, t => Assert.Contains(rows, r => t >= r.From && t < r.From.AddMinutes(interval)));
        Assert.Equal(rows.OrderBy(r => r.From), rows);
    }

    private static TranscriptSketch Sketch(int[] minutes, string timeZone = "UTC")
    {
        var sketch = new TranscriptSketch(timeZone: timeZone);
        for (var i = 0; i < minutes.Length; i++)
        {
            sketch.Post(i.ToString(CultureInfo.InvariantCulture), $"post {i} #bmcmed", minutes[i]);
        }
        return sketch;
    }

    private static RenderedPage Render(TranscriptSketch sketch) => new(Renderer.RenderThreadedHtml(sketch.Build()));

    private static List<(DateTime From, int Posts)> TableRows(RenderedPage page) =>
        page.Document.QuerySelectorAll(".timeline-table tbody tr")
            .Select(row => (
                DateTime.Parse(row.QuerySelector("time")!.GetAttribute("datetime")!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
                int.Parse(row.QuerySelector(".number")!.TextContent, CultureInfo.InvariantCulture)))
            .ToList();

    /// <summary>The interval the table says it counts: "Posts per minute" or "Posts per N minutes".</summary>
    private static int IntervalMinutes(RenderedPage page)
    {
        var summary = page.Document.QuerySelector("#timeline summary")!.TextContent;
        var match = IntervalPattern().Match(summary);
        Assert.True(match.Success, $"No interval in \"{summary}\".");
        return match.Groups[1].Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 1;
    }

    private static (string Time, int Posts) Busiest(RenderedPage page)
    {
        var caption = page.Document.QuerySelector("#timeline figcaption")!.TextContent;
        var match = BusiestPattern().Match(caption);
        Assert.True(match.Success, $"No busiest interval in \"{caption}\".");
        return (match.Groups[1].Value, int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"^Posts per (?:(\d+) minutes|minute)\b")]
    private static partial Regex IntervalPattern();

    [GeneratedRegex(@"busiest (?:minute|interval) began at (\d\d:\d\d) with (\d+) posts?")]
    private static partial Regex BusiestPattern();
}
