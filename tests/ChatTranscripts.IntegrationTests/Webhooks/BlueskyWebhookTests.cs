using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatTranscripts.IntegrationTests.EndToEnd;
using ChatTranscripts.IntegrationTests.Hosts;
using ChatTranscripts.Pipeline.Tests;
using ChatTranscripts.Testing;
using static ChatTranscripts.IntegrationTests.EndToEnd.ChatApi;
namespace ChatTranscripts.IntegrationTests.Webhooks;

/// <summary>Jetstream events, shaped like the real ones, forwarded by a relay through the local host.</summary>
public abstract class BlueskyWebhookTests(AzuriteFixture azurite, HostKind kind)
{
    private const string Alice = "did:plc:tn3hni2jpphsgl6amfbb7ja6";
    private const string Bob = "did:plc:ynfp6wddjqpl44gordpsqkuw";
    private const string Path = "/api/webhooks/bluesky";

    private static long TimeUs(int minute) => Start.AddMinutes(minute).ToUnixTimeMilliseconds() * 1000;

    private static JsonObject Commit(string did, string rkey, string operation, int minute, JsonObject? record = null, string collection = "app.bsky.feed.post")
    {
        var commit = new JsonObject { ["rev"] = "3mptbyplt4524", ["operation"] = operation, ["collection"] = collection, ["rkey"] = rkey };
        if (record is not null)
        {
            commit["record"] = record;
            commit["cid"] = "bafyreif3yyrzwtq3bc6verdxc764qa3u3lbxrhdyaacgawuke2k36dvu34";
        }
        return new JsonObject { ["did"] = did, ["time_us"] = TimeUs(minute), ["kind"] = "commit", ["commit"] = commit };
    }

    private static JsonObject Record(string text, int minute, string? parentUri = null)
    {
        var record = new JsonObject
        {
            ["$type"] = "app.bsky.feed.post",
            ["createdAt"] = Start.AddMinutes(minute).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture),
            ["langs"] = new JsonArray("en"),
            ["text"] = text,
        };
        if (parentUri is not null)
        {
            record["reply"] = new JsonObject
            {
                ["root"] = new JsonObject { ["uri"] = parentUri, ["cid"] = "bafyroot" },
                ["parent"] = new JsonObject { ["uri"] = parentUri, ["cid"] = "bafyparent" },
            };
        }
        return record;
    }

    private static async Task<JsonElement> SendAsync(ChatApi api, JsonNode body, HttpStatusCode expected)
    {
        using var response = await api.Client.SendSignedAsync(HttpMethod.Post, Path, body.ToJsonString());
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, text);
        return JsonDocument.Parse(text).RootElement;
    }

    [Fact]
    public async Task Posts_replies_edits_and_deletions_reach_the_published_transcript()
    {
        await using var host = await ChatHosts.StartAsync(kind, azurite);
        using var api = new ChatApi(host);
        await api.PutSessionAsync("bluesky-chat", Session());

        var accepted = await SendAsync(api, new JsonArray(
            Commit(Alice, "3aaa", "create", 10, Record("A1: we should be where patients are #bmcmed", 10)),
            Commit(Bob, "3bbb", "create", 12, Record("agreed 😂", 12, $"at://{Alice}/app.bsky.feed.post/3aaa")),
            Commit(Bob, "3ccc", "create", 13, Record("me too", 13, $"at://{Alice}/app.bsky.feed.post/3aaa")),
            Commit(Alice, "3aaa", "update", 14, Record("A1: we should be where our patients are #bmcmed", 10)),
            Commit(Bob, "3like", "create", 15, new JsonObject { ["subject"] = new JsonObject { ["uri"] = $"at://{Alice}/app.bsky.feed.post/3aaa" } }, "app.bsky.feed.like"),
            new JsonObject { ["did"] = Bob, ["time_us"] = TimeUs(15), ["kind"] = "identity", ["identity"] = new JsonObject { ["did"] = Bob } }), HttpStatusCode.Accepted);
        Assert.Equal(4, accepted.GetProperty("accepted").GetInt32());

        using (var transcript = await api.PublishAsync("bluesky-chat"))
        {
            Assert.Equal([$"bluesky:{Alice}/3aaa", $"bluesky:{Bob}/3bbb", $"bluesky:{Bob}/3ccc"], PostIds(transcript));
            var posts = transcript.RootElement.GetProperty("posts");
            Assert.Equal("A1: we should be where our patients are #bmcmed", posts[0].GetProperty("text").GetString());
            Assert.Equal(Alice, posts[0].GetProperty("author").GetProperty("handle").GetString());
            Assert.Equal($"https://bsky.app/profile/{Alice}/post/3aaa", posts[0].GetProperty("url").GetString());
            Assert.Equal($"bluesky:{Alice}/3aaa", posts[1].GetProperty("inReplyToId").GetString());
        }

        await SendAsync(api, Commit(Bob, "3bbb", "delete", 20), HttpStatusCode.Accepted);
        using var after = await api.PublishAsync("bluesky-chat");

        Assert.Equal([$"bluesky:{Alice}/3aaa", $"bluesky:{Bob}/3ccc"], PostIds(after));
    }

    [Fact]
    public async Task Bad_signatures_unreadable_events_and_unused_events_are_answered_as_the_contract_says()
    {
        await using var host = await ChatHosts.StartAsync(kind, azurite);
        using var api = new ChatApi(host);
        await api.PutSessionAsync("bluesky-refused", Session());
        var good = Commit(Alice, "3good", "create", 10, Record("kept out #bmcmed", 10));

        using (var unsigned = await api.Client.SendSignedAsync(HttpMethod.Post, Path, good.ToJsonString(), secret: null))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        }
        using (var wrongSecret = await api.Client.SendSignedAsync(HttpMethod.Post, Path, good.ToJsonString(), secret: "whsec_" + Convert.ToBase64String(new byte[24])))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, wrongSecret.StatusCode);
        }

        var badParent = Commit(Bob, "3bad", "create", 11, Record("reply", 11, "https://bsky.app/profile/x/post/y"));
        var problem = await SendAsync(api, new JsonArray(good, badParent), HttpStatusCode.BadRequest);
        Assert.Equal(["events[1].commit.record.reply.parent.uri"], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));

        var ignored = await SendAsync(api, new JsonObject { ["did"] = Bob, ["time_us"] = TimeUs(15), ["kind"] = "account", ["account"] = new JsonObject { ["active"] = true } }, HttpStatusCode.OK);
        Assert.Equal(0, ignored.GetProperty("accepted").GetInt32());

        // The delivery with the unreadable event stored nothing, not even its readable first event.
        using var transcript = await api.PublishAsync("bluesky-refused");
        Assert.Empty(PostIds(transcript));
    }

    [Fact]
    public async Task Real_jetstream_events_forwarded_as_an_array_are_published_in_their_hashtag_sessions()
    {
        var events = new JsonArray(
            JsonNode.Parse(File.ReadAllText(SharedConformance.Require("payloads", "bluesky-jetstream-event-post-tags.json"))),
            JsonNode.Parse(File.ReadAllText(SharedConformance.Require("payloads", "bluesky-jetstream-event-post-link-tags.json"))));
        await using var host = await ChatHosts.StartAsync(kind, azurite);
        using var api = new ChatApi(host);
        await api.PutSessionAsync("bluesky-real-ai", RealSession("#HowToTellAiToShutUp"));
        await api.PutSessionAsync("bluesky-real-tales", RealSession("#talesatwonderworld"));

        var accepted = await SendAsync(api, events, HttpStatusCode.Accepted);

        Assert.Equal(2, accepted.GetProperty("accepted").GetInt32());
        using var ai = await api.PublishAsync("bluesky-real-ai");
        using var tales = await api.PublishAsync("bluesky-real-tales");
        var aiPost = Assert.Single(ai.RootElement.GetProperty("posts").EnumerateArray());
        var talesPost = Assert.Single(tales.RootElement.GetProperty("posts").EnumerateArray());
        Assert.StartsWith("bluesky:did:plc:", aiPost.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.Contains("HowToTellAiToShutUp", aiPost.GetProperty("hashtags").EnumerateArray().Select(h => h.GetString()));
        Assert.Contains(
            "https://www.tumblr.com/tempo-tales/765681292369166336/behind-them-timmi-and-wankyu-follow-silently-but?source=share",
            talesPost.GetProperty("urls").EnumerateArray().Select(u => u.GetString()));
    }

    /// <summary>The real events were posted on 2026-07-04 around 14:38 UTC.</summary>
    private static JsonObject RealSession(string hashtag)
    {
        var session = Session(hashtag);
        session["startsAt"] = "2026-07-04T14:00:00Z";
        session["endsAt"] = "2026-07-04T15:00:00Z";
        return session;
    }
}

public sealed class BlueskyWebhookTestsOnLocalHost(AzuriteFixture azurite) : BlueskyWebhookTests(azurite, HostKind.Local);

public sealed class BlueskyWebhookTestsOnFunctionsApp(AzuriteFixture azurite) : BlueskyWebhookTests(azurite, HostKind.Functions);
