using System.Text.Json.Nodes;
using static ChatTranscripts.Pipeline.Tests.Ingest.X.XPayloads;

namespace ChatTranscripts.Pipeline.Tests.Ingest.X;

/// <summary>Hand-written v2 filtered-stream deliveries (no real one is in ../shared), shaped as X's v2 docs describe.</summary>
public sealed class XTweetV2ReaderTests
{
    private static JsonObject Delivery(JsonNode data) => new()
    {
        ["data"] = data,
        ["includes"] = new JsonObject
        {
            ["users"] = new JsonArray(
                new JsonObject { ["id"] = "2244994945", ["username"] = "BMCMedicine", ["name"] = "BMC Medicine" },
                new JsonObject { ["id"] = "783214", ["username"] = "FarrisTimimi", ["name"] = "Farris Timimi" }),
        },
        ["matching_rules"] = new JsonArray(new JsonObject { ["id"] = "1", ["tag"] = "bmcmed" }),
    };

    private static JsonObject Tweet(string id, string authorId, string text, params (string Type, string Id)[] references)
    {
        var tweet = new JsonObject
        {
            ["id"] = id,
            ["author_id"] = authorId,
            ["text"] = text,
            ["created_at"] = "2012-08-06T12:04:31.000Z",
            ["lang"] = "en",
        };
        if (references.Length > 0)
        {
            tweet["referenced_tweets"] = new JsonArray(references.Select(r => (JsonNode)new JsonObject { ["type"] = r.Type, ["id"] = r.Id }).ToArray());
        }
        return tweet;
    }

    [Fact]
    public void A_single_tweet_takes_its_author_from_includes_users()
    {
        var (delivery, errors) = Read(Delivery(Tweet("9007199254740995", "783214", "A1: patients search online &amp; so should we #bmcmed")));

        Assert.True(errors.IsEmpty);
        var post = Assert.Single(delivery!.Posts);
        Assert.Equal("twitter", post.Platform);
        Assert.Equal("9007199254740995", post.Id);
        Assert.Equal("FarrisTimimi", post.Author.Handle);
        Assert.Equal("Farris Timimi", post.Author.DisplayName);
        Assert.Equal("A1: patients search online & so should we #bmcmed", post.Text);
        Assert.Equal(new DateTimeOffset(2012, 8, 6, 12, 4, 31, TimeSpan.Zero), post.CreatedAt);
        Assert.Equal("https://twitter.com/FarrisTimimi/status/9007199254740995", post.Url);
        Assert.Equal("en", post.Lang);
    }

    [Fact]
    public void Referenced_tweets_become_reply_quote_and_repost()
    {
        var reply = Tweet("11", "783214", "@BMCMedicine agreed", ("replied_to", "10"));
        reply["in_reply_to_user_id"] = "2244994945";
        var data = new JsonArray(
            reply,
            Tweet("12", "2244994945", "see this #bmcmed", ("quoted", "10")),
            Tweet("13", "783214", "RT @BMCMedicine: Q1 #bmcmed", ("retweeted", "10")));

        var (delivery, errors) = Read(Delivery(data));

        Assert.True(errors.IsEmpty);
        Assert.Equal(3, delivery!.Posts.Count);
        Assert.Equal("10", delivery.Posts[0].InReplyToId);
        Assert.Equal("BMCMedicine", delivery.Posts[0].InReplyToHandle);
        Assert.Equal("10", delivery.Posts[1].QuotedId);
        Assert.Null(delivery.Posts[1].InReplyToId);
        Assert.Equal("10", delivery.Posts[2].RepostOfId);
    }

    [Fact]
    public void A_long_post_takes_its_text_from_note_tweet()
    {
        var tweet = Tweet("14", "783214", "the first 280 characters…");
        tweet["note_tweet"] = new JsonObject { ["text"] = "the whole note, hashtag at the end #bmcmed" };

        Assert.Equal("the whole note, hashtag at the end #bmcmed", Assert.Single(Read(Delivery(tweet)).Delivery!.Posts).Text);
    }

    [Fact]
    public void An_author_missing_from_includes_or_a_numeric_id_is_named()
    {
        var unknownAuthor = Tweet("15", "999", "who am I");
        var numericId = Tweet("16", "783214", "numbers");
        numericId["id"] = 16;
        var badDate = Tweet("17", "783214", "when");
        badDate["created_at"] = "Mon Aug 06 12:04:31 +0000 2012";

        var (delivery, errors) = Read(Delivery(new JsonArray(unknownAuthor, numericId, badDate)));

        Assert.Null(delivery);
        var fields = errors.ToDictionary();
        Assert.Contains("data[0].author_id", fields.Keys);
        Assert.Contains("data[1].id", fields.Keys);
        Assert.Contains("data[2].created_at", fields.Keys);
    }

    [Fact]
    public void The_authors_follower_count_comes_from_public_metrics_when_the_stream_asks_for_it()
    {
        var delivery = Delivery(Tweet("1", "783214", "A1: yes #bmcmed"));
        var users = delivery["includes"]!["users"]!.AsArray();
        users[1]!["public_metrics"] = new JsonObject { ["followers_count"] = 4821, ["following_count"] = 310 };

        var (read, errors) = Read(delivery);

        Assert.True(errors.IsEmpty);
        Assert.Equal(4821L, Assert.Single(read!.Posts).Author.Followers);
    }

    [Fact]
    public void Without_public_metrics_the_follower_count_is_unknown()
    {
        var (read, errors) = Read(Delivery(Tweet("1", "783214", "A1: yes #bmcmed")));

        Assert.True(errors.IsEmpty);
        Assert.Null(Assert.Single(read!.Posts).Author.Followers);
    }
}
