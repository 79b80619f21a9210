using System.Diagnostics;
using ChatTranscripts.IntegrationTests.Resilience;
using ChatTranscripts.Pipeline.Adapters.Tables;
using ChatTranscripts.Pipeline.Application.Ports;
using ChatTranscripts.Pipeline.Application.Queueing;
using ChatTranscripts.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatTranscripts.IntegrationTests.Processing;

/// <summary>
/// More than one processor at once, as several Functions instances (or the Service Bus trigger) will run them: two
/// drainers with processors of their own on the same tables and queue must end in the state one processor reaches.
/// </summary>
public sealed class ConcurrentProcessorsTests(AzuriteFixture azurite)
{
    private static readonly string[] Sessions = ["snap-chat", "snap-other"];

    /// <summary>A bound for a hung test, not a timing: the drain takes seconds.</summary>
    private static readonly TimeSpan DrainLimit = TimeSpan.FromMinutes(5);

    private int _settled;

    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    public async Task Two_processors_draining_one_queue_at_once_end_in_the_state_of_one(int seed)
    {
        var random = new Random(seed);
        var deliveries = Deliveries(random, GeneratedPosts.Shuffled(random, 200));
        await using var reference = FaultyPipeline.Create(azurite);
        // Small batches, so that the two interleave often; conflicts are retried, never dead-lettered.
        var shared = new Dictionary<string, string?> { ["Queue:BatchSize"] = "3", ["Queue:MaxDeliveryCount"] = "50" };
        await using var first = FaultyPipeline.Create(azurite, shared);
        await using var second = FaultyPipeline.Create(azurite, new Dictionary<string, string?>(shared)
        {
            ["Storage:TablePrefix"] = first.TablePrefix,
            ["Queue:Name"] = first.Services.GetRequiredService<IConfiguration>()["Queue:Name"],
        });
        foreach (var pipeline in new[] { reference, first })
        {
            await pipeline.DefineAsync("snap-chat", "bmcmed");
            await pipeline.DefineAsync("snap-other", "hcsm");
        }
        foreach (var delivery in deliveries)
        {
            await reference.Processor.ProcessAsync([delivery], CancellationToken.None);
        }
        var queue = first.Services.GetRequiredService<IPostQueue>();
        await Parallel.ForEachAsync(
            deliveries.Select((delivery, i) => new OutgoingMessage($"delivery-{i}", BinaryData.FromObjectAsJson(delivery, Pipeline.Core.PipelineJson.Options))),
            async (message, ct) => await queue.SendAsync(message, ct));

        var drained = await Task.WhenAll(DrainAsync(first, deliveries.Count), DrainAsync(second, deliveries.Count));

        Assert.All(drained, d => Assert.Equal(0, d.DeadLettered));
        Assert.All(drained, d => Assert.True(d.Processed > 0, "Both processors should have taken part."));
        Assert.Equal(deliveries.Count, drained.Sum(d => d.Processed));
        foreach (var session in Sessions)
        {
            var (expected, actual) = (await reference.StateAsync(session), await first.StateAsync(session));
            Assert.Equal(expected.Posts, actual.Posts);
            Assert.Equal(expected.Version, actual.Version);
            Assert.Equal(await reference.RowsAsync(session), await first.RowsAsync(session));
        }
        Assert.True((await reference.StateAsync("snap-chat")).Posts.Count > 30, "The generated chat should put a good part of its posts in the session.");
    }

    [Fact]
    public async Task A_deletion_processed_elsewhere_while_a_post_is_being_stored_leaves_nothing_of_the_post()
    {
        await using var storing = FaultyPipeline.Create(azurite);
        await using var deleting = FaultyPipeline.Create(azurite, new Dictionary<string, string?> { ["Storage:TablePrefix"] = storing.TablePrefix });
        await storing.DefineAsync("snap-chat");
        var post = FaultyPipeline.Post("1", "A1: about to be deleted #bmcmed", 5);
        // The storing processor has found no tombstone and is about to write its first batch transaction when the
        // deletion is processed, from start to end, by the other: there is nothing stored yet for it to remove.
        storing.Faults.Before(
            message => message.Request.Uri.Path.EndsWith("$batch", StringComparison.Ordinal),
            () => deleting.Processor.ProcessAsync([FaultyPipeline.Deletion("1")], CancellationToken.None));

        await storing.Processor.ProcessAsync([post], CancellationToken.None);

        Assert.Empty((await storing.StateAsync("snap-chat")).Posts);
        Assert.Empty(await storing.Services.GetRequiredService<ReceivedPostStore>().GetAsync(post.Posts, CancellationToken.None));
        Assert.Contains(storing.Faults.Log, request => request.StartsWith("DELETE ", StringComparison.Ordinal) && request.Contains("ReceivedPosts(", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_processor_holding_an_older_version_never_stores_it_over_a_newer_one_stored_meanwhile()
    {
        await using var older = FaultyPipeline.Create(azurite);
        await using var newer = FaultyPipeline.Create(azurite, new Dictionary<string, string?> { ["Storage:TablePrefix"] = older.TablePrefix });
        await older.DefineAsync("snap-chat");
        var original = FaultyPipeline.Post("1", "A1: answr #bmcmed", 5);
        var edit = FaultyPipeline.Post("1", "A1: answer #bmcmed", 5, editedMinute: 8);
        // Both find no row for the post; the edit is stored while the original's processor is about to write.
        older.Faults.Before(
            message => message.Request.Uri.Path.EndsWith("$batch", StringComparison.Ordinal),
            () => newer.Processor.ProcessAsync([edit], CancellationToken.None));

        await older.Processor.ProcessAsync([original], CancellationToken.None);

        var stored = Assert.Single(await older.Services.GetRequiredService<ReceivedPostStore>().GetAsync(edit.Posts, CancellationToken.None));
        Assert.Equal(edit.Posts[0], stored.Value.Post);
        Assert.Equal(["twitter:1|A1: answer #bmcmed|twitter:1"], (await older.StateAsync("snap-chat")).Posts);
        Assert.Contains(older.Logs.GetSnapshot(), r => r.Message.StartsWith("Received posts changed under the processor (409", StringComparison.Ordinal));
    }

    /// <summary>
    /// Each hour keeps the latest version created in it, and the session shows the latest version created in its window,
    /// whether the versions come apart, in reverse, or together in one batch, and whether the processor routes the session
    /// from what it kept or from storage.
    /// </summary>
    [Theory]
    // The window ends at 14:00: the edit moves the post from 13:55 to 15:00, another hour; the session keeps the original.
    [InlineData(115, 180, new[] { "A1: edited out #bmcmed", "A1: edited out #bmcmed (moved)" }, "A1: edited out #bmcmed")]
    // The window starts at 11:45: the edit moves the post from 11:50 to 11:40, within the hour, so it replaces the original.
    [InlineData(-10, -20, new[] { "A1: edited out #bmcmed (moved)" }, null)]
    public async Task A_post_and_its_edit_out_of_the_window_end_in_one_state_however_they_arrive(
        int originalMinute, int movedMinute, string[] received, string? shown)
    {
        var original = FaultyPipeline.Post("1", "A1: edited out #bmcmed", originalMinute);
        var moved = FaultyPipeline.Post("1", "A1: edited out #bmcmed (moved)", movedMinute, editedMinute: 185);
        await using var apart = FaultyPipeline.Create(azurite);
        await using var reversed = FaultyPipeline.Create(azurite);
        await using var together = FaultyPipeline.Create(azurite);
        foreach (var pipeline in new[] { apart, reversed, together })
        {
            await pipeline.DefineAsync("snap-chat");
        }

        await apart.Processor.ProcessAsync([original], CancellationToken.None);
        await apart.Processor.ProcessAsync([moved], CancellationToken.None);
        await reversed.Processor.ProcessAsync([moved], CancellationToken.None);
        await reversed.Processor.ProcessAsync([original], CancellationToken.None);
        // Two deliveries in one batch, as a drainer takes them from the queue.
        await together.Processor.ProcessAsync([original, moved], CancellationToken.None);

        string[] expected = shown is null ? [] : [$"twitter:1|{shown}|twitter:1"];
        foreach (var pipeline in new[] { apart, reversed, together })
        {
            Assert.Equal(expected, (await pipeline.StateAsync("snap-chat")).Posts);
            Assert.Equal(received, await ReceivedTextsAsync(pipeline, original, moved));
            var kept = await pipeline.RowsAsync("snap-chat");
            // Another processor routes the session again from storage alone, and changes nothing.
            await using var fresh = FaultyPipeline.Create(azurite, new Dictionary<string, string?> { ["Storage:TablePrefix"] = pipeline.TablePrefix });
            await fresh.Processor.ProcessAsync([PipelineMessage.SessionChanged("snap-chat")], CancellationToken.None);
            Assert.Equal(kept, await pipeline.RowsAsync("snap-chat"));
        }
    }

    /// <summary>The text of the version each delivery's row of ReceivedPosts holds.</summary>
    private static async Task<IReadOnlyList<string>> ReceivedTextsAsync(FaultyPipeline pipeline, params PipelineMessage[] deliveries) =>
        (await pipeline.Services.GetRequiredService<ReceivedPostStore>().GetAsync(deliveries.SelectMany(d => d.Posts).DistinctBy(ReceivedPostRow.Of), CancellationToken.None))
            .Values.Select(version => version.Post!.Text).Order(StringComparer.Ordinal).ToList();

    /// <summary>The generated posts and deletions put together into deliveries of 1 to 12, as webhooks send them.</summary>
    private static List<PipelineMessage> Deliveries(Random random, List<PipelineMessage> items)
    {
        var deliveries = new List<PipelineMessage>();
        for (var at = 0; at < items.Count;)
        {
            var size = Math.Min(random.Next(1, 13), items.Count - at);
            var group = items.GetRange(at, size);
            deliveries.Add(PipelineMessage.Delivery([.. group.SelectMany(m => m.Posts)], [.. group.SelectMany(m => m.Deletions)]));
            at += size;
        }
        return deliveries;
    }

    /// <summary>Drains until every delivery has been settled, by this processor or the other.</summary>
    private async Task<DrainResult> DrainAsync(FaultyPipeline pipeline, int total)
    {
        var drainer = pipeline.Services.GetRequiredService<QueueDrainer>();
        var handler = pipeline.Services.GetRequiredService<IQueueBatchHandler>();
        var mine = DrainResult.Empty;
        var started = Stopwatch.GetTimestamp();
        while (Volatile.Read(ref _settled) < total)
        {
            if (Stopwatch.GetElapsedTime(started) > DrainLimit)
            {
                throw new TimeoutException($"{Volatile.Read(ref _settled)} of {total} deliveries settled after {DrainLimit}; this processor: {mine}.");
            }
            var result = await drainer.DrainAsync(handler, CancellationToken.None);
            Interlocked.Add(ref _settled, result.Processed + result.DeadLettered);
            mine = mine.Add(result);
            if (result.Batches == 0)
            {
                // The other holds the last messages, or an abandoned one is hidden for a while.
                await Task.Delay(50);
            }
        }
        return mine;
    }
}
