using Azure.Data.Tables;

namespace ChatTranscripts.LoadTool.Storage;

/// <summary>
/// The "all stored exactly once" check: reads a session's partition of the Posts table straight from storage and
/// compares it with the posts that were sent. Row keys are unique within a partition, so "exactly once" means the
/// same set of keys, no two rows carrying the same post id, and every edited post at the version that was sent last.
/// </summary>
public static class StoredPostsCheck
{
    /// <summary>The columns the check reads; the rest of each row stays on the server.</summary>
    private static readonly string[] Columns = ["RowKey", "Platform", "PostId", "EditedAt"];

    public static async Task<StoredPostsReport> RunAsync(
        TableClient posts, string sessionId, IReadOnlyCollection<ExpectedPost> expected, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(posts);
        ArgumentNullException.ThrowIfNull(expected);
        var wanted = expected.ToDictionary(p => p.RowKey, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var ids = new HashSet<(string?, string?)>();
        var extra = new List<string>();
        var stale = new List<string>();
        var rows = 0;
        await foreach (var row in posts.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {sessionId}"), select: Columns, cancellationToken: cancellationToken))
        {
            rows++;
            seen.Add(row.RowKey);
            ids.Add((row.GetString("Platform"), row.GetString("PostId")));
            if (!wanted.TryGetValue(row.RowKey, out var post))
            {
                extra.Add(row.RowKey);
            }
            else if (post.EditedAt is { } editedAt && row.GetDateTimeOffset("EditedAt") != editedAt)
            {
                stale.Add(row.RowKey);
            }
        }
        var missing = wanted.Keys.Where(k => !seen.Contains(k)).ToList();
        return new StoredPostsReport(wanted.Count, rows, ids.Count, missing, extra, stale);
    }
}
