using System.Text.Json;
using System.Text.Json.Nodes;
using ChatTranscripts.Pipeline.Application.Ingest;
using ChatTranscripts.Pipeline.Application.Ingest.X;
using ChatTranscripts.Pipeline.Application.Validation;
using ChatTranscripts.Pipeline.Core;

namespace ChatTranscripts.Pipeline.Tests.Ingest.X;

/// <summary>The real X payloads from ../shared, and the Account Activity envelope a v1.1 Tweet arrives in.</summary>
internal static class XPayloads
{
    public static string Path(string file) => SharedConformance.Require("payloads", file);

    public static JsonObject Tweet(string file) => JsonNode.Parse(File.ReadAllText(Path(file)))!.AsObject();

    public static JsonObject TweetCreateEvents(params JsonObject[] tweets) => new()
    {
        ["for_user_id"] = "930524282358325248",
        ["tweet_create_events"] = new JsonArray(tweets.Select(t => (JsonNode)t.DeepClone()).ToArray()),
    };

    public static (IngestDelivery? Delivery, ValidationErrors Errors) Read(JsonNode body) => Read(body.ToJsonString());

    public static (IngestDelivery? Delivery, ValidationErrors Errors) Read(string json)
    {
        var errors = new ValidationErrors();
        using var document = JsonDocument.Parse(json);
        return (XDeliveryReader.Read(document.RootElement, errors), errors);
    }

    public static CanonicalPost SinglePost(JsonObject tweet)
    {
        var (delivery, errors) = Read(TweetCreateEvents(tweet));
        Assert.True(errors.IsEmpty, string.Join("; ", errors.ToDictionary().Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")));
        return Assert.Single(delivery!.Posts);
    }
}
