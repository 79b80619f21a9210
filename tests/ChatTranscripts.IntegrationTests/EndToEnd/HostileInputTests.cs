using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using ChatTranscripts.IntegrationTests.Hosts;
using ChatTranscripts.Pipeline.Adapters.Tables;
using ChatTranscripts.Testing;
using Microsoft.Extensions.DependencyInjection;
using static ChatTranscripts.IntegrationTests.EndToEnd.ChatApi;

namespace ChatTranscripts.IntegrationTests.EndToEnd;

/// <summary>
/// What an attacker or a careless sender sends, on every route, against the local host with every secret set: each
/// refusal is a 4xx problem+json naming the field, never a 5xx, and nothing refused is stored.
/// </summary>
public sealed class HostileInputTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string SessionId = "hostile";
    private const string XSecret = "x-consumer-secret-for-hostile-tests";
    private const string MastodonSecret = "mastodon-secret-for-hostile-tests";

    /// <summary>Stands for the hostile value in a probe's JSON; replaced by the raw JSON text of the value.</summary>
    private const string Mark = "@@HOSTILE@@";

    private LocalHostFactory _host = null!;
    private ChatApi _api = null!;

    public async ValueTask InitializeAsync()
    {
        _host = new LocalHostFactory(azurite, new Dictionary<string, string?>
        {
            ["Webhooks:X:ConsumerSecret"] = XSecret,
            ["Webhooks:Mastodon:Secret"] = MastodonSecret,
        });
        _api = new ChatApi(_host);
        await _api.PutSessionAsync(SessionId, Session());
    }

    public async ValueTask DisposeAsync()
    {
        _api.Dispose();
        await _host.DisposeAsync();
    }

    public enum Route
    {
        Posts,
        Sessions,
        X,
        Mastodon,
        Bluesky,
    }

    /// <summary>Every route, every string field a reader takes: the probe's JSON holds <see cref="Mark"/> where the hostile value goes.</summary>
    public static TheoryData<Route, string, string> EveryField => new()
    {
        { Route.Posts, PostWith("platform"), "platform" },
        { Route.Posts, PostWith("id"), "id" },
        { Route.Posts, PostWith("author.handle"), "author.handle" },
        { Route.Posts, PostWith("author.displayName"), "author.displayName" },
        { Route.Posts, PostWith("text"), "text" },
        { Route.Posts, PostWith("createdAt"), "createdAt" },
        { Route.Posts, PostWith("inReplyToId"), "inReplyToId" },
        { Route.Posts, PostWith("url"), "url" },
        { Route.Posts, PostWith("lang"), "lang" },
        { Route.Posts, "[" + PostJson("ok #bmcmed") + "," + PostWith("text") + "]", "posts[1].text" },
        { Route.Sessions, SessionWith("title"), "title" },
        { Route.Sessions, SessionWith("description"), "description" },
        { Route.Sessions, SessionWith("hashtags", 0), "hashtags[0]" },
        { Route.Sessions, SessionWith("startsAt"), "startsAt" },
        { Route.Sessions, SessionWith("timeZone"), "timeZone" },
        { Route.Sessions, SessionWith("moderators", 0), "moderators[0]" },
        { Route.Sessions, SessionWith("guests", 0), "guests[0]" },
        { Route.Sessions, SessionWith("questions", 0), "questions[0]" },
        { Route.X, XTweetWith("text"), "tweet_create_events[0].text" },
        { Route.X, XTweetWith("id_str"), "tweet_create_events[0].id_str" },
        { Route.X, XTweetWith("created_at"), "tweet_create_events[0].created_at" },
        { Route.X, XTweetWith("user.screen_name"), "tweet_create_events[0].user.screen_name" },
        { Route.X, XTweetWith("user.name"), "tweet_create_events[0].user.name" },
        { Route.X, XV2With("data.text"), "data.text" },
        { Route.X, XV2With("includes.users.username"), "includes.users[0].username" },
        { Route.Mastodon, MastodonWith("object.content"), "object.content" },
        { Route.Mastodon, MastodonWith("object.id"), "object.id" },
        { Route.Mastodon, MastodonWith("object.account.acct"), "object.account.acct" },
        { Route.Mastodon, MastodonWith("object.account.display_name"), "object.account.display_name" },
        { Route.Mastodon, MastodonWith("object.created_at"), "object.created_at" },
        { Route.Bluesky, BlueskyWith("commit.record.text"), "commit.record.text" },
        { Route.Bluesky, BlueskyWith("did"), "did" },
        { Route.Bluesky, BlueskyWith("commit.record.createdAt"), "commit.record.createdAt" },
        { Route.Bluesky, BlueskyWith("commit.record.facets.uri"), "commit.record.facets[0].features[0].uri" },
        { Route.Bluesky, BlueskyWith("commit.record.embed.record.uri"), "commit.record.embed.record.uri" },
    };

    [Theory]
    [MemberData(nameof(EveryField))]
    public async Task Half_a_surrogate_pair_is_a_400_naming_the_field_on_every_route(Route route, string probe, string field)
    {
        using var high = await SendAsync(route, probe.Replace(Mark, "ok \\ud800 ok", StringComparison.Ordinal));
        await AssertRefusedAsync(high, field);

        using var low = await SendAsync(route, probe.Replace(Mark, "\\udfff", StringComparison.Ordinal));
        await AssertRefusedAsync(low, field);
    }

    /// <summary>The parser lets bytes that are not UTF-8 through inside strings; reading them would throw.</summary>
    [Theory]
    [MemberData(nameof(EveryField))]
    public async Task Bytes_that_are_not_utf8_are_a_400_naming_the_field_on_every_route(Route route, string probe, string field)
    {
        var (before, after) = (probe[..probe.IndexOf(Mark, StringComparison.Ordinal)], probe[(probe.IndexOf(Mark, StringComparison.Ordinal) + Mark.Length)..]);
        byte[] body = [.. Encoding.UTF8.GetBytes(before), 0x6F, 0xFF, 0xC3, 0x6B, .. Encoding.UTF8.GetBytes(after)];

        using var response = await SendBytesAsync(route, body);

        await AssertRefusedAsync(response, field);
    }

    [Theory]
    [InlineData(Route.Posts, """{"platform":"twitter","id":"1","author":{"handle":"a"},"text":"ok #bmcmed","createdAt":"2012-08-06T12:10:00Z","\ud800":1}""", "\\ud800")]
    [InlineData(Route.X, """{"for_user_id":"1","\ud800_events":[{}]}""", "\\ud800_events")]
    [InlineData(Route.Bluesky, """{"did":"did:plc:a","time_us":1,"kind":"commit","\udc00":"x","commit":{"operation":"delete","collection":"app.bsky.feed.post","rkey":"3a"}}""", "\\udc00")]
    [InlineData(Route.Sessions, """{"title":"t","hashtags":["x"],"startsAt":"2012-08-06T13:00:00Z","endsAt":"2012-08-06T14:00:00Z","extra":{"\ud83d":true}}""", "extra.\\ud83d")]
    public async Task Half_a_surrogate_pair_in_a_field_name_is_a_400_naming_it(Route route, string body, string field)
    {
        using var response = await SendAsync(route, body);

        await AssertRefusedAsync(response, field);
    }

    /// <summary>.NET's <c>$</c> matches before a final newline; every pattern must end the value for good.</summary>
    [Theory]
    [InlineData("platform", "twitter\\n")]
    [InlineData("createdAt", "2012-08-06T12:10:00Z\\n")]
    [InlineData("lang", "en\\n")]
    [InlineData("editedAt", "2012-08-06T12:11:00Z\\n")]
    public async Task A_trailing_newline_is_refused(string field, string value)
    {
        using var response = await SendAsync(Route.Posts, PostWith(field).Replace(Mark, value, StringComparison.Ordinal));

        await AssertRefusedAsync(response, field);
    }

    [Fact]
    public async Task A_session_id_with_a_trailing_newline_is_refused_and_never_found()
    {
        using var put = await _api.Client.PutAsync(new Uri("/api/sessions/newline%0A", UriKind.Relative), Json(Session().ToJsonString()));
        using var get = await _api.Client.GetAsync(new Uri("/api/sessions/newline%0A", UriKind.Relative));
        using var publish = await _api.Client.PostAsync(new Uri("/api/sessions/newline%0A/publish", UriKind.Relative), null);
        using var plain = await _api.Client.GetAsync(new Uri("/api/sessions/newline", UriKind.Relative));

        await AssertProblemAsync(put, HttpStatusCode.BadRequest, "id");
        await AssertProblemAsync(get, HttpStatusCode.NotFound);
        await AssertProblemAsync(publish, HttpStatusCode.NotFound);
        await AssertProblemAsync(plain, HttpStatusCode.NotFound);
    }

    /// <summary>Control characters (line breaks too: every field but the description is one line) and noncharacters.</summary>
    [Theory]
    [InlineData("title", "\\u0000")]
    [InlineData("title", "line\\nbreak")]
    [InlineData("title", "\\u0085")]
    [InlineData("title", "\\ufffe")]
    [InlineData("description", "\\u0000")]
    [InlineData("description", "\\u009b")]
    [InlineData("description", "\\ufdd0")]
    [InlineData("timeZone", "UTC\\n")]
    [InlineData("timeZone", "UTC\\u0000")]
    [InlineData("hashtags", "bmcmed\\u0000")]
    [InlineData("hashtags", "bmcmed\\uffff")]
    [InlineData("moderators", "BMCMedicine\\uffff")]
    [InlineData("moderators", "\\ufdef")]
    [InlineData("guests", "Lee\\u0000Aase")]
    [InlineData("guests", "LeeAase\\ud83f\\udffe")]
    [InlineData("questions", "Q\\u0000 one?")]
    [InlineData("questions", "Q one?\\uffff")]
    [InlineData("questions", "Q\\u0007 one?")]
    [InlineData("questions", "Q one\\n?")]
    public async Task Control_characters_and_noncharacters_are_refused_in_every_session_field(string field, string value)
    {
        var isList = field is "hashtags" or "moderators" or "guests" or "questions";
        var probe = isList ? SessionWith(field, 0) : SessionWith(field);

        using var response = await SendAsync(Route.Sessions, probe.Replace(Mark, value, StringComparison.Ordinal));

        await AssertRefusedAsync(response, isList ? $"{field}[0]" : field);
    }

    [Theory]
    [InlineData(Route.Posts, "createdAt", "٢٠١٢-08-06T12:10:00Z")]
    [InlineData(Route.Posts, "createdAt", "2012-08-06T12:10:0٠Z")]
    [InlineData(Route.Posts, "createdAt", "２０１２-08-06T12:10:00Z")]
    [InlineData(Route.Posts, "editedAt", "2012-08-06T12:1१:00Z")]
    [InlineData(Route.Sessions, "startsAt", "2012-08-06T13:00:00+0١:00")]
    public async Task Timestamps_take_ascii_digits_only(Route route, string field, string value)
    {
        var probe = route == Route.Posts ? PostWith(field) : SessionWith(field);

        using var response = await SendAsync(route, probe.Replace(Mark, value, StringComparison.Ordinal));

        await AssertRefusedAsync(response, field);
    }

    [Theory]
    [InlineData(Route.X, "created_at", "Mon Aug 06 12:1٠:00 +0000 2012", "tweet_create_events[0].created_at")]
    [InlineData(Route.Mastodon, "object.created_at", "2012-08-06T12:1٠:00.000Z", "object.created_at")]
    [InlineData(Route.Bluesky, "commit.record.createdAt", "2012-08-06T12:1٠:00.000Z", "commit.record.createdAt")]
    public async Task Platform_timestamps_take_ascii_digits_only(Route route, string field, string value, string reported)
    {
        var probe = route switch
        {
            Route.X => XTweetWith(field),
            Route.Mastodon => MastodonWith(field),
            _ => BlueskyWith(field),
        };

        using var response = await SendAsync(route, probe.Replace(Mark, value, StringComparison.Ordinal));

        await AssertRefusedAsync(response, reported);
    }

    /// <summary>Anything a JSON body could be made of: an object, an array, a string, markup, spaces, other alphabets.</summary>
    [Theory]
    [InlineData("{\"tweet_create_events\":[]}")]
    [InlineData("[1]")]
    [InlineData("\"quoted\"")]
    [InlineData("two words")]
    [InlineData("token\n")]
    [InlineData("tökén")]
    [InlineData("a,b")]
    [InlineData("<x>")]
    public async Task A_crc_token_not_shaped_like_x_sends_them_is_a_400_naming_it(string token)
    {
        using var response = await _api.Client.GetAsync(new Uri("/api/webhooks/x?crc_token=" + Uri.EscapeDataString(token), UriKind.Relative));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "crc_token");
    }

    [Fact]
    public async Task A_crc_token_longer_than_x_sends_is_a_400()
    {
        using var longest = await _api.Client.GetAsync(new Uri("/api/webhooks/x?crc_token=" + new string('A', 128), UriKind.Relative));
        using var tooLong = await _api.Client.GetAsync(new Uri("/api/webhooks/x?crc_token=" + new string('A', 129), UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, longest.StatusCode);
        await AssertProblemAsync(tooLong, HttpStatusCode.BadRequest, "crc_token");
    }

    [Fact]
    public async Task Repeated_crc_tokens_are_a_400()
    {
        using var response = await _api.Client.GetAsync(new Uri("/api/webhooks/x?crc_token=abc&crc_token=def", UriKind.Relative));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "crc_token");
    }

    /// <summary>
    /// The CRC answer is HMAC(secret, token), the very signature a delivery whose body is the token carries. Tokens
    /// that X's shape allows are at most JSON scalars, so a replayed answer signs nothing that holds a post.
    /// </summary>
    [Theory]
    [InlineData("__TOKEN_FROM_TWITTER__")]
    [InlineData("1234")]
    [InlineData("-1")]
    [InlineData("1e5")]
    [InlineData("null")]
    [InlineData("true")]
    [InlineData("bnVsbA==")]
    public async Task A_crc_answer_replayed_as_a_delivery_signature_stores_nothing(string token)
    {
        using var crc = await _api.Client.GetAsync(new Uri("/api/webhooks/x?crc_token=" + Uri.EscapeDataString(token), UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, crc.StatusCode);
        var signature = JsonDocument.Parse(await crc.Content.ReadAsStringAsync()).RootElement.GetProperty("response_token").GetString();

        using var replay = await SendXAsync(token, signature);

        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        Assert.Equal("application/problem+json", replay.Content.Headers.ContentType?.MediaType);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task A_delivery_cannot_get_its_signature_from_the_crc_route()
    {
        var delivery = XTweetWith("text").Replace(Mark, "forged #bmcmed", StringComparison.Ordinal);

        using var crc = await _api.Client.GetAsync(new Uri("/api/webhooks/x?crc_token=" + Uri.EscapeDataString(delivery), UriKind.Relative));

        await AssertProblemAsync(crc, HttpStatusCode.BadRequest, "crc_token");
        Assert.DoesNotContain("response_token", await crc.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>Link facets that are malformed are skipped, as overlapping ones are: the post is kept with its text as written.</summary>
    [Theory]
    [InlineData("\"6\"")]
    [InlineData("{}")]
    [InlineData("[6]")]
    [InlineData("true")]
    public async Task A_link_facet_whose_offsets_are_not_numbers_is_skipped_and_the_post_kept(string byteStart)
    {
        var probe = BlueskyWith("commit.record.facets.uri").Replace(Mark, "https://example.org/", StringComparison.Ordinal)
            .Replace("\"byteStart\":6", "\"byteStart\":" + byteStart, StringComparison.Ordinal);

        using var response = await SendAsync(Route.Bluesky, probe);

        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        await _api.ProcessedAsync();
        Assert.Equal(1, (await _api.SessionAsync(SessionId)).GetProperty("postCount").GetInt32());
    }

    [Fact]
    public async Task Every_probe_was_readable_and_accepted_with_a_harmless_value()
    {
        // Guards the probes themselves: with an ordinary value in place of the hostile one, each would be accepted.
        foreach (var row in EveryField)
        {
            var (route, probe, field) = row.Data;
            using var response = await SendAsync(route, probe.Replace(Mark, HarmlessValue(field), StringComparison.Ordinal), sessionId: "harmless-" + route.ToString().ToLowerInvariant());
            Assert.True((int)response.StatusCode is >= 200 and < 300, $"{route} {field}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static string HarmlessValue(string field) => field switch
    {
        "platform" => "twitter",
        "lang" => "en",
        "url" => "https://example.org/1",
        "createdAt" or "startsAt" or "object.created_at" or "commit.record.createdAt" => "2012-08-06T12:10:00Z",
        "tweet_create_events[0].created_at" => "Mon Aug 06 12:10:00 +0000 2012",
        "timeZone" => "Europe/London",
        "commit.record.facets[0].features[0].uri" => "https://example.org/link",
        "commit.record.embed.record.uri" => "at://did:plc:b/app.bsky.feed.post/3b",
        "did" => "did:plc:harmless",
        "includes.users[0].username" => "someone",
        "data.text" or "text" or "posts[1].text" or "tweet_create_events[0].text" or "object.content" or "commit.record.text" => "harmless #bmcmed",
        _ => "harmless1",
    };

    private Task<HttpResponseMessage> SendAsync(Route route, string json, string sessionId = "probe") =>
        SendBytesAsync(route, Encoding.UTF8.GetBytes(json), sessionId);

    /// <summary>Sends the body as each route's sender would, signed with that route's secret.</summary>
    private async Task<HttpResponseMessage> SendBytesAsync(Route route, byte[] body, string sessionId = "probe")
    {
        var (method, path) = route switch
        {
            Route.Sessions => (HttpMethod.Put, $"/api/sessions/{sessionId}"),
            Route.X => (HttpMethod.Post, "/api/webhooks/x"),
            Route.Mastodon => (HttpMethod.Post, "/api/webhooks/mastodon"),
            Route.Bluesky => (HttpMethod.Post, "/api/webhooks/bluesky"),
            _ => (HttpMethod.Post, "/api/posts"),
        };
        using var request = new HttpRequestMessage(method, path) { Content = Bytes(body) };
        switch (route)
        {
            case Route.X:
                request.Headers.Add(WebhookRequestSigner.XHeader, WebhookRequestSigner.XSignature(XSecret, body));
                break;
            case Route.Mastodon:
                request.Headers.Add(WebhookRequestSigner.MastodonHeader, WebhookRequestSigner.MastodonSignature(MastodonSecret, body));
                break;
            case Route.Posts or Route.Bluesky:
                WebhookRequestSigner.SignStandardWebhook(request, ChatHostSettings.Secret, DateTimeOffset.UtcNow, body);
                break;
        }
        return await _api.Client.SendAsync(request);
    }

    private async Task<HttpResponseMessage> SendXAsync(string json, string? signature)
    {
        var body = Encoding.UTF8.GetBytes(json);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/x") { Content = Bytes(body) };
        request.Headers.Add(WebhookRequestSigner.XHeader, signature ?? WebhookRequestSigner.XSignature(XSecret, body));
        return await _api.Client.SendAsync(request);
    }

    private async Task AssertRefusedAsync(HttpResponseMessage response, string field)
    {
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
        await AssertNothingStoredAsync();
        using var probe = await _api.Client.GetAsync(new Uri("/api/sessions/probe", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, probe.StatusCode);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? field = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        if (field is not null)
        {
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), $"no error for {field}: {body}");
            Assert.NotEmpty(messages.EnumerateArray());
        }
    }

    /// <summary>Nothing queued was processed into storage: no received post, no tombstone, and the session holds nothing.</summary>
    private async Task AssertNothingStoredAsync()
    {
        await _api.ProcessedAsync();
        var tables = _host.Services.GetRequiredService<PipelineTables>();
        Assert.Empty(await tables.ReceivedPosts.QueryAsync<TableEntity>(cancellationToken: TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Empty(await tables.Deletions.QueryAsync<TableEntity>(cancellationToken: TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, (await _api.SessionAsync(SessionId)).GetProperty("postCount").GetInt32());
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static ByteArrayContent Bytes(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    /// <summary>A valid post with <see cref="Mark"/> in <paramref name="field"/> (a dotted path).</summary>
    private static string PostWith(string field)
    {
        var post = JsonNode.Parse(PostJson("probe #bmcmed"))!.AsObject();
        post["editedAt"] = "2012-08-06T12:11:00Z";
        post["url"] = "https://example.org/1";
        post["lang"] = "en";
        post["inReplyToId"] = "0";
        post["author"]!["displayName"] = "Someone";
        return Marked(post, field);
    }

    private static string PostJson(string text) => Post("probe-1", text).ToJsonString();

    private static string SessionWith(string field, int? index = null)
    {
        var session = Session();
        session["description"] = "A description";
        session["guests"] = new JsonArray("LeeAase");
        if (index is { } i)
        {
            session[field]![i] = Mark;
            return session.ToJsonString();
        }
        return Marked(session, field);
    }

    private static string XTweetWith(string field)
    {
        var tweet = new JsonObject
        {
            ["created_at"] = "Mon Aug 06 12:10:00 +0000 2012",
            ["id_str"] = "232468011478450176",
            ["text"] = "probe #bmcmed",
            ["user"] = new JsonObject { ["id_str"] = "783214", ["screen_name"] = "someone", ["name"] = "Someone" },
            ["lang"] = "en",
        };
        return Marked(new JsonObject { ["for_user_id"] = "1", ["tweet_create_events"] = new JsonArray(tweet) }, "tweet_create_events.0." + field);
    }

    private static string XV2With(string field)
    {
        var delivery = new JsonObject
        {
            ["data"] = new JsonObject { ["id"] = "232468011478450177", ["author_id"] = "783214", ["created_at"] = "2012-08-06T12:10:00.000Z", ["text"] = "probe #bmcmed" },
            ["includes"] = new JsonObject { ["users"] = new JsonArray(new JsonObject { ["id"] = "783214", ["username"] = "someone", ["name"] = "Someone" }) },
        };
        return Marked(delivery, field.Replace("users.", "users.0.", StringComparison.Ordinal));
    }

    private static string MastodonWith(string field)
    {
        var delivery = new JsonObject
        {
            ["event"] = "status.created",
            ["created_at"] = "2012-08-06T12:10:01.000Z",
            ["object"] = new JsonObject
            {
                ["id"] = "109",
                ["created_at"] = "2012-08-06T12:10:00.000Z",
                ["visibility"] = "public",
                ["language"] = "en",
                ["url"] = "https://example.org/@alice/109",
                ["content"] = "<p>probe #bmcmed</p>",
                ["account"] = new JsonObject { ["id"] = "1", ["acct"] = "alice", ["display_name"] = "Alice", ["url"] = "https://example.org/@alice" },
            },
        };
        return Marked(delivery, field);
    }

    private static string BlueskyWith(string field)
    {
        var record = new JsonObject
        {
            ["$type"] = "app.bsky.feed.post",
            ["createdAt"] = "2012-08-06T12:10:00.000Z",
            ["langs"] = new JsonArray("en"),
            ["text"] = "probe example.org #bmcmed",
            ["facets"] = new JsonArray(new JsonObject
            {
                ["index"] = new JsonObject { ["byteStart"] = 6, ["byteEnd"] = 17 },
                ["features"] = new JsonArray(new JsonObject { ["$type"] = "app.bsky.richtext.facet#link", ["uri"] = "https://example.org/" }),
            }),
            ["embed"] = new JsonObject { ["$type"] = "app.bsky.embed.record", ["record"] = new JsonObject { ["uri"] = "at://did:plc:b/app.bsky.feed.post/3b", ["cid"] = "bafy" } },
        };
        var commit = new JsonObject { ["rev"] = "3m", ["operation"] = "create", ["collection"] = "app.bsky.feed.post", ["rkey"] = "3a", ["record"] = record, ["cid"] = "bafy" };
        var delivery = new JsonObject { ["did"] = "did:plc:a", ["time_us"] = 1344254400000000, ["kind"] = "commit", ["commit"] = commit };
        return Marked(delivery, field.Replace("facets.uri", "facets.0.features.0.uri", StringComparison.Ordinal));
    }

    /// <summary>Sets the value at a dotted path (numbers index arrays) to <see cref="Mark"/>.</summary>
    private static string Marked(JsonObject root, string path)
    {
        JsonNode node = root;
        var parts = path.Split('.');
        foreach (var part in parts[..^1])
        {
            node = int.TryParse(part, out var index) ? node[index]! : node[part]!;
        }
        if (int.TryParse(parts[^1], out var last))
        {
            node[last] = Mark;
        }
        else
        {
            node[parts[^1]] = Mark;
        }
        return root.ToJsonString();
    }
}
