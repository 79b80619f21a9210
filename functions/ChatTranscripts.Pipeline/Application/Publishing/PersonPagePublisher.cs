using ChatTranscripts.Pipeline.Application.Ports;
using ChatTranscripts.Pipeline.Core;
using ChatTranscripts.Pipeline.Logic.Transcripts;
using Microsoft.Extensions.Options;

namespace ChatTranscripts.Pipeline.Application.Publishing;

/// <summary>
/// Keeps a session's folder of people pages (<see cref="PersonPagePaths.Folder"/>) holding exactly one page per
/// participant of its transcript. A chat has hundreds of participants, so what the folder holds is read in one listing
/// (with the MD5 of each page) rather than a request per page, pages are rendered and uploaded a few at a time, and
/// only those whose bytes changed are uploaded.
/// </summary>
public sealed class PersonPagePublisher(IStaticSite site, PersonPageRenderer renderer, IOptions<PublishingOptions> options)
{
    /// <summary>
    /// Pages rendered and uploaded at once. Uploads of small pages spend nearly all their time waiting on storage, so
    /// this is the storage calls' usual bound rather than the cores': at 3,000 posts (about 300 pages of 15–20 KB) 8 at a
    /// time left the publish waiting on uploads, and 32 pages in memory are well under a megabyte.
    /// </summary>
    public const int Concurrency = BoundedParallel.DefaultDegree;

    /// <summary>
    /// Uploads every participant's page that changed, and returns the pages in the folder that belong to nobody now
    /// (a participant whose posts were all hidden, an account blocked). Those stay until <see cref="DeleteAsync"/>,
    /// which the caller runs once the transcript page no longer links to them.
    /// </summary>
    public async Task<PersonPagesPublished> PublishAsync(TranscriptDocument transcript, TranscriptPhase phase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        var folder = $"{transcript.Session.Id}/";
        var existing = await site.ListAsync(folder + PersonPagePaths.Folder, cancellationToken);
        var pages = renderer.Pages(transcript, phase, options.Value.SiteBaseUrl);
        var uploaded = await BoundedParallel.SelectAsync(
            pages,
            (page, ct) =>
            {
                var path = folder + page.Path;
                return site.UploadIfChangedAsync(path, page.RenderUtf8(), SiteFiles.Html, existing.GetValueOrDefault(path), ct);
            },
            cancellationToken,
            Concurrency);
        var current = pages.Select(p => folder + p.Path).ToHashSet(StringComparer.Ordinal);
        var stale = existing.Keys.Where(path => !current.Contains(path)).Order(StringComparer.Ordinal).ToList();
        return new PersonPagesPublished(pages.Count, uploaded.Count(u => u), stale);
    }

    /// <summary>Deletes the pages <see cref="PublishAsync"/> found belonging to nobody.</summary>
    public async Task DeleteAsync(PersonPagesPublished published, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(published);
        await BoundedParallel.SelectAsync(
            published.Stale,
            async (path, ct) =>
            {
                await site.DeleteAsync(path, ct);
                return path;
            },
            cancellationToken,
            Concurrency);
    }
}

/// <param name="Pages">Pages the session has now, one per participant.</param>
/// <param name="Uploaded">How many of them changed and were uploaded.</param>
/// <param name="Stale">Paths of pages that belong to no participant now, to delete.</param>
public sealed record PersonPagesPublished(int Pages, int Uploaded, IReadOnlyList<string> Stale);
