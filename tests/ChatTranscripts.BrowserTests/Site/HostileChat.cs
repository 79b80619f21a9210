using System.Globalization;
using System.Text.Json.Nodes;

namespace ChatTranscripts.BrowserTests.Site;

/// <summary>
/// A chat owned by these tests in which every free-text field the API accepts carries <see cref="ScriptProbes"/>:
/// title, description, questions, moderator and guest handles, post ids, handles, display names, texts, reply
/// handles and URLs. Fields the API validates strictly (a URL must be http or https, a language a BCP 47 tag) carry
/// the most hostile values that still pass, so every post is stored and shown.
/// </summary>
public static class HostileChat
{
    public const string SessionId = "script-injection-probes";
    public const string Hashtag = "probechat";

    public static readonly string Moderator = ScriptProbes.Handle("moderator");
    public static readonly string Guest = ScriptProbes.Handle("guest");
    public static readonly string ProbeId = "\"><svg/onload=alert('post-id')>";

    public static JsonObject Session => new()
    {
        ["title"] = $"{ScriptProbes.Compact("title")} {ScriptProbes.LongWord(40)}",
        ["description"] = ScriptProbes.Full("description") + " " + ScriptProbes.LongWord(300),
        ["hashtags"] = new JsonArray("#" + Hashtag),
        ["startsAt"] = "2012-08-07T13:00:00Z",
        ["endsAt"] = "2012-08-07T14:00:00Z",
        ["timeZone"] = "America/New_York",
        ["moderators"] = new JsonArray(Moderator),
        ["guests"] = new JsonArray(Guest),
        ["questions"] = new JsonArray(ScriptProbes.Full("question-1"), ScriptProbes.Full("question-2")),
    };

    /// <summary>Questions, answers, replies (one to a post the chat never saw), a quote, an edit, another platform and script.</summary>
    public static IReadOnlyList<JsonObject> Posts =>
    [
        Post("1", Moderator, ScriptProbes.Compact("moderator-name"), $"Q1: {ScriptProbes.Full("question-post")}", minute: 1),
        Post("2", Guest, ScriptProbes.Compact("guest-name"), $"A1: {ScriptProbes.Full("answer")}", minute: 3),
        Post(ProbeId, ScriptProbes.Handle("handle"), ScriptProbes.Compact("display-name"), $"A1 {ScriptProbes.Full("post-text")}", minute: 4,
            url: $"https://{ScriptProbes.OutsideHost}/status/1?q=\"><script>window.__probe='url'</script>"),
        With(Post("4", ScriptProbes.Handle("reply"), "Replying <b>bold</b>", $"@{Guest} {ScriptProbes.Full("reply")}", minute: 5,
            url: $"https://{ScriptProbes.OutsideHost}/#'onmouseover='alert(1)'"), ("inReplyToId", "2"), ("inReplyToHandle", Guest)),
        With(Post("5", "replier", null, $"{ScriptProbes.Full("reply-to-probe-id")}", minute: 6), ("inReplyToId", ProbeId)),
        With(Post("6", "quoter", "Quoter", $"Quoting this: {ScriptProbes.Full("quote")}", minute: 7), ("quotedId", "2")),
        With(Post("7", "editor", "Editor", $"A1 edited: {ScriptProbes.Full("edited")}", minute: 8), ("editedAt", "2012-08-07T13:20:00Z")),
        Post("8", "longword", ScriptProbes.LongWord(150), $"A1 {ScriptProbes.LongWord(3000)} https://{ScriptProbes.OutsideHost}/{ScriptProbes.LongWord(400)}", minute: 9),
        With(Post("9", "rtl", $"{ScriptProbes.BidiOverrides} مُشارك", $"A1 مرحبا {ScriptProbes.BidiOverrides} {ScriptProbes.Compact("rtl")}", minute: 10), ("lang", "ar")),
        With(Post("10", "orphan", null, $"Replying to a post nobody saw {ScriptProbes.Compact("orphan")}", minute: 11), ("inReplyToId", "999")),
        With(Post("11", "tooter@example.org", ScriptProbes.Compact("mastodon-name"), $"{ScriptProbes.Full("mastodon")}", minute: 12), ("platform", "mastodon")),
        Post("12", "outsider", null, $"Not an answer to anything {ScriptProbes.Full("outside")}", minute: 13),
    ];

    private static JsonObject Post(string id, string handle, string? displayName, string text, int minute, string? url = null)
    {
        var author = new JsonObject { ["handle"] = handle };
        if (displayName is not null)
        {
            author["displayName"] = displayName;
        }
        var post = new JsonObject
        {
            ["platform"] = "twitter",
            ["id"] = id,
            ["author"] = author,
            ["text"] = $"{text} #{Hashtag}",
            ["createdAt"] = new DateTimeOffset(2012, 8, 7, 13, minute, 0, TimeSpan.Zero).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["lang"] = "en",
        };
        return url is null ? post : With(post, ("url", url));
    }

    private static JsonObject With(JsonObject post, params (string Field, string Value)[] fields)
    {
        foreach (var (field, value) in fields)
        {
            post[field] = value;
        }
        return post;
    }
}
