using ChatTranscripts.Pipeline.Transcripts.Rendering;

namespace ChatTranscripts.Pipeline.Transcripts;

/// <summary>Renders the site's <c>/index.html</c>: every published session, newest first. Thread-safe; create once.</summary>
public sealed class SiteIndexRenderer
{
    private readonly TemplateLibrary _templates = new(typeof(SiteIndexModel), typeof(SiteIndexItem));

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
            entry.Hashtags.Select(h => "#" + h.TrimStart('#')).ToList(),
            entry.Posts,
            entry.Participants);
    }
}
