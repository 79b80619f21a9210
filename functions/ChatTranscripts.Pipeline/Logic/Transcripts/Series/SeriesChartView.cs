using System.Globalization;
using System.Text;

namespace ChatTranscripts.Pipeline.Logic.Transcripts.Series;

/// <summary>
/// Posts and participants per session as an inline SVG bar chart, oldest session on the left: for each session a posts
/// bar and a participants bar, whose returning participants are drawn over its foot. One path per kind of bar, in
/// integer coordinates, coloured by the stylesheet (the pages' policy allows no style attribute), so dark mode and print apply.
/// </summary>
internal sealed record SeriesChartView(string Posts, string Participants, string Returning, int Width, string Caption)
{
    /// <summary>Height of the drawing in SVG units; bars are scaled so the busiest session's posts fill it.</summary>
    public const int Height = 60;

    private const int Pitch = 12;
    private const int BarWidth = 4;
    private const int ParticipantsOffset = 5;

    /// <summary>A series of one or two sessions would otherwise stretch its bars across the page.</summary>
    private const int MinSlots = 8;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Null when the series has no session to draw.</summary>
    public static SeriesChartView? Build(SeriesSummary summary)
    {
        var sessions = summary.Sessions;
        if (sessions.Count == 0)
        {
            return null;
        }
        var busiest = sessions.MaxBy(s => s.Posts)!;
        var scale = Math.Max(1, busiest.Posts);
        var posts = new StringBuilder();
        var participants = new StringBuilder();
        var returning = new StringBuilder();
        for (var i = 0; i < sessions.Count; i++)
        {
            var session = sessions[i];
            Bar(posts, i * Pitch, session.Posts);
            Bar(participants, (i * Pitch) + ParticipantsOffset, session.Participants);
            Bar(returning, (i * Pitch) + ParticipantsOffset, session.Returning);
        }
        var when = new Rendering.SessionClock(busiest.Entry.TimeZone, busiest.Entry.StartsAt).Date(busiest.Entry.StartsAt);
        var caption = FormattableString.Invariant(
            $"Posts and participants in each of the {sessions.Count} {(sessions.Count == 1 ? "chat" : "chats")}, oldest on the left; the foot of each participants bar, in a colour of its own, counts those who had taken part in an earlier chat. The busiest chat, on {when}, had {busiest.Posts} {(busiest.Posts == 1 ? "post" : "posts")} from {busiest.Participants} {(busiest.Participants == 1 ? "participant" : "participants")}. The table below gives every number.");
        return new SeriesChartView(posts.ToString(), participants.ToString(), returning.ToString(), Math.Max(sessions.Count, MinSlots) * Pitch, caption);

        void Bar(StringBuilder path, int x, int value)
        {
            if (value > 0)
            {
                var height = Math.Max(1, (int)Math.Round(value * (double)Height / scale));
                path.Append(Invariant, $"M{x} {Height}v-{height}h{BarWidth}v{height}z");
            }
        }
    }
}
