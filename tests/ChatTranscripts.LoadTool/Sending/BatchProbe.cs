using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using ChatTranscripts.LoadTool.Generation;
using ChatTranscripts.LoadTool.Reporting;
using ChatTranscripts.Pipeline.Adapters.Tables;

namespace ChatTranscripts.LoadTool.Sending;

/// <summary>
/// What one batch costs at the session's size: once the load is stored, sends deliveries of new posts one at a time,
/// each only after the one before is stored, and times each from the start of its request to the poll that finds it in
/// the session's partition (from the start, not the 202: a host that queues a delivery's posts one by one may have
/// stored them before it answers). The pipeline stores a delivery's posts in one transaction of the session's partition, so one point read of
/// its first post finds them all. A run with <c>--posts 1000</c> and one with <c>--posts 100000</c> then show how the
/// cost of a batch follows the size of the session.
/// </summary>
internal sealed class BatchProbe(SignedPostSender sender, TableClient posts, LoadChat chat, int batchSize)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan PatiencePerProbe = TimeSpan.FromMinutes(2);

    public async Task<LatencySummary> RunAsync(int probes, CancellationToken cancellationToken)
    {
        var times = new List<TimeSpan>(probes);
        var hashtag = "#" + chat.Session.Hashtags[0].TrimStart('#');
        for (var probe = 0; probe < probes; probe++)
        {
            var now = DateTimeOffset.UtcNow;
            var delivery = Enumerable.Range(0, batchSize).Select(i => new WirePost(
                "twitter",
                $"{chat.SessionId}-probe-{probe}-{i}",
                new WireAuthor("probe", "Probe"),
                $"A1: probe {probe}.{i} {hashtag}",
                now.AddSeconds(-i).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture))).ToArray();
            var sent = Stopwatch.GetTimestamp();
            var result = await sender.SendJsonAsync(delivery, cancellationToken);
            if (!result.IsSuccess)
            {
                throw new InvalidOperationException($"Probe {probe + 1} of {probes} failed: {result}");
            }
            var rowKey = TableKeys.Escape($"twitter:{delivery[0].Id}");
            while (!(await posts.GetEntityIfExistsAsync<TableEntity>(chat.SessionId, rowKey, select: ["RowKey"], cancellationToken: cancellationToken)).HasValue)
            {
                if (Stopwatch.GetElapsedTime(sent) > PatiencePerProbe)
                {
                    throw new TimeoutException($"Probe {probe + 1} of {probes} was not stored within {PatiencePerProbe}.");
                }
                await Task.Delay(PollInterval, cancellationToken);
            }
            times.Add(Stopwatch.GetElapsedTime(sent));
        }
        return LatencySummary.Of(times);
    }
}
