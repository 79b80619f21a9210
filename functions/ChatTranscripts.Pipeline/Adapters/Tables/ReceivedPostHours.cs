using Azure.Data.Tables;
using ChatTranscripts.Pipeline.Application.Ports;
using ChatTranscripts.Pipeline.Core;

namespace ChatTranscripts.Pipeline.Adapters.Tables;

/// <summary>
/// Where the received versions of each post are stored: partition = platform, one row <c>{id}@{hour}</c> per hour
/// partition of ReceivedPosts that holds a version (an edit that moved <c>createdAt</c> to another hour leaves one in
/// each). A deletion finds them all with one range query. Rows hold no content, only the version's creation time.
/// </summary>
public sealed class ReceivedPostHours(PipelineTables tables) : IReceivedPostHours
{
    private const char Separator = '@';
    private const string CreatedAtColumn = "CreatedAt";

    /// <summary>Written before the versions themselves, so no stored version is ever missing its row.</summary>
    public Task RecordAsync(IEnumerable<CanonicalPost> posts, CancellationToken cancellationToken) =>
        TableBatches.SubmitAsync(tables.ReceivedPostHours, posts.Select(post => new TableTransactionAction(
            TableTransactionActionType.UpsertReplace,
            new TableEntity(TableKeys.Escape(post.Platform), RowPrefix(post.Key) + TableKeys.HourBucket(post.CreatedAt))
            {
                [CreatedAtColumn] = post.CreatedAt,
            })), cancellationToken);

    /// <summary>The creation time of each stored version of the post, one per hour partition.</summary>
    public async Task<IReadOnlyList<DateTimeOffset>> VersionsOfAsync(PostKey key, CancellationToken cancellationToken)
    {
        var prefix = RowPrefix(key);
        var partition = TableKeys.Escape(key.Platform);
        var end = prefix[..^1] + (char)(Separator + 1);
        var hourLength = TableKeys.HourBucket(DateTimeOffset.UnixEpoch).Length;
        var versions = new List<DateTimeOffset>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {prefix} and RowKey lt {end}");
        await foreach (var row in tables.ReceivedPostHours.QueryAsync<TableEntity>(filter, select: ["RowKey", CreatedAtColumn], cancellationToken: cancellationToken))
        {
            // The range also holds longer ids that start with this one and '@'; only "{id}@" + an hour is this post.
            if (row.RowKey.Length == prefix.Length + hourLength && row.GetDateTimeOffset(CreatedAtColumn) is { } createdAt)
            {
                versions.Add(createdAt);
            }
        }
        return versions;
    }

    private static string RowPrefix(PostKey key) => TableKeys.Escape(key.Id) + Separator;
}
