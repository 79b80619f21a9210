using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using ChatTranscripts.IntegrationTests.Hosts;
using ChatTranscripts.LocalHost.Demo;
using ChatTranscripts.Testing;
namespace ChatTranscripts.IntegrationTests.EndToEnd;

/// <summary>
/// The bundled sample chat from HTTP request to published blobs. Expectations are derived from the sample file by
/// simple rules stated here (the file marks its edits, deletions, reposts and out-of-window posts by their fields),
/// not from the pipeline's code.
/// </summary>
public abstract partial class SampleChatTests(AzuriteFixture azurite, HostKind kind)
{
    private static readonly DemoChat Chat = DemoChat.Load();
    private static readonly DateTimeOffset WindowStart = DateTimeOffset.Parse("2012-08-06T11:45:00Z", CultureInfo.InvariantCulture);
    private static readonly DateTimeOffset WindowEnd = DateTimeOffset.Parse("2012-08-06T14:00:00Z", CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_sample_chat_publishes_a_transcript_that_follows_the_contract()
    {
        await using var host = await ChatHosts.StartAsync(kind, azurite);
        using var api = new ChatApi(host);
        await Chat.SendAsync(api.Client, ChatHostSettings.Secret, TimeProvider.System, batchSize: 25, TestContext.Current.CancellationToken);
        using var transcript = await api.PublishAsync(Chat.SessionId);
        var root = transcript.RootElement;
        var posts = root.GetProperty("posts").EnumerateArray().ToList();
        var expected = ExpectedShown();

        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), posts.Select(p => p.GetProperty("id").GetString()!).Order(StringComparer.Ordinal));
        foreach (var post in posts)
        {
            var source = expected[post.GetProperty("id").GetString()!];
            Assert.Equal(source["text"]!.GetValue<string>(), post.GetProperty("text").GetString());
            Assert.Equal(source["platform"]!.GetValue<string>(), post.GetProperty("platform").GetString());
            Assert.Equal(source["id"]!.GetValue<string>(), post.GetProperty("platformId").GetString());
            Assert.Equal(Utc(source["createdAt"]!), post.GetProperty("createdAt").GetString());
            Assert.EndsWith("Z", post.GetProperty("createdAt").GetString(), StringComparison.Ordinal);
            Assert.Equal(RoleOf(source["author"]!["handle"]!.GetValue<string>()), post.GetProperty("author").GetProperty("role").GetString());
            var replyTo = source["inReplyToId"]?.GetValue<string>();
            Assert.Equal(replyTo is null ? null : $"{source["platform"]}:{replyTo}", post.GetProperty("inReplyToId").GetString());
            Assert.Equal(replyTo is not null ? "reply" : source["quotedId"] is not null ? "quote" : "post", post.GetProperty("kind").GetString());
            Assert.Equal(ThreadRoot(post.GetProperty("id").GetString()!, expected), post.GetProperty("threadRootId").GetString());
            Assert.Equal(JsonValueKind.Array, post.GetProperty("hashtags").ValueKind);
        }

        // The sample's marked cases, by id: the edit shows its corrected text, the deletion, the retweet and the
        // posts outside the window are absent, and the chain sent in reverse order hangs under its answer.
        var byId = posts.ToDictionary(p => p.GetProperty("id").GetString()!);
        Assert.StartsWith("A1: Our son's diabetes team", byId["twitter:232450029423235328"].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.String, byId["twitter:232450029423235328"].GetProperty("editedAt").ValueKind);
        Assert.DoesNotContain("twitter:232450238634957056", byId.Keys);
        Assert.DoesNotContain("twitter:232454184202698752", byId.Keys);
        Assert.DoesNotContain("twitter:232136432050619136", byId.Keys);
        Assert.DoesNotContain("twitter:232758249230146304", byId.Keys);
        Assert.All(
            ["twitter:232448018475450176", "twitter:232448183459169792", "twitter:232448351133602816", "twitter:232448498905273344"],
            id => Assert.Equal("twitter:232447868552309760", byId[id].GetProperty("threadRootId").GetString()));
        Assert.Equal("bluesky:did:plc:7k3nq2xw5vdhm4ezjl6oa2yr/3aamztxoxks22", byId["bluesky:did:plc:7k3nq2xw5vdhm4ezjl6oa2yr/3aamztxoxks22"].GetProperty("threadRootId").GetString());

        var order = posts.Select(p => (p.GetProperty("createdAt").GetString(), p.GetProperty("id").GetString())).ToList();
        Assert.Equal(order.OrderBy(o => o.Item1, StringComparer.Ordinal).ThenBy(o => o.Item2, StringComparer.Ordinal), order);

        var stats = root.GetProperty("stats");
        Assert.Equal(posts.Count, stats.GetProperty("posts").GetInt32());
        Assert.Equal(ExpectedReposts(expected), stats.GetProperty("reposts").GetInt32());
        Assert.Equal(posts.Count(p => p.GetProperty("inReplyToId").ValueKind == JsonValueKind.String), stats.GetProperty("replies").GetInt32());
        Assert.Equal(posts.Select(p => p.GetProperty("author").GetProperty("handle").GetString()!.ToUpperInvariant()).Distinct().Count(), stats.GetProperty("participants").GetInt32());
        Assert.Equal(root.GetProperty("questions").GetArrayLength(), stats.GetProperty("questions").GetInt32());

        var questions = root.GetProperty("questions").EnumerateArray().ToList();
        Assert.Equal([1, 2, 3, 4], questions.Select(q => q.GetProperty("number").GetInt32()));
        foreach (var question in questions)
        {
            var asked = posts.Single(p => p.GetProperty("id").GetString() == question.GetProperty("postId").GetString());
            Assert.Equal("BMCMedicine", asked.GetProperty("author").GetProperty("handle").GetString());
            Assert.Equal(asked.GetProperty("text").GetString(), question.GetProperty("text").GetString());
            var answers = question.GetProperty("answerIds").EnumerateArray().Select(a => a.GetString()!).ToList();
            Assert.NotEmpty(answers);
            Assert.Equal(
                posts.Where(p => AnswerNumber(p.GetProperty("text").GetString()!) == question.GetProperty("number").GetInt32()).Select(p => p.GetProperty("id").GetString()),
                answers);
        }

        var participants = root.GetProperty("participants").EnumerateArray().ToList();
        Assert.Equal(stats.GetProperty("participants").GetInt32(), participants.Count);
        Assert.Equal(posts.Count, participants.Sum(p => p.GetProperty("posts").GetInt32()));
        var counts = participants.Select(p => p.GetProperty("posts").GetInt32()).ToList();
        Assert.Equal(counts.OrderDescending(), counts);

        var session = await api.SessionAsync(Chat.SessionId);
        Assert.Equal("published", session.GetProperty("status").GetString());
        Assert.Equal(posts.Count + ExpectedReposts(expected), session.GetProperty("postCount").GetInt32());
        Assert.Equal($"/{Chat.SessionId}/index.html", session.GetProperty("transcriptUrl").GetString());
    }

    [Fact]
    public async Task The_page_shows_every_post_with_its_content_escaped()
    {
        await using var host = await ChatHosts.StartAsync(kind, azurite);
        using var api = new ChatApi(host);
        await Chat.SendAsync(api.Client, ChatHostSettings.Secret, TimeProvider.System, batchSize: 40, TestContext.Current.CancellationToken);
        using var transcript = await api.PublishAsync(Chat.SessionId);

        using var response = await api.Client.GetAsync(new Uri($"/{Chat.SessionId}/index.html", UriKind.Relative));
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.NotNull(response.Headers.CacheControl);
        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

        Assert.Empty(document.QuerySelectorAll("script"));
        Assert.Empty(document.QuerySelectorAll("[onerror], [onload], [onclick]"));
        var pageText = document.Body!.TextContent;
        foreach (var post in transcript.RootElement.GetProperty("posts").EnumerateArray())
        {
            Assert.Contains(post.GetProperty("text").GetString()!, pageText, StringComparison.Ordinal);
        }
        var index = new HtmlParser().ParseDocument(await api.Client.GetStringAsync(new Uri("/", UriKind.Relative)));
        Assert.Contains(index.QuerySelectorAll("a"), a => a.GetAttribute("href")!.Contains(Chat.SessionId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Shuffled_duplicated_and_rebatched_posts_publish_byte_identical_files()
    {
        var reference = await PublishAsync(Chat.Posts, batchSize: 25);
        var random = new Random(20120806);
        var shuffled = Chat.Posts.Concat(Chat.Posts.Where((_, i) => i % 3 == 0)).OrderBy(_ => random.Next()).ToList();

        var again = await PublishAsync(shuffled, batchSize: 7);

        Assert.Equal(reference.Json, again.Json);
        Assert.Equal(reference.Page, again.Page);
    }

    private async Task<(string Json, string Page)> PublishAsync(IReadOnlyList<JsonObject> posts, int batchSize)
    {
        await using var host = await ChatHosts.StartAsync(kind, azurite);
        using var api = new ChatApi(host);
        await api.PutSessionAsync(Chat.SessionId, Chat.Session);
        foreach (var batch in posts.Chunk(batchSize))
        {
            await api.PostAsync(batch);
        }
        foreach (var (platform, id) in Chat.Deletions)
        {
            await api.DeleteAsync(platform, id);
        }
        using var transcript = await api.PublishAsync(Chat.SessionId);
        return (
            await api.Client.GetStringAsync(new Uri($"/{Chat.SessionId}/transcript.json", UriKind.Relative)),
            await api.Client.GetStringAsync(new Uri($"/{Chat.SessionId}/index.html", UriKind.Relative)));
    }

    /// <summary>
    /// The posts the contract says are shown: latest version per post, not deleted, not a repost, created in the
    /// window, and carrying #bmcmed or replying (transitively) to such a post.
    /// </summary>
    private static Dictionary<string, JsonObject> ExpectedShown()
    {
        var deleted = Chat.Deletions.Select(d => $"{d.Platform}:{d.Id}").ToHashSet();
        var latest = Chat.Posts
            .GroupBy(Key)
            .Select(g => g.OrderBy(p => p["editedAt"] is null ? DateTimeOffset.MinValue : DateTimeOffset.Parse(p["editedAt"]!.GetValue<string>(), CultureInfo.InvariantCulture)).Last())
            .Where(p => !deleted.Contains(Key(p)) && InWindow(p))
            .ToDictionary(Key);
        var members = latest.Values.Where(p => SessionHashtag().IsMatch(p["text"]!.GetValue<string>())).Select(Key).ToHashSet();
        bool grew;
        do
        {
            grew = false;
            foreach (var post in latest.Values)
            {
                var parent = post["inReplyToId"] is { } id ? $"{post["platform"]}:{id}" : null;
                var reposted = post["repostOfId"] is { } target ? $"{post["platform"]}:{target}" : null;
                if ((parent is not null && members.Contains(parent)) || (reposted is not null && members.Contains(reposted)))
                {
                    grew |= members.Add(Key(post));
                }
            }
        }
        while (grew);
        return latest.Where(p => members.Contains(p.Key) && p.Value["repostOfId"] is null).ToDictionary(p => p.Key, p => p.Value);
    }

    private static int ExpectedReposts(Dictionary<string, JsonObject> shown) =>
        Chat.Posts.Where(p => p["repostOfId"] is { } target && shown.ContainsKey($"{p["platform"]}:{target}") && InWindow(p)).Select(Key).Distinct().Count();

    private static string ThreadRoot(string id, Dictionary<string, JsonObject> shown)
    {
        var root = id;
        while (shown[root]["inReplyToId"] is { } parent && shown.ContainsKey($"{shown[root]["platform"]}:{parent}"))
        {
            root = $"{shown[root]["platform"]}:{parent}";
        }
        return root;
    }

    private static string RoleOf(string handle) =>
        handle.Equals("BMCMedicine", StringComparison.OrdinalIgnoreCase) ? "moderator"
        : handle.Equals("FarrisTimimi", StringComparison.OrdinalIgnoreCase) || handle.Equals("LeeAase", StringComparison.OrdinalIgnoreCase) ? "guest"
        : "participant";

    private static int? AnswerNumber(string text)
    {
        var match = AnswerLabel().Match(text);
        return match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    private static bool InWindow(JsonObject post)
    {
        var created = DateTimeOffset.Parse(post["createdAt"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        return created >= WindowStart && created <= WindowEnd;
    }

    private static string Utc(JsonNode createdAt) =>
        DateTimeOffset.Parse(createdAt.GetValue<string>(), CultureInfo.InvariantCulture).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static string Key(JsonObject post) => $"{post["platform"]}:{post["id"]}";

    [GeneratedRegex(@"(?i)(?<![\w&])#bmcmed(?!\w)")]
    private static partial Regex SessionHashtag();

    [GeneratedRegex(@"^(?:(?:[.@#][\w.]*|\.)\s*)*[Aa]([1-9][0-9]?)[a-zA-Z]?(?:$|[\s:.)\-–—,])")]
    private static partial Regex AnswerLabel();
}

public sealed class SampleChatTestsOnLocalHost(AzuriteFixture azurite) : SampleChatTests(azurite, HostKind.Local);

public sealed class SampleChatTestsOnFunctionsApp(AzuriteFixture azurite) : SampleChatTests(azurite, HostKind.Functions);
