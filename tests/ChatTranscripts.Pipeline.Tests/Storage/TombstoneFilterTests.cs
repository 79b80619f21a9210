using ChatTranscripts.Pipeline.Adapters.Tables;
using ChatTranscripts.Pipeline.Core;

namespace ChatTranscripts.Pipeline.Tests.Storage;

public sealed class TombstoneFilterTests
{
    private static IEnumerable<PostKey> Keys(string prefix, int count) =>
        Enumerable.Range(0, count).Select(i => new PostKey(i % 3 == 0 ? "mastodon" : "twitter", $"{prefix}{i}"));

    [Fact]
    public void Every_key_added_is_reported_as_maybe_deleted()
    {
        var filter = new TombstoneFilter();
        var added = Keys("deleted-", TombstoneFilter.Capacity).ToList();
        foreach (var key in added)
        {
            filter.Add(key);
        }

        Assert.All(added, key => Assert.True(filter.MightContain(key), $"{key} was added but the filter rules it out."));
        Assert.True(filter.IsFull);
    }

    [Fact]
    public void A_full_segment_rules_out_at_least_99_percent_of_keys_never_added()
    {
        var filter = new TombstoneFilter();
        foreach (var key in Keys("deleted-", TombstoneFilter.Capacity))
        {
            filter.Add(key);
        }

        var falsePositives = Keys("live-", 100_000).Count(filter.MightContain);

        Assert.True(falsePositives < 1_000, $"{falsePositives} of 100,000 keys never added were reported as maybe deleted.");
    }

    [Fact]
    public void The_same_key_is_the_same_on_another_platform_only_when_platform_and_id_match()
    {
        var filter = new TombstoneFilter();
        filter.Add(new PostKey("twitter", "42"));

        Assert.True(filter.MightContain(new PostKey("twitter", "42")));
        Assert.False(filter.MightContain(new PostKey("mastodon", "42")));
        Assert.False(filter.MightContain(new PostKey("twitter", "420")));
    }

    [Fact]
    public void A_segment_read_back_from_its_bytes_answers_as_it_did_and_two_writers_set_the_same_bits()
    {
        var first = new TombstoneFilter();
        var second = new TombstoneFilter();
        foreach (var key in Keys("deleted-", 500))
        {
            first.Add(key);
            second.Add(key);
        }

        var restored = TombstoneFilter.FromBytes(first.ToBytes(), first.Count);

        Assert.Equal(first.ToBytes(), second.ToBytes());
        Assert.Equal(500, restored.Count);
        Assert.All(Keys("deleted-", 500), key => Assert.True(restored.MightContain(key)));
        Assert.Equal(Keys("live-", 2_000).Select(first.MightContain), Keys("live-", 2_000).Select(restored.MightContain));
    }

    [Fact]
    public void Bytes_of_another_size_are_refused()
    {
        Assert.Throws<InvalidDataException>(() => TombstoneFilter.FromBytes(new byte[TombstoneFilter.Bytes - 1], 0));
    }
}
