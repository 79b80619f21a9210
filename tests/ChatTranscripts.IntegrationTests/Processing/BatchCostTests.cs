using ChatTranscripts.IntegrationTests.Resilience;
using ChatTranscripts.Pipeline.Adapters.Tables;
using ChatTranscripts.Pipeline.Application;
using ChatTranscripts.Pipeline.Application.Queueing;
using ChatTranscripts.Pipeline.Core;
using ChatTranscripts.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatTranscripts.IntegrationTests.Processing;

/// <summary>
/// What a batch costs follows the batch, not the history: with 1,000 past sessions and 100,000 tombstones a batch makes
/// exactly the storage requests it makes with one of each, and reads as many bytes.
/// </summary>
public sealed class BatchCostTests(AzuriteFixture azurite)
{
    private const int PastSessions = 1_000;
    private const int Tombstones = 100_000;

    /// <summary>
    /// The baseline's history: one past session and one tombstone, so both runs have a deletions filter to consult
    /// (the first deletion ever creates it, a cost paid once, not per batch).
    /// </summary>
    private const int LittleHistory = 1;

    /// <summary>The chat's posts, a reply, an edit and the deletion of a post stored by an earlier batch.</summary>
    private static readonly PipelineMessage[] Batch =
    [
        FaultyPipeline.Post("11", "Q2: and then? #bmcmed", 20, handle: "BMCMedicine"),
        FaultyPipeline.Post("12", "A2: we listen #bmcmed", 21, replyTo: "11"),
        FaultyPipeline.Post("13", "@someone how?", 22, handle: "student", replyTo: "12"),
        FaultyPipeline.Post("2", "A1: corrected #bmcmed", 6, editedMinute: 23),
        FaultyPipeline.Deletion("3"),
    ];

    [Fact]
    public async Task A_batch_makes_the_same_requests_with_a_thousand_past_sessions_and_a_hundred_thousand_tombstones_as_with_one_of_each()
    {
        var littleHistory = await RequestsOfBatchAsync(LittleHistory, LittleHistory);
        var withHistory = await RequestsOfBatchAsync(PastSessions, Tombstones);

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"Requests per batch: {string.Join(", ", withHistory.Requests.Select(r => $"{r.Key} {r.Value}"))}; read {littleHistory.ReadBytes} B with one of each, {withHistory.ReadBytes} B with it.");
        Assert.Equal(littleHistory.Requests, withHistory.Requests);
        Assert.Contains(withHistory.Requests.Keys, k => k.StartsWith("GET Deletions", StringComparison.Ordinal));
        // Table names carry each run's own prefix, which the answers repeat: a few bytes each, never a page of rows.
        var slack = 16L * withHistory.Requests.Values.Sum();
        Assert.True(
            Math.Abs(withHistory.ReadBytes - littleHistory.ReadBytes) <= slack,
            $"The batch read {withHistory.ReadBytes} bytes after the history, {littleHistory.ReadBytes} with one of each.");
    }

    private async Task<(SortedDictionary<string, int> Requests, long ReadBytes)> RequestsOfBatchAsync(int pastSessions, int tombstones)
    {
        await using var pipeline = FaultyPipeline.Create(azurite);
        await pipeline.DefineAsync("cost-chat");
        await pipeline.Processor.ProcessAsync(
        [
            FaultyPipeline.Post("1", "Q1: what helps? #bmcmed", 5, handle: "BMCMedicine"),
            FaultyPipeline.Post("2", "A1: corected #bmcmed", 6, replyTo: "1"),
            FaultyPipeline.Post("3", "A1: regretted #bmcmed", 7),
        ], CancellationToken.None);
        await AddPastSessionsAsync(pipeline, pastSessions);
        await AddTombstonesAsync(pipeline, tombstones);

        pipeline.Faults.Reset();
        await pipeline.Processor.ProcessAsync(Batch, CancellationToken.None);

        Assert.Equal(["twitter:1", "twitter:11", "twitter:12", "twitter:13", "twitter:2"], (await pipeline.StateAsync("cost-chat")).Posts.Select(p => p.Split('|')[0]).Order(StringComparer.Ordinal));
        var operations = pipeline.Faults.Completed.ToList();
        var requests = new SortedDictionary<string, int>(
            operations.GroupBy(op => $"{op.Method} {TableOf(op.Path, pipeline.TablePrefix)}").ToDictionary(g => g.Key, g => g.Count()),
            StringComparer.Ordinal);
        return (requests, operations.Where(op => op.Method == "GET").Sum(op => op.ResponseBytes));
    }

    /// <summary>Sessions on the days before the chat, each a chat like it.</summary>
    private static async Task AddPastSessionsAsync(FaultyPipeline pipeline, int count)
    {
        var sessions = pipeline.Services.GetRequiredService<SessionStore>();
        await BoundedParallel.SelectAsync(Enumerable.Range(1, count), async (day, ct) => await sessions.SaveDefinitionAsync($"past-{day}", new SessionDefinition
        {
            Title = $"Past chat {day}",
            Hashtags = ["bmcmed"],
            StartsAt = FaultyPipeline.Start.AddDays(-day),
            EndsAt = FaultyPipeline.Start.AddDays(-day).AddHours(1),
        }, ct), CancellationToken.None);
    }

    /// <summary>Tombstones of posts on the chat's own platform, in ten deletions at once when there are many.</summary>
    private static async Task AddTombstonesAsync(FaultyPipeline pipeline, int count)
    {
        var deletions = pipeline.Services.GetRequiredService<DeletionStore>();
        var slices = Math.Min(10, count);
        await Task.WhenAll(Enumerable.Range(0, slices).Select(slice => deletions.AddAsync(
            Enumerable.Range(slice * (count / slices), count / slices).Select(i => new PostKey("twitter", $"deleted-{i}")), CancellationToken.None)));
    }

    /// <summary>"/devstoreaccount1/{prefix}Deletions(PartitionKey='twitter',RowKey='3')" → "Deletions".</summary>
    private static string TableOf(string path, string prefix)
    {
        var name = path[(path.IndexOf(prefix, StringComparison.Ordinal) + prefix.Length)..];
        var end = name.IndexOfAny(['(', '/']);
        return end < 0 ? name : name[..end];
    }
}
