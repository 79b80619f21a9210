using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatTranscripts.IntegrationTests.EndToEnd;
using ChatTranscripts.IntegrationTests.Hosts;
using ChatTranscripts.Pipeline.Tests;
using ChatTranscripts.Testing;
using Microsoft.Extensions.DependencyInjection;
using static ChatTranscripts.IntegrationTests.EndToEnd.ChatApi;
namespace ChatTranscripts.IntegrationTests.Webhooks;

/// <summary>X Account Activity and filtered-stream deliveries, signed as X signs them, through the local host.</summary>
public abstract class XWebhookTests(AzuriteFixture azurite, HostKind kind)
{
    private const string ConsumerSecret = "x-consumer-secret-for-tests";

    private static readonly Dictionary<string, string?> Settings = new() { ["Webhooks:X:ConsumerSecret"] = ConsumerSecret };

    /// <summary>A v1.1 Tweet as Account Activity delivers it; numeric ids deliberately disagree with the strings.</summary>
    private static JsonObject Tweet(string id, string text, int minute, string handle = "FarrisTimimi", string? inReplyToId = null, JsonObject? retweetOf = null, string? quotedId = null) => new()
    {
        ["created_at"] = Start.AddMinutes(minute).ToString("ddd MMM dd HH:mm:ss +0000 yyyy", System.Globalization.CultureInfo.InvariantCulture),
        ["id"] = 1,
        ["id_str"] = id,
        ["text"] = text,
        ["truncated"] = false,
        ["in_reply_to_status_id"] = inReplyToId is null ? null : 2,
        ["in_reply_to_status_id_str"] = inReplyToId,
        ["in_reply_to_screen_name"] = inReplyToId is null ? null : "BMCMedicine",
        ["quoted_status_id_str"] = quotedId,
        ["is_quote_status"] = quotedId is not null,
        ["retweeted_status"] = retweetOf,
        ["user"] = new JsonObject { ["id_str"] = "783214", ["screen_name"] = handle, ["name"] = handle + " (display)" },
        ["lang"] = "en",
    };

    private static JsonObject Creates(params JsonObject[] tweets) => new()
    {
        ["for_user_id"] = "2244994945",
        ["tweet_create_events"] = new JsonArray(tweets.Select(t => (JsonNode)t.DeepClone()).ToArray()),
    };

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string json, string? secret = ConsumerSecret, string? signature = null)
    {
        var body = Encoding.UTF8.GetBytes(json);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/x") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        signature ??= secret is null ? null : WebhookRequestSigner.XSignature(secret, body);
        if (signature is not null)
        {
            request.Headers.Add(WebhookRequestSigner.XHeader, signature);
        }
        return await client.SendAsync(request);
    }

    private static async Task AcceptedAsync(HttpClient client, JsonNode delivery, int expected)
    {
        using var response = await SendAsync(client, delivery.ToJsonString());
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        Assert.Equal(expected, JsonDocument.Parse(body).RootElement.GetProperty("accepted").GetInt32());
    }

    [Fact]
    public async Task Tweets_replies_quotes_retweets_v2_posts_and_deletions_reach_the_published_transcript()
    {
        await using var host = await ChatHosts.StartAsync(kind, azurite, Settings);
        using var api = new ChatApi(host);
        await api.PutSessionAsync("x-chat", Session());
        var question = Tweet("9007199254740995", "Q1 How have you seen social media used &amp; why? #bmcmed", 5, handle: "BMCMedicine");

        await AcceptedAsync(api.Client, Creates(
            question,
            Tweet("9007199254740997", "@BMCMedicine A1: patients search online", 7, inReplyToId: "9007199254740995"),
            Tweet("9007199254740999", "RT @BMCMedicine: Q1 How have you seen…", 8, handle: "LeeAase", retweetOf: question),
            Tweet("9007199254741001", "worth reading #bmcmed", 9, handle: "LeeAase", quotedId: "9007199254740995"),
            Tweet("9007199254741003", "regretted #bmcmed", 10)), expected: 5);
        await AcceptedAsync(api.Client, JsonNode.Parse("""
            {"data":[{"id":"9007199254741005","author_id":"42","text":"A1 from the v2 stream #bmcmed","created_at":"2012-08-06T12:11:00.000Z","lang":"en",
                      "referenced_tweets":[{"type":"replied_to","id":"9007199254740995"}]}],
             "includes":{"users":[{"id":"42","username":"StreamUser","name":"Stream User"}]}}
            """)!, expected: 1);
        await AcceptedAsync(api.Client, JsonNode.Parse("""
            {"for_user_id":"2244994945","tweet_delete_events":[{"status":{"id":"9007199254741003","user_id":"783214"},"timestamp_ms":"1344254700000"}]}
            """)!, expected: 1);
        using var transcript = await api.PublishAsync("x-chat");

        Assert.Equal(["twitter:9007199254740995", "twitter:9007199254740997", "twitter:9007199254741001", "twitter:9007199254741005"], PostIds(transcript));
        var posts = transcript.RootElement.GetProperty("posts");
        Assert.Equal("Q1 How have you seen social media used & why? #bmcmed", posts[0].GetProperty("text").GetString());
        Assert.Equal("BMCMedicine", posts[0].GetProperty("author").GetProperty("handle").GetString());
        Assert.Equal("https://twitter.com/BMCMedicine/status/9007199254740995", posts[0].GetProperty("url").GetString());
        Assert.Equal("twitter:9007199254740995", posts[1].GetProperty("inReplyToId").GetString());
        Assert.Equal("twitter:9007199254740995", posts[3].GetProperty("inReplyToId").GetString());
        Assert.Equal("StreamUser", posts[3].GetProperty("author").GetProperty("handle").GetString());
        Assert.Equal(1, transcript.RootElement.GetProperty("stats").GetProperty("reposts").GetInt32());
        Assert.DoesNotContain("regretted", transcript.RootElement.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_real_tweet_delivered_through_account_activity_is_published_with_its_hashtag_session()
    {
        var file = SharedConformance.Require("payloads", "twitter-v1.1-hashtags-mentions-urls-quote.json");
        await using var host = await ChatHosts.StartAsync(kind, azurite, Settings);
        using var api = new ChatApi(host);
        var session = Session("#космос");
        session["startsAt"] = "2015-11-23T07:30:00Z";
        session["endsAt"] = "2015-11-23T08:30:00Z";
        await api.PutSessionAsync("x-real", session);

        await AcceptedAsync(api.Client, Creates(JsonNode.Parse(File.ReadAllText(file))!.AsObject()), expected: 1);
        using var transcript = await api.PublishAsync("x-real");

        Assert.Equal(["twitter:668698218901979136"], PostIds(transcript));
        Assert.EndsWith("#космос", transcript.RootElement.GetProperty("posts")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_crc_challenge_bad_signatures_unreadable_and_unused_deliveries_are_answered_as_the_contract_says()
    {
        await using var host = await ChatHosts.StartAsync(kind, azurite, Settings);
        using var api = new ChatApi(host);

        var crc = JsonDocument.Parse(await api.Client.GetStringAsync(new Uri("/api/webhooks/x?crc_token=T0ken%2B", UriKind.Relative))).RootElement;
        Assert.Equal(WebhookRequestSigner.XCrcResponseToken(ConsumerSecret, "T0ken+"), crc.GetProperty("response_token").GetString());
        using (var noToken = await api.Client.GetAsync(new Uri("/api/webhooks/x", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
            Assert.Equal("application/problem+json", noToken.Content.Headers.ContentType?.MediaType);
        }

        var json = Creates(Tweet("1", "hello #bmcmed", 10)).ToJsonString();
        using (var unsigned = await SendAsync(api.Client, json, secret: null))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
            Assert.Equal("application/problem+json", unsigned.Content.Headers.ContentType?.MediaType);
        }
        using (var wrongSecret = await SendAsync(api.Client, json, secret: "not the secret"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, wrongSecret.StatusCode);
        }

        var withoutUser = Tweet("2", "x", 10);
        withoutUser.Remove("user");
        using (var unreadable = await SendAsync(api.Client, Creates(withoutUser).ToJsonString()))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);
            var problem = JsonDocument.Parse(await unreadable.Content.ReadAsStringAsync()).RootElement;
            Assert.True(problem.GetProperty("errors").TryGetProperty("tweet_create_events[0].user", out _));
        }

        using var favorite = await SendAsync(api.Client, """{"for_user_id":"1","favorite_events":[{"id":"a"}]}""");
        Assert.Equal(HttpStatusCode.OK, favorite.StatusCode);
        Assert.Equal(0, JsonDocument.Parse(await favorite.Content.ReadAsStringAsync()).RootElement.GetProperty("accepted").GetInt32());
    }

    [Fact]
    public async Task Without_a_consumer_secret_the_routes_report_the_misconfiguration()
    {
        await using var host = await ChatHosts.StartAsync(kind, azurite);
        using var api = new ChatApi(host);

        using var crc = await api.Client.GetAsync(new Uri("/api/webhooks/x?crc_token=t", UriKind.Relative));
        using var delivery = await SendAsync(api.Client, Creates(Tweet("1", "hello #bmcmed", 10)).ToJsonString(), secret: "anything");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, crc.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, delivery.StatusCode);
        Assert.Contains("Webhooks:X:ConsumerSecret", await delivery.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("twitter-v1.1-compat-mode-truncated.json")]
    [InlineData("twitter-v1.1-extended-mode-full_text.json")]
    [InlineData("twitter-v1.1-extended_tweet-streaming.json")]
    [InlineData("twitter-v1.1-quote.json")]
    [InlineData("twitter-v1.1-reply-mentions-url.json")]
    [InlineData("twitter-v1.1-retweet.json")]
    public async Task Every_real_tweet_is_accepted_and_stored_with_its_id_from_the_string_field(string file)
    {
        var tweet = JsonNode.Parse(File.ReadAllText(SharedConformance.Require("payloads", file)))!.AsObject();
        var id = tweet["id_str"]!.GetValue<string>();
        await using var host = await ChatHosts.StartAsync(kind, azurite, Settings);
        using var api = new ChatApi(host);

        await AcceptedAsync(api.Client, Creates(tweet), expected: 1);
        await api.ProcessedAsync();

        // These tweets carry no hashtag a session could match, so the contract keeps them out of every transcript;
        // what the route must do is store them, under the id from id_str (their numeric ids exceed 2^53).
        var created = DateTimeOffset.ParseExact(tweet["created_at"]!.GetValue<string>(), "ddd MMM dd HH:mm:ss zzz yyyy", System.Globalization.CultureInfo.InvariantCulture);
        var window = new ChatTranscripts.Pipeline.Core.SessionDefinition
        {
            Title = file,
            Hashtags = ["any"],
            StartsAt = created.AddMinutes(-30),
            EndsAt = created.AddMinutes(30),
        };
        var stored = await host.Services.GetRequiredService<ChatTranscripts.Pipeline.Adapters.Tables.ReceivedPostStore>().InWindowAsync(window, CancellationToken.None);
        Assert.Equal(id, Assert.Single(stored).Id);
    }

    [Fact]
    public async Task The_real_delete_delivery_signed_as_x_signs_it_removes_the_post()
    {
        var body = File.ReadAllText(SharedConformance.Require("payloads", "x-aaa-tweet_delete_events.json"));
        var deleted = JsonNode.Parse(body)!["tweet_delete_events"]![0]!["status"]!["id"]!.GetValue<string>();
        await using var host = await ChatHosts.StartAsync(kind, azurite, Settings);
        using var api = new ChatApi(host);
        var session = Session("#bmcmed");
        await api.PutSessionAsync("x-real-delete", session);
        await AcceptedAsync(api.Client, Creates(Tweet(deleted, "to be deleted #bmcmed", 10), Tweet("1", "kept #bmcmed", 11)), expected: 2);
        using (var before = await api.PublishAsync("x-real-delete"))
        {
            Assert.Contains($"twitter:{deleted}", PostIds(before));
        }

        using (var response = await SendAsync(api.Client, body))
        {
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }
        using var after = await api.PublishAsync("x-real-delete");

        Assert.Equal(["twitter:1"], PostIds(after));
    }
}

public sealed class XWebhookTestsOnLocalHost(AzuriteFixture azurite) : XWebhookTests(azurite, HostKind.Local);

public sealed class XWebhookTestsOnFunctionsApp(AzuriteFixture azurite) : XWebhookTests(azurite, HostKind.Functions);
