using System.Text.Json;
using System.Text.Json.Nodes;
using ChatTranscripts.Pipeline.Application.Ingest.Bluesky;
using ChatTranscripts.Pipeline.Application.Validation;

namespace ChatTranscripts.Pipeline.Tests.Ingest.Bluesky;

public sealed class JetstreamEventReaderTests
{
    private const string TagsDid = "did:plc:tn3hni2jpphsgl6amfbb7ja6";

    private static JsonObject RealEvent(string file) =>
        JsonNode.Parse(File.ReadAllText(SharedConformance.Require("payloads", file)))!.AsObject();

    private static JsonObject TagsEvent() => RealEvent("bluesky-jetstream-event-post-tags.json");

    private static JsonObject LinkEvent() => RealEvent("bluesky-jetstream-event-post-link-tags.json");

    private static (IReadOnlyList<BlueskyChange> Changes, ValidationErrors Errors) Read(JsonNode body)
    {
        var errors = new ValidationErrors();
        using var document = JsonDocument.Parse(body.ToJsonString());
        return (JetstreamEventReader.Read(document.RootElement, errors), errors);
    }

    private static JsonObject Record(JsonObject jetstreamEvent) => jetstreamEvent["commit"]!["record"]!.AsObject();

    [Fact]
    public void A_real_create_event_becomes_a_canonical_post()
    {
        var (changes, errors) = Read(TagsEvent());

        Assert.True(errors.IsEmpty);
        var post = Assert.Single(changes).Post!;
        Assert.Equal("bluesky", post.Platform);
        Assert.Equal($"{TagsDid}/3mptbypfywk2v", post.Id);
        Assert.Equal(TagsDid, post.Author.Handle);
        Assert.StartsWith("#HowToTellAiToShutUp!", post.Text, StringComparison.Ordinal);
        Assert.EndsWith("#IndieRebellion 😂 As if I would have that power... But hey so lets keep going with the rebellion! \n👇", post.Text, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2026, 7, 4, 14, 38, 7, 323, TimeSpan.Zero), post.CreatedAt);
        Assert.Equal("de", post.Lang);
        Assert.Equal($"https://bsky.app/profile/{TagsDid}/post/3mptbypfywk2v", post.Url);
        Assert.Null(post.EditedAt);
        Assert.Null(post.InReplyToId);
    }

    [Fact]
    public void An_array_as_the_relay_forwards_it_keeps_every_event_in_order_and_the_first_language()
    {
        var (changes, errors) = Read(new JsonArray(TagsEvent(), LinkEvent()));

        Assert.True(errors.IsEmpty);
        Assert.Equal(["did:plc:tn3hni2jpphsgl6amfbb7ja6/3mptbypfywk2v", "did:plc:ynfp6wddjqpl44gordpsqkuw/3mptbyo7tas2u"], changes.Select(c => c.Post!.Id));
        Assert.Equal("es", changes[1].Post!.Lang);
        Assert.Contains("https://www.tumblr.com/tempo-tales/765681292369166336/", changes[1].Post!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_docs_record_with_multi_byte_text_and_microsecond_time_reads_unchanged()
    {
        var jetstreamEvent = TagsEvent();
        var record = JsonNode.Parse(File.ReadAllText(SharedConformance.Require("payloads", "bluesky-post-mention-link-docs-example.json")))!;
        jetstreamEvent["commit"]!["record"] = record;

        var post = Assert.Single(Read(jetstreamEvent).Changes).Post!;

        Assert.Equal(record["text"]!.GetValue<string>(), post.Text);
        Assert.Equal(new DateTimeOffset(2023, 8, 8, 1, 3, 41, 157, TimeSpan.Zero).AddTicks(3020), post.CreatedAt);
        Assert.Null(post.Lang);
    }

    [Fact]
    public void An_update_is_an_edit_versioned_by_the_event_time()
    {
        var jetstreamEvent = TagsEvent();
        jetstreamEvent["commit"]!["operation"] = "update";

        var post = Assert.Single(Read(jetstreamEvent).Changes).Post!;

        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1783175888172).AddTicks(3350), post.EditedAt);
    }

    [Fact]
    public void A_reply_names_its_parent_by_did_and_record_key_and_a_quote_its_quoted_post()
    {
        var jetstreamEvent = TagsEvent();
        Record(jetstreamEvent)["reply"] = new JsonObject
        {
            ["root"] = new JsonObject { ["uri"] = "at://did:plc:root/app.bsky.feed.post/3root", ["cid"] = "bafyroot" },
            ["parent"] = new JsonObject { ["uri"] = "at://did:plc:parent/app.bsky.feed.post/3parent", ["cid"] = "bafyparent" },
        };
        Record(jetstreamEvent)["embed"] = new JsonObject
        {
            ["$type"] = "app.bsky.embed.recordWithMedia",
            ["record"] = new JsonObject { ["record"] = new JsonObject { ["uri"] = "at://did:plc:quoted/app.bsky.feed.post/3quoted", ["cid"] = "bafyq" } },
        };

        var post = Assert.Single(Read(jetstreamEvent).Changes).Post!;

        Assert.Equal("did:plc:parent/3parent", post.InReplyToId);
        Assert.Equal("did:plc:quoted/3quoted", post.QuotedId);
    }

    [Theory]
    [InlineData("https://bsky.app/profile/x/post/y")]
    [InlineData("at://did:plc:parent/app.bsky.feed.like/3parent")]
    [InlineData("at://did:plc:parent/app.bsky.feed.post")]
    public void A_reply_parent_that_is_not_a_post_uri_is_named(string uri)
    {
        var jetstreamEvent = TagsEvent();
        Record(jetstreamEvent)["reply"] = new JsonObject { ["parent"] = new JsonObject { ["uri"] = uri } };

        var (changes, errors) = Read(new JsonArray(LinkEvent(), jetstreamEvent));

        Assert.Empty(changes);
        Assert.Equal(["events[1].commit.record.reply.parent.uri"], errors.ToDictionary().Keys);
    }

    [Fact]
    public void A_delete_becomes_a_deletion()
    {
        var jetstreamEvent = new JsonObject
        {
            ["did"] = TagsDid,
            ["time_us"] = 1783175888172335,
            ["kind"] = "commit",
            ["commit"] = new JsonObject { ["rev"] = "3mptbz", ["operation"] = "delete", ["collection"] = "app.bsky.feed.post", ["rkey"] = "3mptbypfywk2v" },
        };

        var deletion = Assert.Single(Read(jetstreamEvent).Changes).Deletion!;

        Assert.Equal("bluesky", deletion.Platform);
        Assert.Equal($"{TagsDid}/3mptbypfywk2v", deletion.Id);
    }

    [Theory]
    [InlineData("\"soon\"")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("null")]
    public void An_update_needs_a_readable_event_time(string json)
    {
        var jetstreamEvent = TagsEvent();
        jetstreamEvent["commit"]!["operation"] = "update";
        jetstreamEvent["time_us"] = JsonNode.Parse(json);

        var (changes, errors) = Read(jetstreamEvent);

        Assert.Empty(changes);
        Assert.Equal(["time_us"], errors.ToDictionary().Keys);
    }

    [Fact]
    public void A_handle_added_by_the_relay_names_the_author()
    {
        var jetstreamEvent = TagsEvent();
        jetstreamEvent["handle"] = "@someone.bsky.social";

        Assert.Equal("someone.bsky.social", Assert.Single(Read(jetstreamEvent).Changes).Post!.Author.Handle);
    }

    [Fact]
    public void Other_kinds_and_collections_are_ignored()
    {
        var like = TagsEvent();
        like["commit"]!["collection"] = "app.bsky.feed.like";
        var identity = new JsonObject { ["did"] = TagsDid, ["time_us"] = 1, ["kind"] = "identity", ["identity"] = new JsonObject { ["did"] = TagsDid } };

        var (changes, errors) = Read(new JsonArray(like, identity, LinkEvent()));

        Assert.True(errors.IsEmpty);
        Assert.Equal("did:plc:ynfp6wddjqpl44gordpsqkuw/3mptbyo7tas2u", Assert.Single(changes).Post!.Id);
    }

    [Fact]
    public void A_post_without_text_is_ignored()
    {
        var jetstreamEvent = LinkEvent();
        Record(jetstreamEvent)["text"] = "";

        var (changes, errors) = Read(jetstreamEvent);

        Assert.True(errors.IsEmpty);
        Assert.Empty(changes);
    }

    [Theory]
    [InlineData("commit.record.createdAt", "\"2026-07-04 14:38\"")]
    [InlineData("commit.record.text", "42")]
    [InlineData("commit.record.langs", "[\"not a language\"]")]
    [InlineData("commit.operation", "\"upsert\"")]
    [InlineData("commit.operation", "null")]
    [InlineData("did", "null")]
    public void An_unreadable_field_is_named_and_nothing_is_accepted(string path, string json)
    {
        var broken = TagsEvent();
        var segments = path.Split('.');
        var parent = segments[..^1].Aggregate((JsonNode)broken, (node, segment) => node[segment]!);
        parent[segments[^1]] = JsonNode.Parse(json);

        var (changes, errors) = Read(new JsonArray(LinkEvent(), broken));

        Assert.Empty(changes);
        Assert.Equal(["events[1]." + path], errors.ToDictionary().Keys);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("42")]
    public void A_body_that_is_neither_an_event_nor_a_batch_is_refused(string json)
    {
        var (changes, errors) = Read(JsonNode.Parse(json)!);

        Assert.Empty(changes);
        Assert.Equal(["events"], errors.ToDictionary().Keys);
    }
}
