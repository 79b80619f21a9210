using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ChatTranscripts.Pipeline.Sessions;
using ChatTranscripts.Pipeline.Storage;
using ChatTranscripts.Pipeline.Transcripts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatTranscripts.Pipeline.Publishing;

/// <summary>
/// Renders sessions to the static site. Every step is safe to repeat: files are uploaded before the session
/// records the publish, so an interrupted run is completed by the next one, and a content hash keeps
/// unchanged transcripts from being uploaded again.
/// </summary>
public sealed class TranscriptPublisher(
    PipelineTables tables,
    SessionStore sessions,
    SessionPostStore sessionPosts,
    StaticSite site,
    TranscriptPageRenderer pageRenderer,
    SiteIndexRenderer indexRenderer,
    TimeProvider time,
    IOptions<PublishingOptions> options,
    ILogger<TranscriptPublisher> logger)
{
    private const string HtmlType = "text/html; charset=utf-8";
    private const string JsonType = "application/json; charset=utf-8";

    /// <summary>Publishes every session that ended (plus the delay) and has not been published since its last change.</summary>
    public async Task<int> PublishDueAsync(CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        var now = time.GetUtcNow();
        var due = (await sessions.ListAsync(cancellationToken)).Where(s => IsDue(s, now)).ToList();
        foreach (var session in due)
        {
            await PublishSessionAsync(session, cancellationToken);
        }
        if (due.Count > 0)
        {
            await PublishIndexAsync(cancellationToken);
        }
        return due.Count;
    }

    /// <summary>Publishes one session now, whatever the schedule (a live session gets a snapshot). Null for an unknown session.</summary>
    public async Task<SessionRecord?> PublishAsync(string sessionId, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        if (await sessions.GetAsync(sessionId, cancellationToken) is not { } session)
        {
            return null;
        }
        await PublishSessionAsync(session, cancellationToken);
        await PublishIndexAsync(cancellationToken);
        return await sessions.GetAsync(sessionId, cancellationToken);
    }

    public bool IsDue(SessionRecord session, DateTimeOffset now) =>
        now >= session.Definition.EndsAt + options.Value.Delay
        && (!session.HasFinalPublish || session.PublishedVersion != session.ContentVersion);

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

    private async Task PublishSessionAsync(SessionRecord session, CancellationToken cancellationToken)
    {
        // The version is read before the posts: a change that lands meanwhile leaves the versions different, so it is published next run.
        var version = session.ContentVersion;
        var posts = await sessionPosts.LoadAsync(session.Id, cancellationToken);
        var transcript = TranscriptBuilder.Build(session.Id, session.Definition, posts);
        var json = TranscriptJson.Serialize(transcript);
        var page = Encoding.UTF8.GetBytes(pageRenderer.Render(transcript));
        var hash = ContentHash(json, page);
        var now = time.GetUtcNow();

        if (hash != session.PublishedHash)
        {
            await site.UploadAsync($"{session.Id}/transcript.json", json, JsonType, cancellationToken);
            await site.UploadAsync($"{session.Id}/index.html", page, HtmlType, cancellationToken);
            logger.LogInformation("Published session {SessionId}: {Posts} posts", session.Id, transcript.Stats.Posts);
        }
        else
        {
            logger.LogInformation("Session {SessionId} unchanged since its last publish; nothing uploaded", session.Id);
        }
        var publishedAt = hash == session.PublishedHash && session.PublishedAt is { } previous && (session.HasFinalPublish || now < session.Definition.EndsAt)
            ? previous
            : now;
        await sessions.RecordPublishAsync(
            session.Id,
            new PublishRecord(version, hash, publishedAt, transcript.Stats.Posts, transcript.Stats.Participants),
            cancellationToken);
    }

    private async Task PublishIndexAsync(CancellationToken cancellationToken)
    {
        var published = (await sessions.ListAsync(cancellationToken))
            .Where(s => s.PublishedAt is not null)
            .Select(s => new SiteIndexEntry(
                s.Id,
                s.Definition.Title,
                s.Definition.Hashtags,
                s.Definition.StartsAt.UtcDateTime,
                s.Definition.TimeZone,
                s.PublishedPosts,
                s.PublishedParticipants,
                $"{s.Id}/index.html"))
            .ToList();
        await site.UploadAsync("index.html", Encoding.UTF8.GetBytes(indexRenderer.Render(published)), HtmlType, cancellationToken);
    }

    private static string ContentHash(byte[] json, byte[] page)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(json);
        hash.AppendData(page);
        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
