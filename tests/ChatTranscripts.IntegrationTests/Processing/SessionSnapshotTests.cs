using ChatTranscripts.IntegrationTests.Resilience;
using ChatTranscripts.Pipeline.Adapters.Tables;
using ChatTranscripts.Pipeline.Application.Ports;
using ChatTranscripts.Pipeline.Application.Processing;
using ChatTranscripts.Pipeline.Application.Queueing;
using ChatTranscripts.Pipeline.Core;
using ChatTranscripts.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatTranscripts.IntegrationTests.Processing;

/// <summary>
/// The processor routes from snapshots it keeps between batches. The reference is the same processor reading every
/// session afresh before every batch (its snapshots cleared): a full recompute from storage, which is correct by
/// construction. Both must store exactly the same rows and content versions after every batch.
/// </summary>
public sealed class SessionSnapshotTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Start = FaultyPipeline.Start;
    private static readonly string[] Sessions = ["snap-chat", "snap-other"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Routing_from_snapshots_stores_what_a_full_recompute_stores_after_every_batch(int seed)
    {
        var steps = GeneratedChat.Steps(seed);
        await using var kept = FaultyPipeline.Create(azurite);
        await using var fresh = FaultyPipeline.Create(azurite);

        foreach (var step in steps)
        {
            await step.ApplyAsync(kept, clearSnapshots: false);
            await step.ApplyAsync(fresh, clearSnapshots: true);
            if (step.Batch is null)
            {
                continue; // A definition saved but not yet routed carries a random content version.
            }
            foreach (var session in Sessions)
            {
                Assert.Equal(await fresh.RowsAsync(session), await kept.RowsAsync(session));
                Assert.Equal((await RecordAsync(fresh, session)).ContentVersion, (await RecordAsync(kept, session)).ContentVersion);
            }
        }
        Assert.True((await RecordAsync(kept, "snap-chat")).PostCount > 20, "The generated chat should put a good part of its posts in the session.");
        Assert.True(kept.Services.GetRequiredService<SessionSnapshots>().Count > 0, "The processor should have kept its snapshots.");
    }

    [Fact]
    public async Task Two_processors_taking_turns_on_the_same_storage_store_what_one_does()
    {
        var steps = GeneratedChat.Steps(seed: 4);
        await using var reference = FaultyPipeline.Create(azurite);
        await using var first = FaultyPipeline.Create(azurite);
        await using var second = FaultyPipeline.Create(azurite, new Dictionary<string, string?> { ["Storage:TablePrefix"] = first.TablePrefix });

        var random = new Random(4);
        foreach (var step in steps)
        {
            await step.ApplyAsync(reference, clearSnapshots: true);
            await step.ApplyAsync(random.Next(2) == 0 ? first : second, clearSnapshots: false);
        }
        foreach (var session in Sessions)
        {
            Assert.Equal(await reference.RowsAsync(session), await first.RowsAsync(session));
            Assert.Equal((await RecordAsync(reference, session)).ContentVersion, (await RecordAsync(first, session)).ContentVersion);
        }
    }

    [Fact]
    public async Task A_snapshot_overtaken_by_another_writer_is_read_again_before_its_changes_are_recorded()
    {
        await using var reference = FaultyPipeline.Create(azurite);
        await using var first = FaultyPipeline.Create(azurite);
        await using var second = FaultyPipeline.Create(azurite, new Dictionary<string, string?> { ["Storage:TablePrefix"] = first.TablePrefix });
        await reference.DefineAsync("snap-chat");
        await first.DefineAsync("snap-chat");
        var earlier = FaultyPipeline.Post("3", "A1: hello #bmcmed", 4, handle: "nurse");
        var orphan = FaultyPipeline.Post("2", "@asker patient groups", 7, handle: "fan", replyTo: "1");
        var parent = FaultyPipeline.Post("1", "Q1: How do you use social media? #bmcmed", 5, handle: "BMCMedicine");
        await reference.Processor.ProcessAsync([earlier, orphan, parent], CancellationToken.None);
        await first.Processor.ProcessAsync([earlier], CancellationToken.None);

        // The second processor reads the session; then the first stores an orphan reply, which changes no member.
        var reconciler = second.Services.GetRequiredService<SessionReconciler>();
        var stale = await reconciler.LoadAsync((await RecordAsync(second, "snap-chat")), CancellationToken.None);
        await first.Processor.ProcessAsync([orphan], CancellationToken.None);
        // The parent reaches the second processor, whose snapshot has never seen the orphan.
        await second.Services.GetRequiredService<ReceivedPostWriter>().WriteNewerAsync(
            PostVersions.Latest(parent.Posts), parent.Posts.ToDictionary(ReceivedPostRow.Of, _ => StoredVersion.None), CancellationToken.None);
        var reconciled = await reconciler.ReconcileAsync(stale, PostVersions.Latest(parent.Posts), new HashSet<PostKey>(), CancellationToken.None);

        Assert.NotNull(reconciled);
        Assert.NotSame(stale, reconciled);
        Assert.Equal(3, reconciled.StoredRowHashes.Count);
        Assert.Equal(await reference.RowsAsync("snap-chat"), await first.RowsAsync("snap-chat"));
        Assert.Equal((await RecordAsync(reference, "snap-chat")).ContentVersion, (await RecordAsync(first, "snap-chat")).ContentVersion);
    }

    [Fact]
    public async Task With_a_snapshot_a_batch_reads_neither_the_window_nor_the_partition_of_its_session()
    {
        await using var pipeline = FaultyPipeline.Create(azurite);
        await pipeline.DefineAsync("snap-chat");
        var chat = Enumerable.Range(1, 300)
            .Select(i => FaultyPipeline.Post($"{i}", i % 3 == 0 ? $"@p{i - 1} agreed" : $"A1: point {i} #bmcmed", 5 + (i % 50), replyTo: i % 3 == 0 ? $"{i - 1}" : null))
            .ToList();
        foreach (var batch in chat.Chunk(100))
        {
            await pipeline.Processor.ProcessAsync(batch, CancellationToken.None);
        }
        PipelineMessage[] next = [FaultyPipeline.Post("301", "late point #bmcmed", 30), FaultyPipeline.Post("302", "@p301 yes", 31, replyTo: "301")];

        pipeline.Faults.Reset();
        await pipeline.Processor.ProcessAsync(next, CancellationToken.None);
        var withSnapshot = pipeline.Faults.Log.ToList();
        pipeline.Services.GetRequiredService<SessionSnapshots>().Clear();
        pipeline.Faults.Reset();
        await pipeline.Processor.ProcessAsync(next, CancellationToken.None);
        var withoutSnapshot = pipeline.Faults.Log.ToList();

        static bool QueriesWindowOrPartition(string request) =>
            request.StartsWith("GET ", StringComparison.Ordinal)
            && (request.EndsWith("ReceivedPosts()", StringComparison.Ordinal) || request.EndsWith("Posts()", StringComparison.Ordinal));
        Assert.DoesNotContain(withSnapshot, QueriesWindowOrPartition);
        Assert.Contains(withoutSnapshot, QueriesWindowOrPartition);
        Assert.Equal(302, (await RecordAsync(pipeline, "snap-chat")).PostCount);
    }

    private static async Task<SessionRecord> RecordAsync(FaultyPipeline pipeline, string sessionId) =>
        (await pipeline.Services.GetRequiredService<SessionStore>().GetAsync(sessionId, CancellationToken.None))!;

    /// <summary>One thing that happens to the pipeline: a batch processed, a definition changed, or a publish recorded.</summary>
    private sealed record Step(IReadOnlyList<PipelineMessage>? Batch = null, (string Id, SessionDefinition Definition)? Redefine = null, string? PublishedSession = null)
    {
        public async Task ApplyAsync(FaultyPipeline pipeline, bool clearSnapshots)
        {
            var sessions = pipeline.Services.GetRequiredService<SessionStore>();
            if (Redefine is { } redefine)
            {
                await pipeline.Services.GetRequiredService<PipelineTables>().EnsureCreatedAsync(CancellationToken.None);
                await sessions.SaveDefinitionAsync(redefine.Id, redefine.Definition, CancellationToken.None);
            }
            if (PublishedSession is { } published)
            {
                await sessions.RecordPublishAsync(published, new PublishRecord("v", "h", Start, 1, 1, TranscriptPhase.Live), CancellationToken.None);
            }
            if (Batch is { } batch)
            {
                if (clearSnapshots)
                {
                    pipeline.Services.GetRequiredService<SessionSnapshots>().Clear();
                }
                await pipeline.Processor.ProcessAsync(batch, CancellationToken.None);
            }
        }
    }

    /// <summary>The messages of <see cref="GeneratedPosts"/>, in batches, with a redefinition and a publish in the middle.</summary>
    private static class GeneratedChat
    {
        private const int Posts = 140;

        public static IReadOnlyList<Step> Steps(int seed)
        {
            var random = new Random(seed);
            var shuffled = GeneratedPosts.Shuffled(random, Posts);

            var steps = new List<Step>
            {
                new(Redefine: ("snap-chat", Definition("bmcmed"))),
                new(Redefine: ("snap-other", Definition("hcsm"))),
            };
            var batches = new List<IReadOnlyList<PipelineMessage>>();
            for (var at = 0; at < shuffled.Count;)
            {
                var size = Math.Min(random.Next(1, 9), shuffled.Count - at);
                batches.Add(shuffled.GetRange(at, size));
                at += size;
            }
            for (var b = 0; b < batches.Count; b++)
            {
                if (b == batches.Count / 3)
                {
                    steps.Add(new Step(PublishedSession: "snap-chat"));
                }
                if (b == batches.Count / 2)
                {
                    var wider = Definition("bmcmed") with { Hashtags = ["bmcmed", "hcsm"], Moderators = ["LeeAase"] };
                    steps.Add(new Step([PipelineMessage.SessionChanged("snap-chat")], ("snap-chat", wider)));
                }
                steps.Add(new Step(batches[b]));
            }
            return steps;
        }

        private static SessionDefinition Definition(string hashtag) => new()
        {
            Title = hashtag,
            Hashtags = [hashtag],
            StartsAt = Start,
            EndsAt = Start.AddHours(1),
            Moderators = ["BMCMedicine"],
        };
    }
}
