using static ChatTranscripts.Pipeline.Tests.Ingest.X.XPayloads;

namespace ChatTranscripts.Pipeline.Tests.Ingest.X;

public sealed class XDeliveryReaderTests
{
    [Fact]
    public void The_real_delete_delivery_becomes_a_deletion()
    {
        var (delivery, errors) = Read(File.ReadAllText(Path("x-aaa-tweet_delete_events.json")));

        Assert.True(errors.IsEmpty);
        Assert.Empty(delivery!.Posts);
        var deletion = Assert.Single(delivery.Deletions);
        Assert.Equal("twitter", deletion.Platform);
        Assert.Equal("1045405559317569537", deletion.Id);
    }

    [Fact]
    public void A_delete_naming_the_post_by_number_is_refused()
    {
        var (delivery, errors) = Read("""{"for_user_id":"1","tweet_delete_events":[{"status":{"id":1045405559317569537,"user_id":"1"},"timestamp_ms":"1"}]}""");

        Assert.Null(delivery);
        Assert.Contains("tweet_delete_events[0].status.id", errors.ToDictionary().Keys);
    }

    [Fact]
    public void Creates_and_deletes_in_one_delivery_are_read_together()
    {
        var body = TweetCreateEvents(Tweet("twitter-v1.1-quote.json"));
        body["tweet_delete_events"] = System.Text.Json.Nodes.JsonNode.Parse("""[{"status":{"id":"1","user_id":"2"}}]""");

        var (delivery, _) = Read(body);

        Assert.Equal(2, delivery!.Count);
    }

    [Theory]
    [InlineData("""{"for_user_id":"1","favorite_events":[{"id":"a"}]}""")]
    [InlineData("""{"for_user_id":"1","follow_events":[{"type":"follow"}]}""")]
    [InlineData("""{"for_user_id":"1","direct_message_events":[]}""")]
    [InlineData("""{"user_event":{"revoke":{"date_time":"2018-05-24T09:48:12+00:00"}}}""")]
    public void Events_we_do_not_use_are_ignored(string json)
    {
        var (delivery, errors) = Read(json);

        Assert.True(errors.IsEmpty);
        Assert.Equal(0, delivery!.Count);
        Assert.NotNull(delivery.IgnoredBecause);
    }

    [Theory]
    [InlineData("[]", "$")]
    [InlineData("""{"hello":"world"}""", "tweet_create_events")]
    [InlineData("""{"tweet_create_events":{}}""", "tweet_create_events")]
    [InlineData("""{"tweet_create_events":[1]}""", "tweet_create_events[0]")]
    [InlineData("""{"tweet_delete_events":[{}]}""", "tweet_delete_events[0].status")]
    [InlineData("""{"data":"x"}""", "data")]
    public void Unreadable_deliveries_name_the_field(string json, string field)
    {
        var (delivery, errors) = Read(json);

        Assert.Null(delivery);
        Assert.Contains(field, errors.ToDictionary().Keys);
    }
}
