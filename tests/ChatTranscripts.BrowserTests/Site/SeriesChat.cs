using System.Globalization;
using System.Text.Json.Nodes;

namespace ChatTranscripts.BrowserTests.Site;

/// <summary>
/// The week after <see cref="ModeratedChat"/>, with its hashtag: the two make the site's two-session series. The
/// moderator and nurse_jo come back; the account whose post was hidden the week before takes part properly this time
/// (so it is new, not returning); a newcomer joins; and the shop, back with its advert, is blocked for the whole series.
/// </summary>
public static class SeriesChat
{
    public const string SessionId = "moderated-chat-week-2";

    /// <summary>The series page of <see cref="ModeratedChat.Hashtag"/>.</summary>
    public static string SeriesPage => SitePages.SeriesPage(ModeratedChat.Hashtag);

    public static JsonObject Session => new()
    {
        ["title"] = "Moderated chat: booking online",
        ["hashtags"] = new JsonArray("#" + ModeratedChat.Hashtag.ToUpperInvariant()),
        ["startsAt"] = "2012-08-15T13:00:00Z",
        ["endsAt"] = "2012-08-15T14:00:00Z",
        ["moderators"] = new JsonArray("PortalChat"),
        ["questions"] = new JsonArray("Do patients book online?"),
    };

    public static IReadOnlyList<JsonObject> Posts =>
    [
        Post("w1", "PortalChat", "Q1: Do patients book online?", 1),
        Post("w2", "Nurse_Jo", "A1: more every week, mostly on phones", 2),
        Post("w3", "spammer", "A1: I book my own appointments online now", 3),
        Post("w4", "patient_pat", "A1: only when the phone line is busy", 4),
        Post("w5", "shop", "visitmyshop for booking gadgets", 5),
    ];

    /// <summary>PUTs below this session's moderation route: the shop blocked for every session of the series.</summary>
    public static IReadOnlyList<(string Path, JsonObject Body)> Moderation =>
    [
        ("accounts/twitter/shop", new JsonObject { ["reason"] = "advertising", ["scope"] = "series" }),
    ];

    private static JsonObject Post(string id, string handle, string text, int minute) => new()
    {
        ["platform"] = "twitter",
        ["id"] = id,
        ["author"] = new JsonObject { ["handle"] = handle },
        ["text"] = $"{text} #{ModeratedChat.Hashtag}",
        ["createdAt"] = new DateTimeOffset(2012, 8, 15, 13, minute, 0, TimeSpan.Zero).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        ["lang"] = "en",
    };
}
