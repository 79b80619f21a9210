using System.Text.Json;
using System.Text.Json.Nodes;
using ChatTranscripts.Pipeline.Application.Ingest.Mastodon;
using ChatTranscripts.Pipeline.Application.Validation;
using ChatTranscripts.Pipeline.Core;

namespace ChatTranscripts.Pipeline.Tests.Ingest.Mastodon;

public sealed class MastodonEventReaderTests
{
    private static JsonObject RealStatusCreated() =>
        JsonNode.Parse(File.ReadAllText(SharedConformance.Require("payloads", "mastodon-webhook-status.created.json")))!.AsObject();

    private static (MastodonWebhookEvent? Event, ValidationErrors Errors) Read(JsonNode body)
    {
        var errors = new ValidationErrors();
        using var document = JsonDocument.Parse(body.ToJsonString());
        return (MastodonEventReader.Read(document.RootElement, errors), errors);
    }

    [Fact]
    public void The_real_status_created_delivery_becomes_a_canonical_post()
    {
        var (delivery, errors) = Read(RealStatusCreated());

        Assert.True(errors.IsEmpty);
        var post = delivery!.Post!;
        Assert.Equal("mastodon", post.Platform);
        Assert.Equal("111350186342627442", post.Id);
        Assert.Equal("example@example.org", post.Author.Handle);
        Assert.Equal("Example", post.Author.DisplayName);
        Assert.Equal(10L, post.Author.Followers);
        Assert.Equal("Example", post.Text);
        Assert.Equal(new DateTimeOffset(2023, 11, 4, 3, 36, 45, 474, TimeSpan.Zero), post.CreatedAt);
        Assert.Equal("https://example.org/@example/12345", post.Url);
        Assert.Equal("en", post.Lang);
        Assert.Null(post.InReplyToId);
        Assert.Null(post.RepostOfId);
        Assert.Null(post.EditedAt);
    }

    [Fact]
    public void An_update_is_an_edit_versioned_by_the_status_edited_at()
    {
        var body = RealStatusCreated();
        body["event"] = "status.updated";
        body["object"]!["content"] = "<p>Example, corrected</p>";

        var post = Read(body).Event!.Post!;

        Assert.Equal("Example, corrected", post.Text);
        Assert.Equal(new DateTimeOffset(2023, 11, 4, 3, 43, 12, 295, TimeSpan.Zero), post.EditedAt);
    }

    [Fact]
    public void An_update_without_edited_at_is_versioned_by_the_event_time()
    {
        var body = RealStatusCreated();
        body["event"] = "status.updated";
        body["object"]!["edited_at"] = null;

        Assert.Equal(new DateTimeOffset(2023, 11, 4, 3, 43, 12, 315, TimeSpan.Zero), Read(body).Event!.Post!.EditedAt);
    }

    [Fact]
    public void A_reblog_is_a_repost_of_the_reblogged_status_with_its_text()
    {
        var body = RealStatusCreated();
        var status = body["object"]!.AsObject();
        var original = status.DeepClone().AsObject();
        original["id"] = "111350000000000001";
        original["content"] = "<p>Original words <a href=\"https://example.org/tags/bmcmed\" class=\"mention hashtag\" rel=\"tag\">#<span>bmcmed</span></a></p>";
        status["id"] = "111350186342627999";
        status["content"] = "";
        status["url"] = null;
        status["reblog"] = original;

        var post = Read(body).Event!.Post!;

        Assert.Equal("111350186342627999", post.Id);
        Assert.Equal("111350000000000001", post.RepostOfId);
        Assert.Equal("Original words #bmcmed", post.Text);
        Assert.Null(post.Url);
    }

    [Fact]
    public void A_remote_account_keeps_its_acct_and_a_reply_names_the_mentioned_parent_author()
    {
        var body = RealStatusCreated();
        var status = body["object"]!.AsObject();
        status["account"]!["acct"] = "Alice@Social.Example";
        status["account"]!["url"] = "https://social.example/@Alice";
        status["in_reply_to_id"] = "111350000000000002";
        status["in_reply_to_account_id"] = "42";
        status["mentions"] = new JsonArray(new JsonObject { ["id"] = "42", ["username"] = "bob", ["acct"] = "bob", ["url"] = "https://example.org/@bob" });

        var post = Read(body).Event!.Post!;

        Assert.Equal("Alice@Social.Example", post.Author.Handle);
        Assert.Equal("111350000000000002", post.InReplyToId);
        Assert.Equal("bob@example.org", post.InReplyToHandle);
    }

    [Theory]
    [InlineData("report.created")]
    [InlineData("account.approved")]
    public void Other_events_are_acknowledged_and_ignored(string type)
    {
        var (delivery, errors) = Read(new JsonObject { ["event"] = type, ["created_at"] = "2023-11-04T03:43:12.315Z", ["object"] = new JsonObject { ["id"] = "1" } });

        Assert.True(errors.IsEmpty);
        Assert.Equal(type, delivery!.Type);
        Assert.Null(delivery.Post);
        Assert.NotNull(delivery.IgnoredBecause);
    }

    [Theory]
    [InlineData("private")]
    [InlineData("direct")]
    [InlineData("limited")]
    public void Statuses_not_readable_by_everyone_are_never_taken(string visibility)
    {
        var body = RealStatusCreated();
        body["object"]!["visibility"] = visibility;

        var (delivery, errors) = Read(body);

        Assert.True(errors.IsEmpty);
        Assert.Null(delivery!.Post);
    }

    [Theory]
    [InlineData("private")]
    [InlineData("direct")]
    [InlineData("limited")]
    public void An_edit_that_takes_a_status_out_of_public_view_deletes_it(string visibility)
    {
        var body = RealStatusCreated();
        body["event"] = MastodonEventReader.StatusUpdated;
        body["object"]!["visibility"] = visibility;

        var (delivery, errors) = Read(body);

        Assert.True(errors.IsEmpty);
        Assert.Null(delivery!.Post);
        Assert.Equal(new PostKey("mastodon", "111350186342627442"), delivery.Deletion!.Key);
    }

    [Fact]
    public void An_edit_that_withdraws_a_status_without_a_usable_id_is_a_400_naming_it()
    {
        var body = RealStatusCreated();
        body["event"] = MastodonEventReader.StatusUpdated;
        body["object"]!["visibility"] = "private";
        body["object"]!["id"] = "";

        var (delivery, errors) = Read(body);

        Assert.Null(delivery);
        Assert.Contains("object.id", errors.ToDictionary().Keys);
    }

    [Fact]
    public void Unlisted_statuses_are_public_on_the_web_and_taken()
    {
        var body = RealStatusCreated();
        body["object"]!["visibility"] = "unlisted";

        Assert.NotNull(Read(body).Event!.Post);
    }

    [Fact]
    public void A_status_without_any_text_is_ignored()
    {
        var body = RealStatusCreated();
        body["object"]!["content"] = "";

        var (delivery, errors) = Read(body);

        Assert.True(errors.IsEmpty);
        Assert.Null(delivery!.Post);
    }

    [Theory]
    [InlineData("object", "account", "object.account")]
    [InlineData("object", "created_at", "object.created_at")]
    [InlineData("object", "id", "object.id")]
    [InlineData("", "event", "event")]
    [InlineData("", "object", "object")]
    public void A_missing_field_is_named(string parent, string field, string path)
    {
        var body = RealStatusCreated();
        (parent.Length == 0 ? body : body[parent]!.AsObject()).Remove(field);

        var (delivery, errors) = Read(body);

        Assert.Null(delivery);
        Assert.Contains(path, errors.ToDictionary().Keys);
    }

    [Theory]
    [InlineData("url", "\"ftp://example.org/1\"", "object.url")]
    [InlineData("language", "\"english please\"", "object.language")]
    [InlineData("created_at", "\"yesterday\"", "object.created_at")]
    [InlineData("id", "111350186342627442", "object.id")]
    [InlineData("reblog", "{\"content\":\"<p>x</p>\"}", "object.reblog.id")]
    public void A_field_breaking_the_canonical_rules_is_named_by_its_mastodon_path(string field, string json, string path)
    {
        var body = RealStatusCreated();
        body["object"]![field] = JsonNode.Parse(json);

        var (delivery, errors) = Read(body);

        Assert.Null(delivery);
        Assert.Equal([path], errors.ToDictionary().Keys);
    }

    [Fact]
    public void Text_longer_than_the_canonical_limit_is_refused()
    {
        var body = RealStatusCreated();
        body["object"]!["content"] = "<p>" + new string('a', 25_001) + "</p>";

        var (delivery, errors) = Read(body);

        Assert.Null(delivery);
        Assert.Equal(["object.content"], errors.ToDictionary().Keys);
    }

    [Fact]
    public void A_body_that_is_not_an_object_is_refused()
    {
        var (delivery, errors) = Read(new JsonArray());

        Assert.Null(delivery);
        Assert.Equal(["$"], errors.ToDictionary().Keys);
    }
}
