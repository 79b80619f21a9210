using System.Globalization;
using System.Text.Json.Nodes;

namespace ChatTranscripts.BrowserTests.Site;

/// <summary>
/// A chat an organiser moderated through the API before publishing it: an answer hidden (its replies stay, under the
/// marker), an account blocked, the duplicate-text and hashtag rules on. Authors sent follower counts, so the stats
/// show reach. Its pages meet every bar the other pages do, marker and reach line included.
/// </summary>
public static class ModeratedChat
{
    public const string SessionId = "moderated-chat";
    public const string Hashtag = "modchat";

    /// <summary>Words only the hidden posts contain: no served file may hold them.</summary>
    /// <remarks>Post ids start with "m": the site's other chats use plain numbers, and a post is one post whatever session it is in.</remarks>
    public static readonly IReadOnlyList<string> HiddenWords = ["cheapfollowers", "visitmyshop", "freecruise", "hashtagflood"];

    public static JsonObject Session => new()
    {
        ["title"] = "Moderated chat: patient portals",
        ["hashtags"] = new JsonArray("#" + Hashtag),
        ["startsAt"] = "2012-08-08T13:00:00Z",
        ["endsAt"] = "2012-08-08T14:00:00Z",
        ["moderators"] = new JsonArray("PortalChat"),
        ["questions"] = new JsonArray("Do patients use their portal?"),
    };

    public static IReadOnlyList<JsonObject> Posts =>
    [
        Post("m1", "PortalChat", "Q1: Do patients use their portal?", 1, followers: 4200),
        Post("m2", "spammer", "A1: cheapfollowers here, best prices", 2, followers: 98000),
        Post("m3", "nurse_jo", "@spammer please keep this chat on topic", 3, replyTo: "m2", followers: 310),
        Post("m4", "drsmith", "@nurse_jo agreed, thank you", 4, replyTo: "m3"),
        Post("m5", "shop", "visitmyshop for portal gadgets", 5),
        Post("m6", "bot_one", "freecruise for everyone", 6),
        Post("m7", "bot_two", "FREECRUISE   for everyone", 7),
        Post("m8", "bot_three", "freecruise for everyone", 8),
        Post("m9", "tagger", "hashtagflood #a #b #c #d #e #f", 9),
        Post("m10", "nurse_jo", "A1: mostly for test results and repeat prescriptions", 10, followers: 320),
    ];

    /// <summary>The moderation requests, in order, each a PUT: its path below the session's moderation route, and its body.</summary>
    public static IReadOnlyList<(string Path, JsonObject Body)> Moderation =>
    [
        ("posts/twitter/m2", new JsonObject { ["reason"] = "spam", ["moderator"] = "Browser tests" }),
        ("accounts/twitter/shop", new JsonObject { ["reason"] = "advertising" }),
        ("rules", new JsonObject { ["duplicateText"] = new JsonObject { ["minAccounts"] = 3 }, ["maxHashtags"] = 5 }),
    ];

    private static JsonObject Post(string id, string handle, string text, int minute, string? replyTo = null, long? followers = null)
    {
        var author = new JsonObject { ["handle"] = handle };
        if (followers is not null)
        {
            author["followers"] = followers;
        }
        return new JsonObject
        {
            ["platform"] = "twitter",
            ["id"] = id,
            ["author"] = author,
            ["text"] = $"{text} #{Hashtag}",
            ["createdAt"] = new DateTimeOffset(2012, 8, 8, 13, minute, 0, TimeSpan.Zero).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["inReplyToId"] = replyTo,
            ["lang"] = "en",
        };
    }
}
