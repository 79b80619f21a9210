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

/// <summary>Mastodon admin webhook deliveries, shaped like the real <c>status.created</c> body, through the local host.</summary>
public abstract class MastodonWebhookTests(AzuriteFixture azurite, HostKind kind)
{
    private const string MastodonSecret = "3f1c0a9e8b7d6c5b4a39281706f5e4d3";

    private static readonly Dictionary<string, string?> Settings = new() { ["Webhooks:Mastodon:Secret"] = MastodonSecret };

    private static JsonObject Delivery(string type, string id, string html, int minute, string acct = "alice", string? inReplyToId = null, JsonObject? reblog = null, string? editedAt = null) => new()
    {
        ["event"] = type,
        ["created_at"] = Start.AddMinutes(minute + 1).ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        ["object"] = new JsonObject
        {
            ["id"] = id,
            ["created_at"] = Start.AddMinutes(minute).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture),
            ["in_reply_to_id"] = inReplyToId,
            ["in_reply_to_account_id"] = inReplyToId is null ? null : "1",
            ["sensitive"] = false,
            ["spoiler_text"] = "",
            ["visibility"] = "public",
            ["language"] = "en",
            ["uri"] = $"https://example.org/users/{acct}/statuses/{id}",
            ["url"] = reblog is null ? $"https://example.org/@{acct}/{id}" : null,
            ["edited_at"] = editedAt,
            ["content"] = html,
            ["reblog"] = reblog,
            ["account"] = new JsonObject
            {
                ["id"] = acct == "alice" ? "1" : "2",
                ["username"] = acct,
                ["acct"] = acct,
                ["display_name"] = acct.ToUpperInvariant(),
                ["url"] = $"https://example.org/@{acct}",
            },
            ["media_attachments"] = new JsonArray(),
            ["mentions"] = new JsonArray(),
            ["tags"] = new JsonArray(),
            ["emojis"] = new JsonArray(),
        },
    };

    private const string Hashtag = "<a href=\"https://example.org/tags/bmcmed\" class=\"mention hashtag\" rel=\"tag\">#<span>bmcmed</span></a>";

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string json, string? secret = MastodonSecret, string? signature = null)
    {
        var body = Encoding.UTF8.GetBytes(json);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/mastodon") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        signature ??= secret is null ? null : WebhookRequestSigner.MastodonSignature(secret, body);
        if (signature is not null)
        {
            request.Headers.Add(WebhookRequestSigner.MastodonHeader, signature);
        }
        return await client.SendAsync(request);
    }

    private static async Task AcceptedAsync(HttpClient client, JsonObject delivery)
    {
        using var response = await SendAsync(client, delivery.ToJsonString());
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        Assert.Equal(1, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("accepted").GetInt32());
    }

    [Fact]
    public async Task Statuses_replies_edits_and_reblogs_reach_the_published_transcript()
    {
        await using var host = await ChatHosts.StartAsync(kind, azurite, Settings);
        using var api = new ChatApi(host);
        await api.PutSessionAsync("mastodon-chat", Session());

        await AcceptedAsync(api.Client, Delivery("status.created", "1001", $"<p>A1: patients search online &amp; so should we {Hashtag}</p><p>second paragraph</p>", 10));
        await AcceptedAsync(api.Client, Delivery("status.created", "1002", "<p><span class=\"h-card\"><a href=\"https://example.org/@alice\" class=\"u-url mention\">@<span>alice</span></a></span> agreed</p>", 12, acct: "bob", inReplyToId: "1001"));
        await AcceptedAsync(api.Client, Delivery("status.updated", "1002", "<p><span class=\"h-card\"><a href=\"https://example.org/@alice\" class=\"u-url mention\">@<span>alice</span></a></span> agreed, strongly</p>", 12, acct: "bob", inReplyToId: "1001", editedAt: Start.AddMinutes(14).ToString("O", System.Globalization.CultureInfo.InvariantCulture)));
        await AcceptedAsync(api.Client, Delivery("status.created", "1003", "", 15, acct: "bob", reblog: Delivery("status.created", "1001", $"<p>A1: patients search online {Hashtag}</p>", 10)["object"]!.DeepClone().AsObject()));
        using var transcript = await api.PublishAsync("mastodon-chat");

        Assert.Equal(["mastodon:1001", "mastodon:1002"], PostIds(transcript));
        var posts = transcript.RootElement.GetProperty("posts");
        Assert.Equal("A1: patients search online & so should we #bmcmed\n\nsecond paragraph", posts[0].GetProperty("text").GetString());
        Assert.Equal("alice@example.org", posts[0].GetProperty("author").GetProperty("handle").GetString());
        Assert.Equal("https://example.org/@alice/1001", posts[0].GetProperty("url").GetString());
        Assert.Equal("@alice agreed, strongly", posts[1].GetProperty("text").GetString());
        Assert.Equal("mastodon:1001", posts[1].GetProperty("inReplyToId").GetString());
        Assert.Equal(JsonValueKind.String, posts[1].GetProperty("editedAt").ValueKind);
        Assert.Equal(1, transcript.RootElement.GetProperty("stats").GetProperty("reposts").GetInt32());
    }

    [Fact]
    public async Task A_status_edited_to_followers_only_or_direct_leaves_the_transcript()
    {
        await using var host = new LocalHostFactory(azurite, Settings);
        using var api = new ChatApi(host);
        await api.PutSessionAsync("mastodon-withdrawn", Session());
        await AcceptedAsync(api.Client, Delivery("status.created", "2001", $"<p>A1: said in public {Hashtag}</p>", 10));
        await AcceptedAsync(api.Client, Delivery("status.created", "2002", $"<p>A1: also said in public {Hashtag}</p>", 11, acct: "bob"));
        using (var before = await api.PublishAsync("mastodon-withdrawn"))
        {
            Assert.Equal(["mastodon:2001", "mastodon:2002"], PostIds(before));
        }

        var madePrivate = Delivery("status.updated", "2001", $"<p>A1: said in public {Hashtag}</p>", 10, editedAt: Start.AddMinutes(20).ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        madePrivate["object"]!["visibility"] = "private";
        var madeDirect = Delivery("status.updated", "2002", $"<p>A1: also said in public {Hashtag}</p>", 11, acct: "bob", editedAt: Start.AddMinutes(21).ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        madeDirect["object"]!["visibility"] = "direct";
        await AcceptedAsync(api.Client, madePrivate);
        await AcceptedAsync(api.Client, madeDirect);
        using var after = await api.PublishAsync("mastodon-withdrawn");

        Assert.Empty(PostIds(after));
        var page = await api.Client.GetStringAsync(new Uri("/mastodon-withdrawn/index.html", UriKind.Relative));
        Assert.DoesNotContain("said in public", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_signatures_unreadable_events_and_unused_events_are_answered_as_the_contract_says()
    {
        await using var host = await ChatHosts.StartAsync(kind, azurite, Settings);
        using var api = new ChatApi(host);
        var json = Delivery("status.created", "2001", $"<p>hello {Hashtag}</p>", 10).ToJsonString();

        using (var unsigned = await SendAsync(api.Client, json, secret: null))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
            Assert.Equal("application/problem+json", unsigned.Content.Headers.ContentType?.MediaType);
        }
        using (var wrongSecret = await SendAsync(api.Client, json, secret: "not the secret"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, wrongSecret.StatusCode);
        }
        using (var garbled = await SendAsync(api.Client, json, signature: "sha256=zz"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, garbled.StatusCode);
        }

        var withoutAccount = Delivery("status.created", "2002", "<p>x</p>", 10);
        withoutAccount["object"]!.AsObject().Remove("account");
        using (var unreadable = await SendAsync(api.Client, withoutAccount.ToJsonString()))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);
            var problem = JsonDocument.Parse(await unreadable.Content.ReadAsStringAsync()).RootElement;
            Assert.True(problem.GetProperty("errors").TryGetProperty("object.account", out _));
        }
        using (var notJson = await SendAsync(api.Client, "{\"event\":"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        }

        using var report = await SendAsync(api.Client, """{"event":"report.created","created_at":"2023-11-04T03:43:12.315Z","object":{"id":"1"}}""");
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.Equal(0, JsonDocument.Parse(await report.Content.ReadAsStringAsync()).RootElement.GetProperty("accepted").GetInt32());
    }

    [Fact]
    public async Task Without_a_Mastodon_secret_the_local_host_accepts_unsigned_deliveries_as_it_does_posts()
    {
        await using var host = await ChatHosts.StartAsync(kind, azurite);
        using var api = new ChatApi(host);

        using var response = await SendAsync(api.Client, Delivery("status.created", "3001", $"<p>hello {Hashtag}</p>", 10).ToJsonString(), secret: null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task Where_posts_must_be_signed_a_missing_Mastodon_secret_is_a_misconfiguration_not_an_open_door()
    {
        await using var host = await ChatHosts.StartAsync(kind, azurite, new Dictionary<string, string?> { ["Webhooks:RequireSecret"] = "true" });
        using var api = new ChatApi(host);

        using var response = await SendAsync(api.Client, Delivery("status.created", "4001", $"<p>hello {Hashtag}</p>", 10).ToJsonString(), secret: null);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>
    /// The real delivery's status carries no hashtag, so by the contract it can join no transcript; what can be
    /// checked end to end is that it is accepted and stored as a received post, ready for a session that wants it.
    /// </summary>
    [Fact]
    public async Task The_real_status_created_delivery_is_accepted_and_stored()
    {
        var json = File.ReadAllText(SharedConformance.Require("payloads", "mastodon-webhook-status.created.json"));
        await using var host = await ChatHosts.StartAsync(kind, azurite, Settings);
        using var api = new ChatApi(host);

        using var response = await SendAsync(api.Client, json);
        await api.ProcessedAsync();

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var window = new ChatTranscripts.Pipeline.Core.SessionDefinition
        {
            Title = "real",
            Hashtags = ["example"],
            StartsAt = DateTimeOffset.Parse("2023-11-04T03:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
            EndsAt = DateTimeOffset.Parse("2023-11-04T04:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
        };
        var stored = await host.Services.GetRequiredService<ChatTranscripts.Pipeline.Adapters.Tables.ReceivedPostStore>().InWindowAsync(window, CancellationToken.None);
        var post = Assert.Single(stored);
        Assert.Equal("mastodon", post.Platform);
        Assert.Equal("Example", post.Text);
    }
}

public sealed class MastodonWebhookTestsOnLocalHost(AzuriteFixture azurite) : MastodonWebhookTests(azurite, HostKind.Local);

public sealed class MastodonWebhookTestsOnFunctionsApp(AzuriteFixture azurite) : MastodonWebhookTests(azurite, HostKind.Functions);
