using ChatTranscripts.Pipeline.Queueing;

namespace ChatTranscripts.IntegrationTests.Queueing;

public sealed class MessageIdsTests
{
    [Fact]
    public void Short_ids_read_platform_id_and_version()
    {
        Assert.Equal("twitter:1", MessageIds.For("twitter", "1", null));
        Assert.Equal("twitter:1:deleted", MessageIds.For("twitter", "1", "deleted"));
    }

    [Fact]
    public void An_id_of_exactly_the_brokers_limit_is_kept_readable()
    {
        var id = new string('x', MessageIds.MaxLength - "web:".Length);

        Assert.Equal("web:" + id, MessageIds.For("web", id, null));
    }

    [Fact]
    public void Long_ids_are_hashed_to_fit_the_brokers_limit_the_same_way_every_time()
    {
        var id = new string('x', 128);

        var first = MessageIds.For("bluesky", id, "1764072000000");

        Assert.Equal(first, MessageIds.For("bluesky", id, "1764072000000"));
        Assert.Matches("^sha256:[0-9a-f]{64}$", first);
        Assert.NotEqual(first, MessageIds.For("bluesky", id, "1764072000001"));
        Assert.NotEqual(first, MessageIds.For("bluesky", id, null));
    }

    [Fact]
    public void The_hash_is_sha256_of_the_readable_id_so_other_tools_can_compute_it()
    {
        var id = new string('y', 130);

        Assert.Equal(
            "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("twitter:" + id))),
            MessageIds.For("twitter", id, null));
    }
}
