using System.Globalization;
using Azure.Data.Tables;
using ChatTranscripts.Pipeline.Core;

namespace ChatTranscripts.Pipeline.Adapters.Tables;

/// <summary>
/// Which sessions' windows touch each UTC day: partition = day (<c>yyyyMMdd</c>), row = session id. The sessions a
/// post may belong to are one query of its day, however many sessions were ever registered. Rows are only ever added:
/// a redefined session keeps the rows of days it no longer touches, and readers check the definition itself, so no
/// interleaving of two changes to a session can leave a day of its current window without its row.
/// </summary>
public sealed class SessionDayIndex(PipelineTables tables)
{
    /// <summary>A partition no day can have: its one row says every session registered before the index existed is in it.</summary>
    private const string MarkerPartition = "index";
    private const string CompleteMarker = "complete";

    /// <summary>At most three days: a window is at most 24 h plus its lead-in and tail.</summary>
    public Task AddAsync(string sessionId, SessionDefinition definition, CancellationToken cancellationToken) =>
        Task.WhenAll(Days(definition.WindowStart, definition.WindowEnd).Select(day =>
            tables.SessionDays.UpsertEntityAsync(new TableEntity(day, sessionId), TableUpdateMode.Replace, cancellationToken)));

    /// <summary>The ids of sessions whose window may hold one of <paramref name="instants"/>: one query per distinct day.</summary>
    public async Task<IReadOnlySet<string>> SessionsTouchingAsync(IEnumerable<DateTimeOffset> instants, CancellationToken cancellationToken)
    {
        var perDay = await Task.WhenAll(instants.Select(Day).Distinct(StringComparer.Ordinal).Select(async day =>
        {
            var ids = new List<string>();
            await foreach (var row in tables.SessionDays.QueryAsync<TableEntity>(e => e.PartitionKey == day, select: ["RowKey"], cancellationToken: cancellationToken))
            {
                ids.Add(row.RowKey);
            }
            return ids;
        }));
        return perDay.SelectMany(ids => ids).ToHashSet(StringComparer.Ordinal);
    }

    public async Task<bool> IsCompleteAsync(CancellationToken cancellationToken) =>
        (await tables.SessionDays.GetEntityIfExistsAsync<TableEntity>(MarkerPartition, CompleteMarker, select: ["RowKey"], cancellationToken: cancellationToken)).HasValue;

    public Task MarkCompleteAsync(CancellationToken cancellationToken) =>
        tables.SessionDays.UpsertEntityAsync(new TableEntity(MarkerPartition, CompleteMarker), TableUpdateMode.Replace, cancellationToken);

    private static string Day(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static IEnumerable<string> Days(DateTimeOffset from, DateTimeOffset to)
    {
        for (var day = from.UtcDateTime.Date; day <= to.UtcDateTime; day = day.AddDays(1))
        {
            yield return Day(day);
        }
    }
}
