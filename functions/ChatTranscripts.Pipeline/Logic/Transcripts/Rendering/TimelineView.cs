using System.Globalization;
using System.Text;

namespace ChatTranscripts.Pipeline.Logic.Transcripts.Rendering;

/// <summary>
/// Posts per minute as an inline SVG bar chart, with its text alternative. The drawing is one path of integer
/// coordinates (a few bytes per bar), coloured by the stylesheet so dark mode and print apply.
/// </summary>
internal sealed record TimelineView(
    string Bars,
    string Window,
    int Width,
    string FirstTime,
    string LastTime,
    string Caption,
    string Unit,
    IReadOnlyList<TimelineBucket> Busy)
{
    /// <summary>Height of the drawing in SVG units; bars are scaled so the busiest interval fills it.</summary>
    public const int Height = 60;

    private const int BarPitch = 4;
    private const int BarWidth = 3;

    /// <summary>A long session would make minute bars unreadably thin, so the interval grows to keep at most this many.</summary>
    private const int MaxBars = 150;

    private static readonly int[] IntervalMinutes = [1, 2, 5, 10, 15, 30, 60, 120, 240, 720, 1440];

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Null when there is nothing to draw (no posts).</summary>
    public static TimelineView? Build(TranscriptDocument transcript, SessionClock clock)
    {
        if (transcript.Posts.Count == 0)
        {
            return null;
        }
        var session = transcript.Session;
        var times = transcript.Posts.Select(p => SessionClock.AsUtc(p.CreatedAt)).ToList();
        var first = FloorToMinute(Min(times.Min(), SessionClock.AsUtc(session.StartsAt)));
        var last = Max(times.Max(), SessionClock.AsUtc(session.EndsAt));
        var minutes = (int)Math.Ceiling((last - first).TotalMinutes) + 1;
        var interval = IntervalMinutes.FirstOrDefault(m => (minutes + m - 1) / m <= MaxBars, IntervalMinutes[^1]);
        var count = Math.Max(1, (minutes + interval - 1) / interval);
        var posts = new int[count];
        foreach (var time in times)
        {
            posts[Math.Min(count - 1, (int)((time - first).TotalMinutes / interval))]++;
        }
        var busiest = posts.Max();

        var bars = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            if (posts[i] > 0)
            {
                var height = Math.Max(1, (int)Math.Round(posts[i] * (double)Height / busiest));
                bars.Append(Invariant, $"M{i * BarPitch} {Height}v-{height}h{BarWidth}v{height}z");
            }
        }
        var window = FormattableString.Invariant($"M{X(session.StartsAt)} 0v{Height}M{X(session.EndsAt)} 0v{Height}");

        var unit = interval == 1 ? "minute" : FormattableString.Invariant($"{interval} minutes");
        var peak = Array.IndexOf(posts, busiest);
        var caption = FormattableString.Invariant(
            $"Posts per {unit}, {clock.Time(first)} to {clock.Time(first.AddMinutes(count * interval))} ({clock.ZoneName}). The busiest {(interval == 1 ? "minute" : "interval")} began at {clock.Time(first.AddMinutes(peak * interval))} with {busiest} {(busiest == 1 ? "post" : "posts")}. The dashed lines mark the scheduled start and end.");
        var busy = posts
            .Select((n, i) => (n, i))
            .Where(b => b.n > 0)
            .Select(b => new TimelineBucket(
                SessionClock.MachineReadable(first.AddMinutes(b.i * interval)),
                clock.PostTime(first.AddMinutes(b.i * interval)),
                b.n))
            .ToList();
        return new TimelineView(
            bars.ToString(),
            window,
            count * BarPitch,
            clock.Time(first),
            clock.Time(first.AddMinutes(count * interval)),
            caption,
            unit,
            busy);

        string X(DateTime at) =>
            Math.Clamp((int)Math.Round((SessionClock.AsUtc(at) - first).TotalMinutes / interval * BarPitch), 0, count * BarPitch)
                .ToString(Invariant);
    }

    private static DateTime FloorToMinute(DateTime utc) => new(utc.Ticks - utc.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Utc);

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
}
