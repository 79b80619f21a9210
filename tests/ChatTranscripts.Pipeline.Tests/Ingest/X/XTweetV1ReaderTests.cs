using System.Text.Json.Nodes;
using static ChatTranscripts.Pipeline.Tests.Ingest.X.XPayloads;

namespace ChatTranscripts.Pipeline.Tests.Ingest.X;

/// <summary>Every real v1.1 Tweet in ../shared, delivered in the Account Activity envelope.</summary>
public sealed class XTweetV1ReaderTests
{
    [Fact]
    public void A_streamed_truncated_tweet_takes_its_whole_text_from_extended_tweet()
    {
        var post = SinglePost(Tweet("twitter-v1.1-extended_tweet-streaming.json"));

        Assert.Equal("twitter", post.Platform);
        Assert.Equal("971726741583605760", post.Id);
        Assert.Equal("HIV_AIDS_BiojQuery Mobile Web Development Essentials, Second Edition: https://t.co/r78h6xfAby Quantum AI Big/Small/0 Data Cloud/Fog Computing OutLook from ClouData & Multiverse -  https://t.co/cnCBNJvu6T", post.Text);
        Assert.Equal("ClouDatAI", post.Author.Handle);
        Assert.Equal("AIBigDataCloudIoTBot", post.Author.DisplayName);
        Assert.Equal(new DateTimeOffset(2018, 3, 8, 12, 38, 3, TimeSpan.Zero), post.CreatedAt);
        Assert.Equal("https://twitter.com/ClouDatAI/status/971726741583605760", post.Url);
        Assert.Equal("en", post.Lang);
        Assert.Null(post.InReplyToId);
        Assert.Null(post.QuotedId);
        Assert.Null(post.RepostOfId);
    }

    [Fact]
    public void An_extended_mode_tweet_takes_its_text_from_full_text()
    {
        var post = SinglePost(Tweet("twitter-v1.1-extended-mode-full_text.json"));

        Assert.Equal("782737772490600448", post.Id);
        Assert.Equal("has more details about these changes.  Thanks for making more expressive!writing requirements to python_twitt python_twitter.egg-info/SOURCE https://t.co/JWSPztfoyt", post.Text);
        Assert.Equal(new DateTimeOffset(2016, 10, 3, 0, 23, 22, TimeSpan.Zero), post.CreatedAt);
        Assert.Equal("notinourselves", post.Author.Handle);
    }

    [Fact]
    public void A_compatibility_mode_tweet_keeps_the_text_it_has()
    {
        var post = SinglePost(Tweet("twitter-v1.1-compat-mode-truncated.json"));

        Assert.Equal("782737772490600448", post.Id);
        Assert.StartsWith("has more details about these changes.", post.Text, StringComparison.Ordinal);
        Assert.EndsWith("pytho… https://t.co/et3OTOxWSa", post.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reply_names_its_parent_and_the_parent_author_from_string_fields()
    {
        var post = SinglePost(Tweet("twitter-v1.1-reply-mentions-url.json"));

        Assert.Equal("674322457717694469", post.Id);
        Assert.Equal("674285923211849728", post.InReplyToId);
        Assert.Equal("merveille", post.InReplyToHandle);
        Assert.Equal("__jcbl__", post.Author.Handle);
        Assert.Equal("jeremy", post.Author.DisplayName);
        Assert.Equal(new DateTimeOffset(2015, 12, 8, 20, 19, 36, TimeSpan.Zero), post.CreatedAt);
        Assert.Equal("@merveille @himawari8bot anyway, more info here if you're curious https://t.co/s3mTGUG2If", post.Text);
    }

    [Fact]
    public void A_retweet_is_a_repost_of_the_original_with_the_original_text()
    {
        var post = SinglePost(Tweet("twitter-v1.1-retweet.json"));

        Assert.Equal("967465567773839360", post.Id);
        Assert.Equal("967413349473574913", post.RepostOfId);
        Assert.Equal("__jcbl__", post.Author.Handle);
        Assert.StartsWith("RT @xodanix3: Honestly ppl shouldn't be saying anything", post.Text, StringComparison.Ordinal);
        Assert.EndsWith("https://t.co/PXKlDqrtUL", post.Text, StringComparison.Ordinal);
        Assert.Null(post.InReplyToId);
    }

    [Fact]
    public void A_retweet_keeps_hashtags_the_140_character_cut_lost()
    {
        var tweet = Tweet("twitter-v1.1-retweet.json");
        tweet["retweeted_status"]!["extended_tweet"] = new JsonObject { ["full_text"] = "the whole original text &amp; its tag #bmcmed" };

        Assert.Equal("RT @xodanix3: the whole original text & its tag #bmcmed", SinglePost(tweet).Text);
    }

    [Theory]
    [InlineData("twitter-v1.1-quote.json", "849424628401541121", "849412806835351552", "mastodonmusic", "Mastodon")]
    [InlineData("twitter-v1.1-hashtags-mentions-urls-quote.json", "668698218901979136", "668673031045120001", "_vecs", "vecs")]
    public void A_quote_tweet_names_the_quoted_tweet(string file, string id, string quotedId, string handle, string displayName)
    {
        var post = SinglePost(Tweet(file));

        Assert.Equal(id, post.Id);
        Assert.Equal(quotedId, post.QuotedId);
        Assert.Null(post.RepostOfId);
        Assert.Equal(handle, post.Author.Handle);
        Assert.Equal(displayName, post.Author.DisplayName?.Trim());
    }

    [Fact]
    public void Non_latin_text_and_its_hashtag_arrive_intact()
    {
        var post = SinglePost(Tweet("twitter-v1.1-hashtags-mentions-urls-quote.json"));

        Assert.Equal("Твиттер-бот @himawari8bot - анимированные фото с японского метеоспутника.\nhttps://t.co/LLHAUF9LbQ\n#космос", post.Text);
        Assert.Equal("ru", post.Lang);
        Assert.Equal(new DateTimeOffset(2015, 11, 23, 7, 50, 53, TimeSpan.Zero), post.CreatedAt);
    }

    [Fact]
    public void Ids_come_only_from_string_fields_even_when_the_numbers_say_otherwise()
    {
        // Above 2^53 (9007199254740992) a double cannot tell these numbers apart; the strings are X's truth.
        var json = """
            {"for_user_id":"1","tweet_create_events":[{
              "created_at":"Mon Aug 06 12:04:31 +0000 2012",
              "id":9007199254740993,"id_str":"9007199254740995",
              "text":"A1: ids must survive #bmcmed",
              "in_reply_to_status_id":9007199254740992,"in_reply_to_status_id_str":"9007199254740997",
              "in_reply_to_screen_name":"BMCMedicine",
              "quoted_status_id":9007199254740994,"quoted_status_id_str":"9007199254740999",
              "user":{"id":12,"id_str":"12","screen_name":"FarrisTimimi","name":"Farris Timimi"},
              "lang":"en"}]}
            """;

        var (delivery, errors) = Read(json);

        Assert.True(errors.IsEmpty);
        var post = Assert.Single(delivery!.Posts);
        Assert.Equal("9007199254740995", post.Id);
        Assert.Equal("9007199254740997", post.InReplyToId);
        Assert.Equal("9007199254740999", post.QuotedId);
        Assert.Equal("https://twitter.com/FarrisTimimi/status/9007199254740995", post.Url);
        Assert.Equal(new DateTimeOffset(2012, 8, 6, 12, 4, 31, TimeSpan.Zero), post.CreatedAt);
    }

    [Fact]
    public void A_tweet_with_only_a_numeric_id_is_refused_rather_than_rounded()
    {
        var tweet = Tweet("twitter-v1.1-reply-mentions-url.json");
        tweet.Remove("id_str");
        tweet["in_reply_to_status_id_str"] = 674285923211849728;

        var (delivery, errors) = Read(TweetCreateEvents(tweet));

        Assert.Null(delivery);
        var fields = errors.ToDictionary();
        Assert.Contains("tweet_create_events[0].id_str", fields.Keys);
        Assert.Contains("tweet_create_events[0].in_reply_to_status_id_str", fields.Keys);
    }

    [Fact]
    public void A_long_post_takes_its_text_from_note_tweet()
    {
        var tweet = Tweet("twitter-v1.1-reply-mentions-url.json");
        tweet["note_tweet"] = new JsonObject { ["text"] = "a note &lt;longer&gt; than 280 characters #bmcmed" };

        Assert.Equal("a note <longer> than 280 characters #bmcmed", SinglePost(tweet).Text);
    }

    [Fact]
    public void Text_beyond_the_canonical_limit_is_refused_under_the_field_it_came_from()
    {
        var tweet = Tweet("twitter-v1.1-extended_tweet-streaming.json");
        tweet["extended_tweet"]!["full_text"] = new string('x', 25_001);

        var (delivery, errors) = Read(TweetCreateEvents(tweet));

        Assert.Null(delivery);
        Assert.Contains("tweet_create_events[0].extended_tweet.full_text", errors.ToDictionary().Keys);
    }

    [Fact]
    public void One_unreadable_tweet_refuses_the_whole_delivery()
    {
        var broken = Tweet("twitter-v1.1-quote.json");
        broken.Remove("user");
        broken["created_at"] = "2017-04-05";

        var (delivery, errors) = Read(TweetCreateEvents(Tweet("twitter-v1.1-retweet.json"), broken));

        Assert.Null(delivery);
        var fields = errors.ToDictionary();
        Assert.Contains("tweet_create_events[1].user", fields.Keys);
        Assert.Contains("tweet_create_events[1].created_at", fields.Keys);
        Assert.DoesNotContain(fields.Keys, k => k.StartsWith("tweet_create_events[0]", StringComparison.Ordinal));
    }

    [Fact]
    public void Undetermined_language_means_none()
    {
        var tweet = Tweet("twitter-v1.1-retweet.json");
        tweet["lang"] = "und";

        Assert.Null(SinglePost(tweet).Lang);
    }

    [Theory]
    [InlineData("twitter-v1.1-extended_tweet-streaming.json", 1830L)]
    [InlineData("twitter-v1.1-reply-mentions-url.json", 50L)]
    [InlineData("twitter-v1.1-retweet.json", 191L)]
    public void The_authors_follower_count_comes_from_user_followers_count(string file, long followers)
    {
        var post = SinglePost(Tweet(file));

        Assert.Equal(followers, post.Author.Followers);
    }

    [Fact]
    public void A_tweet_whose_user_has_no_usable_follower_count_is_still_read()
    {
        var tweet = Tweet("twitter-v1.1-reply-mentions-url.json");
        tweet["user"]!["followers_count"] = "many";

        var post = SinglePost(tweet);

        Assert.Null(post.Author.Followers);
        Assert.Equal("__jcbl__", post.Author.Handle);
    }
}
