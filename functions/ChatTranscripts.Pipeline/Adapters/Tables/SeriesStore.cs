using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using ChatTranscripts.Pipeline.Application.Ports;
using ChatTranscripts.Pipeline.Core;
using ChatTranscripts.Pipeline.Logic.Transcripts;
using ChatTranscripts.Pipeline.Logic.Transcripts.Series;

namespace ChatTranscripts.Pipeline.Adapters.Tables;

/// <summary>
/// The Series table. A partition per published session holds who took part in it, as its last publish counted them,
/// so a series page reads one small partition per session rather than each session's transcript.json (which carries
/// every post). A partition of its own holds, per series, a fingerprint of what its page was last built from, so a
/// publish run finds the series that changed with one query.
/// </summary>
public sealed class SeriesStore(PipelineTables tables) : ISeriesStore
{
    /// <summary>About 75 KB of JSON a row: a chat of any size fits, in rows well within an entity's 1 MiB.</summary>
    private const int ParticipantsPerRow = 1000;

    private const string PagesPartition = "pages";
    private const string ParticipantsColumn = "Participants";
    private const string PublishColumn = "Publish";
    private const string RowsColumn = "Rows";
    private const string FingerprintColumn = "Fingerprint";

    /// <summary>
    /// Records the session's participants for the publish whose content hash is <paramref name="publishHash"/>. The rows
    /// go in one batch transaction (several only for tens of thousands of participants), and rows a longer earlier list
    /// left are deleted with them.
    /// </summary>
    public async Task SaveParticipantsAsync(string sessionId, string publishHash, IReadOnlyList<TranscriptParticipant> participants, CancellationToken cancellationToken)
    {
        var partition = ParticipantsPartition(sessionId);
        var rows = participants.Select(SeriesParticipant.From).Chunk(ParticipantsPerRow).ToList();
        if (rows.Count == 0)
        {
            rows.Add([]);
        }
        var actions = new List<TableTransactionAction>();
        for (var index = 0; index < rows.Count; index++)
        {
            var entity = new TableEntity(partition, RowKey(index)) { [PublishColumn] = publishHash, [RowsColumn] = rows.Count };
            LongStringColumn.Write(entity, ParticipantsColumn, JsonSerializer.Serialize(rows[index], PipelineJson.Options));
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, entity));
        }
        await foreach (var stale in tables.Series.QueryAsync<TableEntity>(e => e.PartitionKey == partition, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            if (RowIndex(stale.RowKey) >= rows.Count)
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, stale));
            }
        }
        await TableBatches.SubmitAsync(tables.Series, actions, cancellationToken);
    }

    /// <summary>
    /// The participants recorded for the publish whose content hash is <paramref name="publishHash"/>, or null when
    /// there are none for it: <c>Recorded</c> then says whether the session has rows at all (it has none when it was
    /// published before series pages existed) or they are another publish's (one being written as this reads).
    /// </summary>
    public async Task<(bool Recorded, IReadOnlyList<SeriesParticipant>? Participants)> LoadParticipantsAsync(
        string sessionId, string publishHash, CancellationToken cancellationToken)
    {
        var rows = new Dictionary<int, TableEntity>();
        await foreach (var entity in tables.Series.QueryAsync<TableEntity>(e => e.PartitionKey == ParticipantsPartition(sessionId), cancellationToken: cancellationToken))
        {
            rows[RowIndex(entity.RowKey)] = entity;
        }
        if (rows.Count == 0)
        {
            return (false, null);
        }
        var count = rows.TryGetValue(0, out var first) ? first.GetInt32(RowsColumn) ?? 0 : 0;
        var participants = new List<SeriesParticipant>();
        for (var index = 0; index < count; index++)
        {
            if (!rows.TryGetValue(index, out var row) || row.GetString(PublishColumn) != publishHash)
            {
                return (true, null);
            }
            participants.AddRange(JsonSerializer.Deserialize<SeriesParticipant[]>(LongStringColumn.Read(row, ParticipantsColumn)!, PipelineJson.Options)!);
        }
        return count == 0 ? (true, null) : (true, participants);
    }

    /// <summary>Every series page's fingerprint, by hashtag.</summary>
    public async Task<IReadOnlyDictionary<string, string>> LoadFingerprintsAsync(CancellationToken cancellationToken)
    {
        var fingerprints = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var entity in tables.Series.QueryAsync<TableEntity>(e => e.PartitionKey == PagesPartition, cancellationToken: cancellationToken))
        {
            fingerprints[entity.GetString("Hashtag")] = entity.GetString(FingerprintColumn);
        }
        return fingerprints;
    }

    public Task SaveFingerprintAsync(string hashtag, string fingerprint, CancellationToken cancellationToken) =>
        tables.Series.UpsertEntityAsync(
            new TableEntity(PagesPartition, TableKeys.Escape(hashtag)) { ["Hashtag"] = hashtag, [FingerprintColumn] = fingerprint },
            TableUpdateMode.Replace,
            cancellationToken);

    private static string ParticipantsPartition(string sessionId) => "participants:" + sessionId;

    private static string RowKey(int index) => index.ToString("D5", CultureInfo.InvariantCulture);

    private static int RowIndex(string rowKey) => int.Parse(rowKey, CultureInfo.InvariantCulture);
}
