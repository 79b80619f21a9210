using ChatTranscripts.Pipeline.Logic.Transcripts.Rendering;

namespace ChatTranscripts.Pipeline.Logic.Transcripts.Series;

/// <summary>
/// Renders a series page (<c>/series/{hashtag}/index.html</c>) with <c>series.liquid</c>. Create once: templates are
/// parsed in the constructor; rendering is thread-safe and the same summary always gives the same bytes.
/// </summary>
public sealed class SeriesPageRenderer
{
    private readonly TemplateLibrary _templates = new(
        typeof(SeriesPageModel),
        typeof(SeriesChartView),
        typeof(SeriesSessionRow),
        typeof(SeriesRegularRow));

    public ReadOnlyMemory<byte> RenderUtf8(SeriesSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var rows = summary.Sessions.Select(Row).ToList();
        var regulars = summary.Regulars
            .Select(r => new SeriesRegularRow(r.Handle, r.DisplayName, r.Platform, r.Sessions, r.Posts))
            .ToList();
        return _templates.RenderUtf8("series", new SeriesPageModel(
            "#" + summary.Hashtag,
            summary.Sessions.Count,
            summary.Participants,
            summary.Returning,
            SeriesChartView.Build(summary),
            rows,
            regulars,
            SeriesSummary.RegularsShown,
            regulars.Select(r => r.Platform).Distinct(StringComparer.Ordinal).Skip(1).Any()));
    }

    private static SeriesSessionRow Row(SeriesSessionSummary session)
    {
        var entry = session.Entry;
        var clock = new SessionClock(entry.TimeZone, entry.StartsAt);
        return new SeriesSessionRow(
            entry.Title,
            FromSeriesPage(SafeLinks.SiteLink(entry.Path)),
            SessionClock.MachineReadable(entry.StartsAt),
            clock.Date(entry.StartsAt),
            SiteIndexRenderer.Badge(entry.Phase),
            session.Posts,
            session.Participants,
            session.Returning);
    }

    /// <summary>Site paths are written from the root; the series page sits two folders below it.</summary>
    private static string? FromSeriesPage(string? link) =>
        link is null || link.Contains(':', StringComparison.Ordinal) ? link : "../../" + link.TrimStart('/');
}
