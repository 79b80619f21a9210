using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ChatTranscripts.Pipeline.Application.Ports;
using ChatTranscripts.Pipeline.Core;
using ChatTranscripts.Pipeline.Logic.Transcripts;
using ChatTranscripts.Pipeline.Logic.Transcripts.Series;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatTranscripts.Pipeline.Application.Publishing;

/// <summary>
/// Keeps a page and an Atom feed per series (every published session sharing a hashtag) in step with the sessions.
/// Each run compares, per series, a fingerprint of what its files are built from (its sessions' listing and the content
/// hash of each one's last publish) with the one recorded when they were last built: only a series whose sessions were
/// published, redefined or left it since is built again, and only then are its sessions' participants read.
/// </summary>
public sealed class SeriesPublisher(
    ISeriesStore store,
    IStaticSite site,
    SeriesPageRenderer renderer,
    TimeProvider time,
    IOptions<PublishingOptions> options,
    ILogger<SeriesPublisher> logger)
{
    /// <summary>Part of every fingerprint, so a new version of the app rebuilds every series page once with its own templates.</summary>
    private static readonly string Build = typeof(SeriesPublisher).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    /// <summary>
    /// Brings every series up to date with <paramref name="sessions"/> (every registered session, published or not). A
    /// series that fails is logged and left out of date, so the next run builds it again; it holds back no other series.
    /// A series whose last session left it (its hashtags were changed) is built once more, as a page that says so.
    /// </summary>
    public async Task PublishAsync(IReadOnlyList<SessionRecord> sessions, CancellationToken cancellationToken)
    {
        var members = sessions
            .Where(PublishedSessions.IsPublished)
            .SelectMany(s => s.Definition.Hashtags.Distinct(StringComparer.Ordinal).Select(hashtag => (Hashtag: hashtag, Session: s)))
            .GroupBy(m => m.Hashtag, m => m.Session, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(s => s.Id, StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        var built = await store.LoadFingerprintsAsync(cancellationToken);
        // A session in several series has its participants read once per run.
        var participants = new Dictionary<string, IReadOnlyList<SeriesParticipant>>(StringComparer.Ordinal);
        foreach (var hashtag in members.Keys.Union(built.Keys).Order(StringComparer.Ordinal))
        {
            var series = members.GetValueOrDefault(hashtag) ?? [];
            var fingerprint = Fingerprint(hashtag, series);
            if (built.TryGetValue(hashtag, out var previous) && previous == fingerprint)
            {
                continue;
            }
            try
            {
                await PublishSeriesAsync(hashtag, series, participants, cancellationToken);
                await store.SaveFingerprintAsync(hashtag, fingerprint, cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogError(e, "Could not publish the #{Hashtag} series; the next run tries it again", hashtag);
            }
        }
    }

    /// <summary>Records who took part in a session's publish (by its content hash), for the pages of the session's series.</summary>
    public Task RecordParticipantsAsync(string sessionId, string publishHash, IReadOnlyList<TranscriptParticipant> participants, CancellationToken cancellationToken) =>
        store.SaveParticipantsAsync(sessionId, publishHash, participants, cancellationToken);

    private async Task PublishSeriesAsync(
        string hashtag, List<SessionRecord> series, Dictionary<string, IReadOnlyList<SeriesParticipant>> participants, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var unread = series.Where(s => !participants.ContainsKey(s.Id)).ToList();
        var read = await BoundedParallel.SelectAsync(unread, ParticipantsAsync, cancellationToken);
        for (var i = 0; i < unread.Count; i++)
        {
            participants[unread[i].Id] = read[i];
        }
        var loaded = time.GetTimestamp();

        var entries = series.Select(PublishedSessions.Entry).ToList();
        var summary = SeriesSummary.Build(hashtag, entries.Select(e => new SeriesSession(e, participants[e.Id])));
        // The feed first: the page links to it.
        var uploaded = 0;
        uploaded += await site.UploadIfChangedAsync(
            SeriesPaths.Feed(hashtag), SeriesFeed.Render(hashtag, entries, site.Name, options.Value.SiteBaseUrl), SiteFiles.Atom, cancellationToken) ? 1 : 0;
        uploaded += await site.UploadIfChangedAsync(SeriesPaths.Page(hashtag), renderer.RenderUtf8(summary), SiteFiles.Html, cancellationToken) ? 1 : 0;
        logger.LogInformation(
            "Published the #{Hashtag} series: {Sessions} sessions, {Read} participant lists read in {ReadMs} ms, {Uploaded} of 2 files changed",
            hashtag, series.Count, unread.Count, (long)time.GetElapsedTime(started, loaded).TotalMilliseconds, uploaded);
    }

    /// <summary>
    /// Who took part in the session's last publish, as recorded with it. A session published before series pages existed
    /// has nothing recorded: its transcript.json on the site says, and is recorded for next time. One whose record is of
    /// another publish (being written as this reads) is read from its transcript.json too, and not recorded.
    /// </summary>
    private async Task<IReadOnlyList<SeriesParticipant>> ParticipantsAsync(SessionRecord session, CancellationToken cancellationToken)
    {
        var hash = session.PublishedHash ?? "";
        var (recorded, participants) = await store.LoadParticipantsAsync(session.Id, hash, cancellationToken);
        if (participants is not null)
        {
            return participants;
        }
        var path = $"{session.Id}/transcript.json";
        var file = await site.ReadAsync(path, cancellationToken)
            ?? throw new InvalidOperationException($"Session '{session.Id}' is published but the site has no {path}.");
        var published = file.Content.ToObjectFromJson<PublishedParticipants>(PipelineJson.Options)!.Participants;
        if (!recorded && session.PublishedHash is not null)
        {
            await store.SaveParticipantsAsync(session.Id, session.PublishedHash, published, cancellationToken);
        }
        return published.Select(SeriesParticipant.From).ToList();
    }

    private string Fingerprint(string hashtag, List<SessionRecord> series)
    {
        var inputs = new
        {
            Build,
            Site = site.Name,
            options.Value.SiteBaseUrl,
            Hashtag = hashtag,
            Sessions = series.Select(s => new { Entry = PublishedSessions.Entry(s), s.PublishedHash }),
        };
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(inputs, PipelineJson.Options))));
    }

    /// <summary>The one part of transcript.json read here.</summary>
    private sealed record PublishedParticipants(IReadOnlyList<TranscriptParticipant> Participants);
}
