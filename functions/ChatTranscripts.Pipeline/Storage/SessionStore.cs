using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using ChatTranscripts.Pipeline.Sessions;
using ChatTranscripts.Pipeline.Transcripts;

namespace ChatTranscripts.Pipeline.Storage;

/// <summary>
/// Sessions live in one partition: there are few of them, and the publisher lists them all each run.
/// Each writer merges only its own columns, so the processor, the publisher and the API never overwrite one another.
/// </summary>
public sealed class SessionStore(PipelineTables tables)
{
    private const string Partition = "session";
    private const string DefinitionColumn = "Definition";

    public async Task<SessionRecord?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var response = await tables.Sessions.GetEntityIfExistsAsync<TableEntity>(Partition, id, cancellationToken: cancellationToken);
        return response.HasValue ? Read(response.Value!) : null;
    }

    public async Task<IReadOnlyList<SessionRecord>> ListAsync(CancellationToken cancellationToken)
    {
        var sessions = new List<SessionRecord>();
        await foreach (var entity in tables.Sessions.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, cancellationToken: cancellationToken))
        {
            sessions.Add(Read(entity));
        }
        return sessions;
    }

    /// <summary>Stores the definition; returns true when the session is new.</summary>
    public async Task<bool> SaveDefinitionAsync(string id, SessionDefinition definition, CancellationToken cancellationToken)
    {
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
            await tables.Sessions.AddEntityAsync(entity, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            await tables.Sessions.UpdateEntityAsync(entity, ETag.All, TableUpdateMode.Merge, cancellationToken);
            return false;
        }
    }

    /// <summary>
    /// Records the digest of the session's stored posts, if the record still has <paramref name="ifMatch"/>; returns
    /// the record's new ETag, or null when someone else changed it first (the caller must read the session again).
    /// The digest is a function of the content, so recording it again after a crash is harmless, and a change of
    /// content always reaches the publisher.
    /// </summary>
    public async Task<ETag?> RecordContentAsync(string id, string contentVersion, int postCount, ETag ifMatch, CancellationToken cancellationToken)
    {
        try
        {
            var response = await tables.Sessions.UpdateEntityAsync(
                new TableEntity(Partition, id) { ["ContentVersion"] = contentVersion, ["PostCount"] = postCount },
                ifMatch, TableUpdateMode.Merge, cancellationToken);
            return response.Headers.ETag;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return null;
        }
    }

    public Task RecordPublishAsync(string id, PublishRecord publish, CancellationToken cancellationToken) =>
        tables.Sessions.UpdateEntityAsync(
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

    private static string NewVersion() => Guid.NewGuid().ToString("N");

    private static SessionRecord Read(TableEntity entity) => new()
    {
        Id = entity.RowKey,
        Definition = JsonSerializer.Deserialize<SessionDefinition>(LongStringColumn.Read(entity, DefinitionColumn)!, PipelineJson.Options)!,
        ContentVersion = entity.GetString("ContentVersion"),
        ETag = entity.ETag,
        PostCount = entity.GetInt32("PostCount") ?? 0,
        PublishedVersion = entity.GetString("PublishedVersion"),
        PublishedHash = entity.GetString("PublishedHash"),
        PublishedAt = entity.GetDateTimeOffset("PublishedAt"),
        PublishedPosts = entity.GetInt32("PublishedPosts") ?? 0,
        PublishedParticipants = entity.GetInt32("PublishedParticipants") ?? 0,
        PublishedPhase = Enum.TryParse<TranscriptPhase>(entity.GetString("PublishedPhase"), out var phase) ? phase : null,
    };
}

public sealed record PublishRecord(string Version, string Hash, DateTimeOffset At, int Posts, int Participants, TranscriptPhase Phase);
