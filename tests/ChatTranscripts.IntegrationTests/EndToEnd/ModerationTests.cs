using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatTranscripts.IntegrationTests.Hosts;
using ChatTranscripts.Pipeline.Application.Publishing;
using ChatTranscripts.Pipeline.Logic.Transcripts;
using ChatTranscripts.Pipeline.Logic.Transcripts.Exports;
using ChatTranscripts.Testing;
using Microsoft.Extensions.DependencyInjection;
using static ChatTranscripts.IntegrationTests.EndToEnd.ChatApi;

namespace ChatTranscripts.IntegrationTests.EndToEnd;

/// <summary>
/// Organisers moderate a chat through the API (hide a post, block an account, turn the rules on) and the next publish
/// leaves those posts out of every file and every count, with the threads around them intact; undoing brings them back.
/// </summary>
public abstract class ModerationTests(AzuriteFixture azurite, HostKind kind)
{
    private const string Spam = "Cheap followers at spam.example";
    private const string Flood = "Win a free cruise now";
    private const string BlockedText = "Visit my shop at blocked.example";

    private static JsonObject[] Chat() =>
    [
        WithFollowers(Post("1", "Q1: How have you seen social media used? #bmcmed", 0, "BMCMedicine"), 5000),
        WithFollowers(Post("2", $"A1: {Spam} #bmcmed", 2, "spammer"), 90000),
        WithFollowers(Post("3", "@spammer please stop, this is a health chat", 3, "nurse_jo", replyTo: "2"), 120),
        Post("4", "@nurse_jo agreed", 4, "drsmith", replyTo: "3"),
        Post("5", $"{Flood} #bmcmed", 5, "bot_one"),
        Post("6", $"{Flood.ToUpperInvariant()} #bmcmed", 6, "bot_two"),
        Post("7", $"{Flood}   #bmcmed", 7, "bot_three"),
        Post("8", "#bmcmed #health #tips #care #nurse #doctor #pharma", 8, "tagger"),
        WithFollowers(Post("9", $"{BlockedText} #bmcmed", 9, "shopkeeper"), 700),
        Post("10", $"A1: and again, {BlockedText} #bmcmed", 10, "ShopKeeper"),
        WithFollowers(Post("11", "A1: peer support groups online #bmcmed", 11, "nurse_jo"), 130),
    ];

    private static readonly string[] HiddenTexts = [Spam, Flood, "#pharma", BlockedText, Flood.ToUpperInvariant()];

    [Fact]
    public async Task A_moderated_chat_publishes_without_the_hidden_posts_in_any_file_or_stat_and_with_its_threads_intact()
    {
        await using var host = await ChatHosts.StartAsync(kind, azurite);
        using var api = new ChatApi(host);
        await api.PutSessionAsync("moderated", Session());
        await api.PostAsync(Chat());
        await api.ProcessedAsync();

        using (var hide = await SendAsync(api, HttpMethod.Put, "/api/sessions/moderated/moderation/posts/twitter/2", new JsonObject { ["reason"] = "spam", ["moderator"] = "Jane" }))
        {
            Assert.Equal(HttpStatusCode.Created, hide.StatusCode);
        }
        using (var block = await SendAsync(api, HttpMethod.Put, "/api/sessions/moderated/moderation/accounts/twitter/@SHOPKEEPER", new JsonObject { ["reason"] = "advertising" }, moderatorHeader: "Sam"))
        {
            Assert.Equal(HttpStatusCode.Created, block.StatusCode);
        }
        using (var rules = await SendAsync(api, HttpMethod.Put, "/api/sessions/moderated/moderation/rules", new JsonObject { ["duplicateText"] = new JsonObject { ["minAccounts"] = 3 }, ["maxHashtags"] = 5 }))
        {
            Assert.Equal(HttpStatusCode.OK, rules.StatusCode);
        }
        using var transcript = await api.PublishAsync("moderated");

        Assert.Equal(["twitter:1", "twitter:3", "twitter:4", "twitter:11"], PostIds(transcript));
        var root = transcript.RootElement;
        var stats = root.GetProperty("stats");
        Assert.Equal(4, stats.GetProperty("posts").GetInt32());
        Assert.Equal(2, stats.GetProperty("replies").GetInt32());
        Assert.Equal(3, stats.GetProperty("participants").GetInt32());
        Assert.Equal(["BMCMedicine", "drsmith", "nurse_jo"], root.GetProperty("participants").EnumerateArray().Select(p => p.GetProperty("handle").GetString()!).Order(StringComparer.Ordinal));
        Assert.Equal(["twitter:11"], root.GetProperty("questions")[0].GetProperty("answerIds").EnumerateArray().Select(a => a.GetString()));
        // The reply to the hidden post keeps its parent, and its place, under a marker.
        var reply = root.GetProperty("posts").EnumerateArray().Single(p => p.GetProperty("id").GetString() == "twitter:3");
        Assert.Equal("twitter:2", reply.GetProperty("inReplyToId").GetString());
        var placeholder = Assert.Single(root.GetProperty("hiddenPosts").EnumerateArray());
        Assert.Equal("twitter:2", placeholder.GetProperty("id").GetString());
        Assert.False(placeholder.TryGetProperty("text", out _));
        // Reach counts the shown authors only: the moderator and nurse_jo sent followers, drsmith did not.
        var reach = stats.GetProperty("reach");
        Assert.Equal(2, reach.GetProperty("authors").GetInt32());
        Assert.Equal(3, reach.GetProperty("ofAuthors").GetInt32());
        Assert.Equal(5000 + 130, reach.GetProperty("followers").GetInt64());
        Assert.Equal(5000 + (2 * 130), reach.GetProperty("impressions").GetInt64());

        var files = await PublishedFilesAsync(api, "moderated");
        foreach (var (name, content) in files)
        {
            Assert.All(HiddenTexts, text => Assert.False(content.Contains(text, StringComparison.Ordinal), $"{name} holds '{text}'"));
        }
        var page = files[$"moderated/{TranscriptPageRenderer.ThreadedPage}"];
        Assert.Contains("Post hidden by the organiser", page, StringComparison.Ordinal);
        Assert.Contains("please stop", page, StringComparison.Ordinal);
        Assert.Contains("<strong>4</strong> posts", page, StringComparison.Ordinal);
        Assert.Contains("In reply to a post hidden by the organiser", files[$"moderated/{TranscriptPageRenderer.ChronologicalPage}"], StringComparison.Ordinal);
        var site = await api.Client.GetStringAsync(new Uri("/index.html", UriKind.Relative));
        Assert.Contains("4 posts", site, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_listing_says_what_is_hidden_by_whom_when_and_why()
    {
        await using var host = await ChatHosts.StartAsync(kind, azurite);
        using var api = new ChatApi(host);
        await api.PutSessionAsync("audited", Session());
        await api.PostAsync(Chat());
        await api.ProcessedAsync();
        (await SendAsync(api, HttpMethod.Put, "/api/sessions/audited/moderation/posts/twitter/2", new JsonObject { ["reason"] = "spam", ["moderator"] = "Jane" })).Dispose();
        (await SendAsync(api, HttpMethod.Put, "/api/sessions/audited/moderation/accounts/twitter/shopkeeper", new JsonObject { ["reason"] = "advertising", ["scope"] = "session" }, moderatorHeader: "Sam")).Dispose();
        (await SendAsync(api, HttpMethod.Put, "/api/sessions/audited/moderation/rules", new JsonObject { ["duplicateText"] = new JsonObject { ["minAccounts"] = 3 } })).Dispose();

        using var response = await api.Client.GetAsync(new Uri("/api/sessions/audited/moderation", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var listing = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var credential = kind == HostKind.Local ? "this machine (no organiser token configured)" : "organisers function key";
        var post = Assert.Single(listing.GetProperty("posts").EnumerateArray());
        Assert.Equal(("twitter", "2", "spam", credential, "Jane"), (Str(post, "platform"), Str(post, "id"), Str(post, "reason"), Str(post, "credential"), Str(post, "moderator")));
        Assert.EndsWith("Z", Str(post, "at"), StringComparison.Ordinal);
        var account = Assert.Single(listing.GetProperty("accounts").EnumerateArray());
        Assert.Equal(("shopkeeper", "session", "advertising", "Sam"), (Str(account, "handle"), Str(account, "scope"), Str(account, "reason"), Str(account, "moderator")));
        var rules = listing.GetProperty("rules");
        Assert.Equal(3, rules.GetProperty("duplicateText").GetProperty("minAccounts").GetInt32());
        Assert.Equal(JsonValueKind.Null, rules.GetProperty("maxHashtags").ValueKind);
        Assert.Equal(JsonValueKind.Null, rules.GetProperty("moderator").ValueKind);
        var hidden = listing.GetProperty("hidden").EnumerateArray().Select(h => (Str(h, "id"), Str(h, "cause"))).ToList();
        Assert.Equal(
            [("twitter:2", "post"), ("twitter:5", "duplicateText"), ("twitter:6", "duplicateText"), ("twitter:7", "duplicateText"), ("twitter:9", "account"), ("twitter:10", "account")],
            hidden);
        Assert.Contains(Spam, listing.GetProperty("hidden")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_moderation_change_republishes_the_session_and_undoing_it_brings_the_posts_back()
    {
        await using var host = await ChatHosts.StartAsync(kind, azurite);
        using var api = new ChatApi(host);
        var publisher = host.Services.GetRequiredService<TranscriptPublisher>();
        await api.PutSessionAsync("undone", Session());
        await api.PostAsync(Chat());
        using (var first = await api.PublishAsync("undone"))
        {
            Assert.Equal(11, first.RootElement.GetProperty("stats").GetProperty("posts").GetInt32());
        }
        Assert.Equal(0, await publisher.PublishDueAsync(TestContext.Current.CancellationToken));

        (await SendAsync(api, HttpMethod.Put, "/api/sessions/undone/moderation/posts/twitter/2", new JsonObject { ["reason"] = "spam" })).Dispose();
        (await SendAsync(api, HttpMethod.Put, "/api/sessions/undone/moderation/accounts/twitter/shopkeeper", new JsonObject { ["reason"] = "ads" })).Dispose();
        (await SendAsync(api, HttpMethod.Put, "/api/sessions/undone/moderation/rules", new JsonObject { ["maxHashtags"] = 5 })).Dispose();
        Assert.Equal(1, await publisher.PublishDueAsync(TestContext.Current.CancellationToken));
        Assert.Equal(["twitter:1", "twitter:3", "twitter:4", "twitter:5", "twitter:6", "twitter:7", "twitter:11"], await PublishedPostIdsAsync(api, "undone"));
        Assert.Equal(0, await publisher.PublishDueAsync(TestContext.Current.CancellationToken));

        using (var unhide = await api.Client.DeleteAsync(new Uri("/api/sessions/undone/moderation/posts/twitter/2", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NoContent, unhide.StatusCode);
        }
        using (var unblock = await api.Client.DeleteAsync(new Uri("/api/sessions/undone/moderation/accounts/twitter/ShopKeeper?scope=session", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NoContent, unblock.StatusCode);
        }
        (await SendAsync(api, HttpMethod.Put, "/api/sessions/undone/moderation/rules", new JsonObject())).Dispose();
        Assert.Equal(1, await publisher.PublishDueAsync(TestContext.Current.CancellationToken));

        Assert.Equal(11, (await PublishedPostIdsAsync(api, "undone")).Length);
        using var again = await api.Client.DeleteAsync(new Uri("/api/sessions/undone/moderation/posts/twitter/2", UriKind.Relative));
        await ProblemAsync(again, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_series_block_hides_the_account_in_every_session_sharing_a_hashtag_and_republishes_them()
    {
        await using var host = await ChatHosts.StartAsync(kind, azurite);
        using var api = new ChatApi(host);
        var publisher = host.Services.GetRequiredService<TranscriptPublisher>();
        var nextWeek = Session();
        nextWeek["startsAt"] = "2012-08-13T13:00:00+01:00";
        nextWeek["endsAt"] = "2012-08-13T14:00:00+01:00";
        var otherChat = Session("#hcsm");
        await api.PutSessionAsync("series-one", Session());
        await api.PutSessionAsync("series-two", nextWeek);
        await api.PutSessionAsync("other-chat", otherChat);
        await api.PostAsync(
            Post("1", "A1: good point #bmcmed #hcsm", 10, "nurse_jo"),
            Post("2", $"{Spam} #bmcmed #hcsm", 11, "spammer"),
            Post("3", $"{Spam} again #bmcmed", 10 + (7 * 24 * 60), "Spammer"),
            Post("4", "A1: next week #bmcmed", 11 + (7 * 24 * 60), "nurse_jo"));
        foreach (var id in new[] { "series-one", "series-two", "other-chat" })
        {
            (await api.PublishAsync(id)).Dispose();
        }

        using (var block = await SendAsync(api, HttpMethod.Put, "/api/sessions/series-one/moderation/accounts/twitter/spammer", new JsonObject { ["reason"] = "spam", ["scope"] = "series" }))
        {
            Assert.Equal(HttpStatusCode.Created, block.StatusCode);
            var entry = Assert.Single(JsonDocument.Parse(await block.Content.ReadAsStringAsync()).RootElement.GetProperty("accounts").EnumerateArray());
            Assert.Equal(("series", "bmcmed"), (Str(entry, "scope"), Str(entry, "hashtag")));
        }
        Assert.Equal(2, await publisher.PublishDueAsync(TestContext.Current.CancellationToken));

        Assert.Equal(["twitter:1"], await PublishedPostIdsAsync(api, "series-one"));
        Assert.Equal(["twitter:4"], await PublishedPostIdsAsync(api, "series-two"));
        Assert.Equal(["twitter:1", "twitter:2"], await PublishedPostIdsAsync(api, "other-chat"));
        using (var sessionUndo = await api.Client.DeleteAsync(new Uri("/api/sessions/series-two/moderation/accounts/twitter/spammer", UriKind.Relative)))
        {
            // Lifting the block needs the scope it was made with.
            await ProblemAsync(sessionUndo, HttpStatusCode.NotFound);
        }
        using (var undo = await api.Client.DeleteAsync(new Uri("/api/sessions/series-two/moderation/accounts/twitter/spammer?scope=series", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NoContent, undo.StatusCode);
        }
        Assert.Equal(2, await publisher.PublishDueAsync(TestContext.Current.CancellationToken));
        Assert.Equal(["twitter:1", "twitter:2"], await PublishedPostIdsAsync(api, "series-one"));
    }

    [Fact]
    public async Task Reach_is_reported_only_where_followers_were_sent()
    {
        await using var host = await ChatHosts.StartAsync(kind, azurite);
        using var api = new ChatApi(host);
        var unknown = Session("#nofollowers");
        await api.PutSessionAsync("with-followers", Session());
        await api.PutSessionAsync("without-followers", unknown);
        await api.PostAsync(
            WithFollowers(Post("1", "Q1: welcome #bmcmed", 0, "BMCMedicine"), 2500),
            Post("2", "A1: hello #bmcmed", 1, "nurse_jo"),
            Post("3", "A1: hello #nofollowers", 1, "nurse_jo"));

        using var known = await api.PublishAsync("with-followers");
        using var none = await api.PublishAsync("without-followers");

        var reach = known.RootElement.GetProperty("stats").GetProperty("reach");
        Assert.Equal((1, 2, 2500L, 2500L, true), (reach.GetProperty("authors").GetInt32(), reach.GetProperty("ofAuthors").GetInt32(), reach.GetProperty("followers").GetInt64(), reach.GetProperty("impressions").GetInt64(), reach.GetProperty("upperBound").GetBoolean()));
        Assert.Equal(JsonValueKind.Null, none.RootElement.GetProperty("stats").GetProperty("reach").ValueKind);
        var page = await api.Client.GetStringAsync(new Uri("/without-followers/index.html", UriKind.Relative));
        Assert.DoesNotContain("potential reach", page, StringComparison.Ordinal);
        Assert.Contains("potential reach", await api.Client.GetStringAsync(new Uri("/with-followers/index.html", UriKind.Relative)), StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string?, string> BadRequests => new()
    {
        { "PUT", "/api/sessions/checked/moderation/posts/Twitter/1", """{"reason":"spam"}""", "platform" },
        { "PUT", "/api/sessions/checked/moderation/posts/twitter/1", """{}""", "reason" },
        { "PUT", "/api/sessions/checked/moderation/posts/twitter/1", """{"reason":""}""", "reason" },
        { "PUT", "/api/sessions/checked/moderation/posts/twitter/1", """{"reason":"spam","moderator":"two\nlines"}""", "moderator" },
        { "PUT", "/api/sessions/checked/moderation/posts/twitter/1", """["spam"]""", "$" },
        { "PUT", "/api/sessions/checked/moderation/posts/twitter/1", """{"reason":"spam""", "$" },
        { "PUT", "/api/sessions/checked/moderation/accounts/twitter/spammer", """{"reason":"spam","scope":"forever"}""", "scope" },
        { "PUT", "/api/sessions/checked/moderation/accounts/twitter/@", """{"reason":"spam"}""", "handle" },
        { "DELETE", "/api/sessions/checked/moderation/accounts/twitter/spammer?scope=everywhere", null, "scope" },
        { "DELETE", "/api/sessions/checked/moderation/posts/a%20b/1", null, "platform" },
        { "PUT", "/api/sessions/checked/moderation/rules", """{"maxHashtags":0}""", "maxHashtags" },
        { "PUT", "/api/sessions/checked/moderation/rules", """{"maxHashtags":2.5}""", "maxHashtags" },
        { "PUT", "/api/sessions/checked/moderation/rules", """{"duplicateText":{"minAccounts":1}}""", "duplicateText.minAccounts" },
        { "PUT", "/api/sessions/checked/moderation/rules", """{"duplicateText":{}}""", "duplicateText.minAccounts" },
        { "PUT", "/api/sessions/checked/moderation/rules", """{"duplicateText":3}""", "duplicateText" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Bad_input_is_a_400_naming_the_field(string method, string path, string? body, string field)
    {
        await using var host = await ChatHosts.StartAsync(kind, azurite);
        using var api = new ChatApi(host);
        await api.PutSessionAsync("checked", Session());
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await api.Client.SendAsync(request);

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        var listing = JsonDocument.Parse(await api.Client.GetStringAsync(new Uri("/api/sessions/checked/moderation", UriKind.Relative))).RootElement;
        Assert.Empty(listing.GetProperty("posts").EnumerateArray());
        Assert.Empty(listing.GetProperty("accounts").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, listing.GetProperty("rules").ValueKind);
    }

    [Theory]
    [InlineData("GET", "/api/sessions/nowhere/moderation")]
    [InlineData("PUT", "/api/sessions/nowhere/moderation/rules")]
    [InlineData("PUT", "/api/sessions/nowhere/moderation/posts/twitter/1")]
    [InlineData("DELETE", "/api/sessions/nowhere/moderation/posts/twitter/1")]
    [InlineData("PUT", "/api/sessions/nowhere/moderation/accounts/twitter/spammer")]
    [InlineData("DELETE", "/api/sessions/nowhere/moderation/accounts/twitter/spammer")]
    [InlineData("GET", "/api/sessions/Not_An_Id/moderation")]
    public async Task An_unknown_session_is_a_404(string method, string path)
    {
        await using var host = await ChatHosts.StartAsync(kind, azurite);
        using var api = new ChatApi(host);
        using var request = new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = method == "PUT" ? new StringContent("""{"reason":"spam"}""", Encoding.UTF8, "application/json") : null,
        };

        using var response = await api.Client.SendAsync(request);

        await ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_change_sent_as_anything_but_json_is_a_415()
    {
        await using var host = await ChatHosts.StartAsync(kind, azurite);
        using var api = new ChatApi(host);
        await api.PutSessionAsync("typed", Session());

        using var response = await api.Client.PutAsync(
            new Uri("/api/sessions/typed/moderation/posts/twitter/1", UriKind.Relative), new StringContent("reason=spam", Encoding.UTF8, "application/x-www-form-urlencoded"));

        await ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task A_bluesky_post_id_with_slashes_is_hidden_and_shown_again()
    {
        await using var host = await ChatHosts.StartAsync(kind, azurite);
        using var api = new ChatApi(host);
        await api.PutSessionAsync("slashes", Session());
        const string path = "/api/sessions/slashes/moderation/posts/bluesky/did:plc:abc/app.bsky.feed.post/3k2";

        using var hide = await SendAsync(api, HttpMethod.Put, path, new JsonObject { ["reason"] = "spam" });
        var listed = JsonDocument.Parse(await api.Client.GetStringAsync(new Uri("/api/sessions/slashes/moderation", UriKind.Relative))).RootElement;
        using var unhide = await api.Client.DeleteAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Created, hide.StatusCode);
        Assert.Equal("did:plc:abc/app.bsky.feed.post/3k2", Str(listed.GetProperty("posts")[0], "id"));
        Assert.Equal(HttpStatusCode.NoContent, unhide.StatusCode);
    }

    private static JsonObject Post(string id, string text, int minute, string handle, string? replyTo = null) =>
        ChatApi.Post(id, text, minute, handle, replyTo);

    private static JsonObject WithFollowers(JsonObject post, long followers)
    {
        post["author"]!["followers"] = followers;
        return post;
    }

    private static string? Str(JsonElement element, string property) => element.GetProperty(property).GetString();

    private static async Task<HttpResponseMessage> SendAsync(ChatApi api, HttpMethod method, string path, JsonObject body, string? moderatorHeader = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        if (moderatorHeader is not null)
        {
            request.Headers.Add("X-Moderator", moderatorHeader);
        }
        var response = await api.Client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response;
    }

    private static async Task<string[]> PublishedPostIdsAsync(ChatApi api, string sessionId)
    {
        using var transcript = JsonDocument.Parse(await api.Client.GetStringAsync(new Uri($"/{sessionId}/transcript.json", UriKind.Relative)));
        return PostIds(transcript);
    }

    /// <summary>Every file a publish writes for the session, and the site's own, by path.</summary>
    private static async Task<Dictionary<string, string>> PublishedFilesAsync(ChatApi api, string sessionId)
    {
        var paths = new[]
        {
            $"{sessionId}/transcript.json",
            $"{sessionId}/{TranscriptMarkdown.FileName}",
            $"{sessionId}/{TranscriptCsv.FileName}",
            $"{sessionId}/{TranscriptPageRenderer.ChronologicalPage}",
            $"{sessionId}/{TranscriptPageRenderer.ThreadedPage}",
            "index.html",
            SiteFeed.FileName,
        };
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            files[path] = await api.Client.GetStringAsync(new Uri("/" + path, UriKind.Relative));
        }
        return files;
    }
}

public sealed class ModerationTestsOnLocalHost(AzuriteFixture azurite) : ModerationTests(azurite, HostKind.Local);

public sealed class ModerationTestsOnFunctionsApp(AzuriteFixture azurite) : ModerationTests(azurite, HostKind.Functions);
