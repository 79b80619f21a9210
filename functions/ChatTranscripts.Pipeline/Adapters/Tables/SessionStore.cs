using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using ChatTranscripts.Pipeline.Adapters.Connections;
using ChatTranscripts.Pipeline.Application;
using ChatTranscripts.Pipeline.Application.Ports;
using ChatTranscripts.Pipeline.Core;

namespace ChatTranscripts.Pipeline.Adapters.Tables;

/// <summary>
/// Sessions live in one partition: there are few of them, and the publisher lists them all each run; the processor
/// finds them by day through <see cref="SessionDayIndex"/>. Each writer merges only its own columns, so the
/// processor, the publisher and the API never overwrite one another.
/// </summary>
public sealed class SessionStore : IDisposable, ISessionStore
{
    private const string Partition = "session";
    private const string DefinitionColumn = "Definition";

    private readonly PipelineTables _tables;
    private readonly SessionDayIndex _days;
    private readonly CreateOnce _indexed;

    public SessionStore(PipelineTables tables, SessionDayIndex days)
    {
        _tables = tables;
        _days = days;
        _indexed = new CreateOnce(IndexEarlierSessionsAsync);
    }

    public async Task<SessionRecord?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var response = await _tables.Sessions.GetEntityIfExistsAsync<TableEntity>(Partition, id, cancellationToken: cancellationToken);
        return response.HasValue ? Read(response.Value!) : null;
    }

    public async Task<IReadOnlyList<SessionRecord>> ListAsync(CancellationToken cancellationToken)
    {
        var sessions = new List<SessionRecord>();
        await foreach (var entity in _tables.Sessions.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, cancellationToken: cancellationToken))
        {
            sessions.Add(Read(entity));
        }
        return sessions;
    }

    /// <summary>
    /// The sessions whose window holds one of <paramref name="instants"/>, found through the day index: the cost
    /// follows the days asked about, not the number of sessions ever registered.
    /// </summary>
    public async Task<IReadOnlyList<SessionRecord>> WithWindowHoldingAsync(IReadOnlyCollection<DateTimeOffset> instants, CancellationToken cancellationToken)
    {
        if (instants.Count == 0)
        {
            return [];
        }
        var ids = await _days.SessionsTouchingAsync(instants, cancellationToken);
        var records = await BoundedParallel.SelectAsync(ids.Order(StringComparer.Ordinal), (id, ct) => GetAsync(id, ct), cancellationToken);
        return records.OfType<SessionRecord>().Where(r => instants.Any(r.Definition.WindowContains)).ToList();
    }

    /// <summary>
    /// Puts sessions registered before the day index existed into it, once per store; later sessions are indexed as
    /// they are saved. After the first complete run it costs one read per process.
    /// </summary>
    public Task EnsureIndexedAsync(CancellationToken cancellationToken) => _indexed.EnsureAsync(cancellationToken);

    /// <summary>Stores the definition; returns true when the session is new.</summary>
    public async Task<bool> SaveDefinitionAsync(string id, SessionDefinition definition, CancellationToken cancellationToken)
    {
        // Indexed first: a session must never be stored with a window its index rows do not cover.
        await _days.AddAsync(id, definition, cancellationToken);
        var entity = new TableEntity(Partition, id)
        {
            ["StartsAt"] = definition.StartsAt,
            ["EndsAt"] = definition.EndsAt,
            ["ContentVersion"] = NewVersion(),
        };
        // The largest definition the API accepts is several times one property's 64 KiB as JSON.
        LongStringColumn.Write(entity, DefinitionColumn, JsonSerializer.Serialize(definition, PipelineJson.Options), merged: true);
        try
        {
            await _tables.Sessions.AddEntityAsync(entity, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            await _tables.Sessions.UpdateEntityAsync(entity, ETag.All, TableUpdateMode.Merge, cancellationToken);
            return false;
        }
    }

    /// <summary>
    /// Records the digest of the session's stored posts, if the record still has <paramref name="ifMatch"/>; returns
    /// the record's new ETag, or null when someone else changed it first (the caller must read the session again).
    /// The digest is a function of the content, so recording it again after a crash is harmless, and a change of
    /// content always reaches the publisher.
    /// </summary>
    public async Task<string?> RecordContentAsync(string id, string contentVersion, int postCount, string? ifMatch, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _tables.Sessions.UpdateEntityAsync(
                new TableEntity(Partition, id) { ["ContentVersion"] = contentVersion, ["PostCount"] = postCount },
                ifMatch is null ? default : new ETag(ifMatch), TableUpdateMode.Merge, cancellationToken);
            return response.Headers.ETag?.ToString();
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return null;
        }
    }

    /// <summary>
    /// Marks the session's moderation changed, so the publisher republishes it on its next run. A column of its own:
    /// the processor's content digest never overwrites it. False when the session does not exist.
    /// </summary>
    public async Task<bool> RecordModerationChangeAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            await _tables.Sessions.UpdateEntityAsync(
                new TableEntity(Partition, id) { ["ModerationVersion"] = NewVersion() }, ETag.All, TableUpdateMode.Merge, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
    }

    public Task RecordPublishAsync(string id, PublishRecord publish, CancellationToken cancellationToken) =>
        _tables.Sessions.UpdateEntityAsync(
            new TableEntity(Partition, id)
            {
                ["PublishedVersion"] = publish.Version,
                ["PublishedHash"] = publish.Hash,
                ["PublishedAt"] = publish.At,
                ["PublishedPosts"] = publish.Posts,
                ["PublishedParticipants"] = publish.Participants,
                ["PublishedPhase"] = publish.Phase.ToString(),
            },
            ETag.All, TableUpdateMode.Merge, cancellationToken);

    public void Dispose() => _indexed.Dispose();

    private async Task IndexEarlierSessionsAsync(CancellationToken cancellationToken)
    {
        if (await _days.IsCompleteAsync(cancellationToken))
        {
            return;
        }
        foreach (var session in await ListAsync(cancellationToken))
        {
            await _days.AddAsync(session.Id, session.Definition, cancellationToken);
        }
        await _days.MarkCompleteAsync(cancellationToken);
    }

    private static string NewVersion() => Guid.NewGuid().ToString("N");

    private static SessionRecord Read(TableEntity entity) => new()
    {
        Id = entity.RowKey,
        Definition = JsonSerializer.Deserialize<SessionDefinition>(LongStringColumn.Read(entity, DefinitionColumn)!, PipelineJson.Options)!,
        ContentVersion = entity.GetString("ContentVersion"),
        ModerationVersion = entity.GetString("ModerationVersion"),
        ETag = entity.ETag == default ? null : entity.ETag.ToString(),
        PostCount = entity.GetInt32("PostCount") ?? 0,
        PublishedVersion = entity.GetString("PublishedVersion"),
        PublishedHash = entity.GetString("PublishedHash"),
        PublishedAt = entity.GetDateTimeOffset("PublishedAt"),
        PublishedPosts = entity.GetInt32("PublishedPosts") ?? 0,
        PublishedParticipants = entity.GetInt32("PublishedParticipants") ?? 0,
        PublishedPhase = Enum.TryParse<TranscriptPhase>(entity.GetString("PublishedPhase"), out var phase) ? phase : null,
    };
}
