using System.Security.Cryptography;
using System.Text;
using ChatTranscripts.Pipeline.Application.Ports;
using ChatTranscripts.Pipeline.Core;
using ChatTranscripts.Pipeline.Logic.Transcripts;
using ChatTranscripts.Pipeline.Logic.Transcripts.Exports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatTranscripts.Pipeline.Application.Publishing;

/// <summary>
/// Renders sessions to the static site. Every step is safe to repeat: files are uploaded before the session
/// records the publish, so an interrupted run is completed by the next one, and a content hash keeps
/// unchanged transcripts from being uploaded again.
/// </summary>
public sealed class TranscriptPublisher(
    IStorageProvisioning storage,
    ISessionStore sessions,
    ISessionPostStore sessionPosts,
    IModerationStore moderation,
    SeriesPublisher series,
    IStaticSite site,
    TranscriptPageRenderer pageRenderer,
    PersonPagePublisher peoplePages,
    SiteIndexRenderer indexRenderer,
    TimeProvider time,
    IOptions<PublishingOptions> options,
    ILogger<TranscriptPublisher> logger)
{
    /// <summary>
    /// Publishes every session that is due: a live session's snapshot every few minutes while it changes, and the final
    /// transcript once it has ended (plus the delay) and whenever it changes after that. The site's own files are
    /// brought up to date on every run, so a run interrupted after a session's files still completes the index and feed.
    /// A session that fails to publish is logged and left due, so the next run tries it again; it holds back neither the
    /// sessions after it nor the site's index and feed.
    /// </summary>
    public async Task<int> PublishDueAsync(CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var now = time.GetUtcNow();
        var published = 0;
        foreach (var session in await sessions.ListAsync(cancellationToken))
        {
            if (DuePhase(session, now) is not { } phase)
            {
                continue;
            }
            try
            {
                await PublishSessionAsync(session, phase, cancellationToken);
                published++;
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogError(e, "Could not publish session {SessionId} ({Phase}); the next run tries it again", session.Id, phase);
            }
        }
        await PublishSiteAsync(cancellationToken);
        return published;
    }

    /// <summary>Publishes one session now, whatever the schedule (a live session gets a snapshot). Null for an unknown session.</summary>
    public async Task<SessionRecord?> PublishAsync(string sessionId, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        if (await sessions.GetAsync(sessionId, cancellationToken) is not { } session)
        {
            return null;
        }
        var phase = time.GetUtcNow() < session.Definition.EndsAt ? TranscriptPhase.Live : TranscriptPhase.Final;
        await PublishSessionAsync(session, phase, cancellationToken);
        await PublishSiteAsync(cancellationToken);
        return await sessions.GetAsync(sessionId, cancellationToken);
    }

    /// <summary>What the session should be published as now, or null when it is not due.</summary>
    public TranscriptPhase? DuePhase(SessionRecord session, DateTimeOffset now)
    {
        var definition = session.Definition;
        var changed = session.PublishedVersion != session.PublishableVersion;
        if (now >= definition.EndsAt + options.Value.Delay || session.HasFinalPublish)
        {
            return !session.HasFinalPublish || changed ? TranscriptPhase.Final : null;
        }
        if (now < definition.StartsAt)
        {
            return null;
        }
        if (session.PublishedAt is { } last && now - last < options.Value.LiveInterval)
        {
            return null;
        }
        var phase = now < definition.EndsAt ? TranscriptPhase.Live : TranscriptPhase.Closing;
        return changed || session.PublishedPhase != phase ? phase : null;
    }

    /// <summary>The transcript page's path, absolute when the site's base URL is configured.</summary>
    public string? TranscriptUrl(SessionRecord session)
    {
        if (session.PublishedAt is null)
        {
            return null;
        }
        var path = $"/{session.Id}/index.html";
        return string.IsNullOrEmpty(options.Value.SiteBaseUrl) ? path : options.Value.SiteBaseUrl.TrimEnd('/') + path;
    }

    private async Task PublishSessionAsync(SessionRecord session, TranscriptPhase phase, CancellationToken cancellationToken)
    {
        // The version is read before the posts and the moderation: a change that lands meanwhile leaves the versions different, so it is published next run.
        var version = session.PublishableVersion;
        var started = time.GetTimestamp();
        var posts = await sessionPosts.LoadAsync(session.Id, cancellationToken);
        var moderated = await moderation.LoadAsync(session.Id, session.Definition.Hashtags, cancellationToken);
        var loaded = time.GetTimestamp();
        var transcript = TranscriptBuilder.Build(session.Id, session.Definition, posts, moderated.ToSessionModeration());
        var built = time.GetTimestamp();
        // The people pages go first: the two HTML pages link to them. Then each file renders while the one before it
        // uploads (two render at once under the limit, one over it, so a large chat's files are never all in memory
        // together), and they upload in order: the threaded page goes last because it links to every other file.
        var people = await peoplePages.PublishAsync(transcript, phase, cancellationToken);
        var peopleDone = time.GetTimestamp();
        PublishedFile[] files =
        [
            new("transcript.json", SiteFiles.Json, () => TranscriptJson.Serialize(transcript)),
            new(TranscriptMarkdown.FileName, SiteFiles.Markdown, () => TranscriptMarkdown.Serialize(transcript)),
            new(TranscriptCsv.FileName, SiteFiles.Csv, () => TranscriptCsv.Serialize(transcript)),
            new(TranscriptPageRenderer.ChronologicalPage, SiteFiles.Html, () => pageRenderer.RenderChronologicalUtf8(transcript, phase)),
            new(TranscriptPageRenderer.ThreadedPage, SiteFiles.Html, () => pageRenderer.RenderUtf8(transcript, phase)),
        ];
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var changed = await RenderAhead.UploadInOrderAsync(
            files,
            transcript.Stats.Posts <= options.Value.ParallelRenderLimit ? 2 : 1,
            file => file.Render(),
            (file, content, ct) =>
            {
                hash.AppendData(Encoding.UTF8.GetBytes(file.Name));
                hash.AppendData(content.Span);
                return site.UploadIfChangedAsync($"{session.Id}/{file.Name}", content, file.ContentType, ct);
            },
            cancellationToken);
        var uploaded = changed.Count(c => c);

        // Pages of people who have none now go once the threaded page no longer links to them.
        await peoplePages.DeleteAsync(people, cancellationToken);

        var contentHash = Convert.ToHexString(hash.GetHashAndReset());
        logger.LogInformation(
            "Published session {SessionId} ({Phase}): {Posts} posts, {Uploaded} of {Files} files changed, {PeopleUploaded} of {People} people pages changed and {PeopleDeleted} deleted; read {ReadMs} ms, built {BuildMs} ms, people pages {PeopleMs} ms, rendered and uploaded {FilesMs} ms",
            session.Id, phase, transcript.Stats.Posts, uploaded, files.Length, people.Uploaded, people.Pages, people.Stale.Count,
            Milliseconds(started, loaded), Milliseconds(loaded, built), Milliseconds(built, peopleDone), Milliseconds(peopleDone, time.GetTimestamp()));

        // Recorded before the publish is, so a series page never reads an older publish's participants under this one's hash.
        await series.RecordParticipantsAsync(session.Id, contentHash, transcript.Participants, cancellationToken);
        var publishedAt = contentHash == session.PublishedHash && session.PublishedAt is { } previous ? previous : time.GetUtcNow();
        await sessions.RecordPublishAsync(
            session.Id,
            new PublishRecord(version, contentHash, publishedAt, transcript.Stats.Posts, transcript.Stats.Participants, phase),
            cancellationToken);
    }

    /// <summary>
    /// The site's own files, after the sessions' so they never link to a transcript that is not there yet. Each is
    /// uploaded only when it differs from the blob, so running this every time costs a few small reads; the series pages
    /// cost one query unless a series changed.
    /// </summary>
    private async Task PublishSiteAsync(CancellationToken cancellationToken)
    {
        var all = await sessions.ListAsync(cancellationToken);
        var published = all.Where(PublishedSessions.IsPublished).Select(PublishedSessions.Entry).ToList();
        await series.PublishAsync(all, cancellationToken);
        await site.UploadIfChangedAsync(SiteIndexRenderer.NotFoundPage, Utf8(indexRenderer.RenderNotFound()), SiteFiles.Html, cancellationToken);
        await site.UploadIfChangedAsync(SiteFeed.FileName, SiteFeed.Render(published, site.Name, options.Value.SiteBaseUrl), SiteFiles.Atom, cancellationToken);
        await site.UploadIfChangedAsync(SiteIndexRenderer.IndexPage, Utf8(indexRenderer.Render(published)), SiteFiles.Html, cancellationToken);
    }

    private long Milliseconds(long from, long to) => (long)time.GetElapsedTime(from, to).TotalMilliseconds;

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>A file of a session's transcript, rendered only when its turn to upload comes.</summary>
    private sealed record PublishedFile(string Name, string ContentType, Func<ReadOnlyMemory<byte>> Render);
}
