using System.Security.Cryptography;
using System.Text;
using ChatTranscripts.Pipeline.Application.Ingest;
using ChatTranscripts.Pipeline.Application.Queueing;
using ChatTranscripts.Pipeline.Core;

namespace ChatTranscripts.IntegrationTests.Queueing;

public sealed class MessageIdsTests
{
    private static readonly CanonicalPost Post = new()
    {
        Platform = "twitter",
        Id = "1",
        Author = new PostAuthor("someone", null),
        Text = "A1: hello #bmcmed",
        CreatedAt = new DateTimeOffset(2012, 8, 6, 12, 4, 0, TimeSpan.Zero),
    };

    [Fact]
    public void A_signed_delivery_is_known_by_its_route_and_webhook_id_whatever_it_holds()
    {
        var first = PipelineMessage.ForDelivery(DeliverySources.Posts, "msg_2Lh9", [Post], []);
        var retry = PipelineMessage.ForDelivery(DeliverySources.Posts, "msg_2Lh9", [Post], []);

        Assert.Equal("posts:msg_2Lh9", first.MessageId);
        Assert.Equal(first.MessageId, retry.MessageId);
        Assert.NotEqual(first.MessageId, PipelineMessage.ForDelivery(DeliverySources.Deletions, "msg_2Lh9", [], [new PostDeletion(Post.Platform, Post.Id)]).MessageId);
    }

    [Fact]
    public void A_delivery_without_a_webhook_id_is_known_by_the_hash_of_its_canonical_content()
    {
        var first = PipelineMessage.ForDelivery(DeliverySources.X, null, [Post], []);

        Assert.Equal($"x:sha256:{Convert.ToHexStringLower(SHA256.HashData(first.Body.ToMemory().Span))}", first.MessageId);
        Assert.Equal(first.MessageId, PipelineMessage.ForDelivery(DeliverySources.X, null, [Post], []).MessageId);
        Assert.NotEqual(first.MessageId, PipelineMessage.ForDelivery(DeliverySources.X, null, [Post with { EditedAt = Post.CreatedAt.AddMinutes(1) }], []).MessageId);
        Assert.NotEqual(first.MessageId, PipelineMessage.ForDelivery(DeliverySources.Mastodon, null, [Post], []).MessageId);
        Assert.InRange(first.MessageId.Length, 1, MessageIds.MaxLength);
    }

    [Fact]
    public void A_webhook_id_of_exactly_the_brokers_limit_is_kept_readable()
    {
        var id = new string('x', MessageIds.MaxLength - "posts:".Length);

        Assert.Equal("posts:" + id, MessageIds.ForDelivery(DeliverySources.Posts, id, BinaryData.FromString("{}")));
    }

    [Fact]
    public void A_longer_webhook_id_is_hashed_to_fit_the_brokers_limit_the_same_way_every_time()
    {
        var id = new string('y', MessageIds.MaxLength);

        var hashed = MessageIds.ForDelivery(DeliverySources.Bluesky, id, BinaryData.FromString("{}"));

        Assert.Equal("sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("bluesky:" + id))), hashed);
        Assert.Equal(hashed, MessageIds.ForDelivery(DeliverySources.Bluesky, id, BinaryData.FromString("[]")));
    }
}
