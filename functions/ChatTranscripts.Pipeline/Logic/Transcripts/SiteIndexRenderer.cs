using ChatTranscripts.Pipeline.Core;
using ChatTranscripts.Pipeline.Logic.Transcripts.Rendering;
using ChatTranscripts.Pipeline.Logic.Transcripts.Series;

namespace ChatTranscripts.Pipeline.Logic.Transcripts;

/// <summary>
/// Renders the site's own pages: <c>/index.html</c> (every published session, newest first) and <c>/404.html</c>.
/// Thread-safe; create once.
/// </summary>
public sealed class SiteIndexRenderer
{
    public const string IndexPage = "index.html";
    public const string NotFoundPage = "404.html";

    private readonly TemplateLibrary _templates = new(typeof(SiteIndexModel), typeof(SiteIndexItem), typeof(SeriesLink));

    public string Render(IReadOnlyList<SiteIndexEntry> sessions)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        var items = sessions
            .OrderByDescending(s => SessionClock.AsUtc(s.StartsAt))
            .ThenBy(s => s.Id, StringComparer.Ordinal)
            .Select(Item)
            .ToList();
        return _templates.Render("site_index", new SiteIndexModel(items));
    }

    /// <summary>Served for any missing path, at any depth, so its links are rooted.</summary>
    public string RenderNotFound() => _templates.Render("not_found", new SiteIndexModel([]));

    private static SiteIndexItem Item(SiteIndexEntry entry)
    {
        var clock = new SessionClock(entry.TimeZone, entry.StartsAt);
        return new SiteIndexItem(
            entry.Title,
            SafeLinks.SiteLink(entry.Path),
            SessionClock.MachineReadable(entry.StartsAt),
            clock.Date(entry.StartsAt),
            clock.Time(entry.StartsAt),
            clock.IsUtc ? clock.ZoneName : $"{clock.ZoneName}, {clock.Offset(entry.StartsAt)}",
            entry.Hashtags.Select(h => new SeriesLink("#" + h.TrimStart('#'), SeriesPaths.FromSiteRoot(h.TrimStart('#')))).ToList(),
            entry.Posts,
            entry.Participants,
            Badge(entry.Phase));
    }

    /// <summary>What marks a snapshot in a list of sessions; null for a final transcript.</summary>
    internal static string? Badge(TranscriptPhase phase) => phase switch
    {
        TranscriptPhase.Live => "live, updating",
        TranscriptPhase.Closing => "ended, being finalised",
        _ => null,
    };
}
