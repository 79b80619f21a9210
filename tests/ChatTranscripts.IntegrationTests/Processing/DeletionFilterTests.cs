using Azure.Data.Tables;
using ChatTranscripts.IntegrationTests.Resilience;
using ChatTranscripts.Pipeline.Adapters.Tables;
using ChatTranscripts.Pipeline.Core;
using ChatTranscripts.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatTranscripts.IntegrationTests.Processing;

/// <summary>
/// The deletions filter lets a batch skip the tombstone lookups of posts never deleted; these tests hold that it never
/// lets a deleted post through: across processors, across segments, and for tombstones written before it existed.
/// </summary>
public sealed class DeletionFilterTests(AzuriteFixture azurite)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_processor_finds_deletions_another_made_after_it_had_read_the_filter()
    {
        var (first, second) = TwoProcessors();
        await using var _ = first;
        await using var __ = second;
        await first.GetRequiredService<PipelineTables>().EnsureCreatedAsync(None);
        var firstDeletions = first.GetRequiredService<DeletionStore>();
        await firstDeletions.AddAsync([new PostKey("twitter", "early")], None);
        Assert.Single(await firstDeletions.DeletedAmongAsync([new PostKey("twitter", "early")], await firstDeletions.MarkAsync(None), None));

        await second.GetRequiredService<DeletionStore>().AddAsync([new PostKey("twitter", "late")], None);

        var deleted = await firstDeletions.DeletedAmongAsync(
            [new PostKey("twitter", "early"), new PostKey("twitter", "late"), new PostKey("twitter", "never")], await firstDeletions.MarkAsync(None), None);
        Assert.Equal(["twitter:early", "twitter:late"], deleted.Select(k => k.ToString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Processors_deleting_at_once_lose_none_of_each_others_deletions()
    {
        var (first, second) = TwoProcessors();
        await using var _ = first;
        await using var __ = second;
        await first.GetRequiredService<PipelineTables>().EnsureCreatedAsync(None);
        var rounds = Enumerable.Range(0, 6).Select(round => (First: Keys($"first-{round}-", 300), Second: Keys($"second-{round}-", 300))).ToList();

        await Task.WhenAll(
            Task.Run(async () =>
            {
                foreach (var round in rounds)
                {
                    await first.GetRequiredService<DeletionStore>().AddAsync(round.First, None);
                }
            }),
            Task.Run(async () =>
            {
                foreach (var round in rounds)
                {
                    await second.GetRequiredService<DeletionStore>().AddAsync(round.Second, None);
                }
            }));

        var deletedKeys = rounds.SelectMany(r => r.First.Concat(r.Second)).ToList();
        await using var third = Processor(PrefixOf(first));
        var fresh = third.GetRequiredService<DeletionStore>();
        var found = await fresh.DeletedAmongAsync([.. deletedKeys, .. Keys("never-", 3_600)], await fresh.MarkAsync(None), None);
        Assert.Equal(deletedKeys.Select(k => k.ToString()).Order(StringComparer.Ordinal), found.Select(k => k.ToString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Deletions_in_every_segment_of_a_filter_over_several_are_found()
    {
        await using var services = PipelineServices.Create(azurite);
        await services.GetRequiredService<PipelineTables>().EnsureCreatedAsync(None);
        var deletions = services.GetRequiredService<DeletionStore>();
        var deletedKeys = Keys("deleted-", TombstoneFilter.Capacity + 1_000);
        await deletions.AddAsync(deletedKeys, None);

        await using var other = Processor(PrefixOf(services));
        var fresh = other.GetRequiredService<DeletionStore>();
        var sample = deletedKeys.Where((_, i) => i % 97 == 0).Append(deletedKeys[^1]).ToList();
        var found = await fresh.DeletedAmongAsync([.. sample, .. Keys("never-", 2_000)], await fresh.MarkAsync(None), None);

        Assert.Equal(sample.Select(k => k.ToString()).Order(StringComparer.Ordinal), found.Select(k => k.ToString()).Order(StringComparer.Ordinal));
        var segments = await services.GetRequiredService<PipelineTables>().Deletions
            .QueryAsync<TableEntity>(e => e.PartitionKey == TombstoneFilterSegments.Partition, cancellationToken: None).ToListAsync(None);
        Assert.Equal(2, segments.Count);
    }

    [Fact]
    public async Task Tombstones_written_before_the_filter_existed_still_delete_their_posts()
    {
        await using var services = PipelineServices.Create(azurite);
        var tables = services.GetRequiredService<PipelineTables>();
        await tables.EnsureCreatedAsync(None);
        // Rows as the processor wrote them before the filter: a tombstone per post, then the mark.
        foreach (var id in new[] { "old-1", "old/2" })
        {
            await tables.Deletions.AddEntityAsync(new TableEntity("twitter", TableKeys.Escape(id))
            {
                ["Platform"] = "twitter",
                ["PostId"] = id,
                ["DeletedAt"] = FaultyPipeline.Start,
            }, None);
        }
        await tables.Deletions.UpsertEntityAsync(new TableEntity("~mark", "last") { ["DeletedAt"] = FaultyPipeline.Start }, TableUpdateMode.Replace, None);
        await using (var session = FaultyPipeline.Create(azurite, new Dictionary<string, string?> { ["Storage:TablePrefix"] = PrefixOf(services) }))
        {
            await session.DefineAsync("legacy-chat");
            await session.Processor.ProcessAsync(
            [
                FaultyPipeline.Post("old-1", "A1: deleted long ago #bmcmed", 5),
                FaultyPipeline.Post("old/2", "A1: this one too #bmcmed", 6),
                FaultyPipeline.Post("new-3", "A1: still here #bmcmed", 7),
            ], None);

            Assert.Equal(["twitter:new-3"], (await session.StateAsync("legacy-chat")).Posts.Select(p => p.Split('|')[0]));
        }
    }

    private (ServiceProvider First, ServiceProvider Second) TwoProcessors()
    {
        var prefix = azurite.UniquePrefix();
        return (Processor(prefix), Processor(prefix));
    }

    private ServiceProvider Processor(string tablePrefix) =>
        PipelineServices.Create(azurite, new Dictionary<string, string?> { ["Storage:TablePrefix"] = tablePrefix });

    private static string PrefixOf(ServiceProvider services) => services.GetRequiredService<IConfiguration>()["Storage:TablePrefix"]!;

    private static List<PostKey> Keys(string prefix, int count) =>
        [.. Enumerable.Range(0, count).Select(i => new PostKey("twitter", $"{prefix}{i}"))];
}
