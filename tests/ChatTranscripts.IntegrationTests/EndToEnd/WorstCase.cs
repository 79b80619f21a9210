using System.Text.Json.Nodes;
using ChatTranscripts.Pipeline.Application.Ingest;
using ChatTranscripts.Pipeline.Application.Sessions;

namespace ChatTranscripts.IntegrationTests.EndToEnd;

/// <summary>
/// Posts and sessions at every limit the API accepts, made of what takes the most room once stored: characters outside
/// the Basic Multilingual Plane (two UTF-16 units, escaped as two <c>\uXXXX</c> in JSON columns), characters JSON
/// escapes, and the densest hashtags, mentions and URLs (each becomes a column of its own).
/// </summary>
public static class WorstCase
{
    /// <summary>A letter outside the BMP (CJK Extension B): a hashtag character that takes 12 characters in a JSON column.</summary>
    public const string AstralLetter = "\U00020000";

    /// <summary>A letter outside the BMP that handles and names may hold.</summary>
    public const string AstralScriptLetter = "\U0001D49C";

    public const string SessionHashtag = "bmcmed";

    /// <summary>
    /// The longest session hashtag api.md allows (1–100 letters, marks, digits or <c>_</c>), stated here from the contract:
    /// the reader checks it with a pattern, not a constant.
    /// </summary>
    public const int MaxSessionHashtagLength = 100;

    /// <summary>Texts of exactly <see cref="PostReader.MaxTextLength"/> characters, each the densest of its kind; every one carries the session's hashtag.</summary>
    public static IReadOnlyDictionary<string, string> Texts { get; } = new Dictionary<string, string>
    {
        ["one hashtag of astral letters"] = Fill($"#{SessionHashtag} #", AstralLetter),
        ["astral hashtags"] = Fill($"#{SessionHashtag} ", $"#{AstralLetter} "),
        ["one-letter hashtags"] = Fill($"#{SessionHashtag} ", "#a "),
        ["one-letter mentions"] = Fill($"#{SessionHashtag} ", "@a "),
        ["mentions inside a URL"] = Fill($"#{SessionHashtag} http://a.co/", "@aaaaaaaaaaaaaaaaaaaa/"),
        ["a URL of characters JSON escapes"] = Fill($"#{SessionHashtag} http://a.co/?", "&"),
        ["URLs of characters JSON escapes"] = Fill($"#{SessionHashtag} ", "a.co/?&&&&&&&&&&&&&&&&&&&&&&&&&&&&& "),
        ["emoji"] = Fill($"#{SessionHashtag} ", "😀"),
    };

    /// <summary>A post with <paramref name="text"/> and every other field at its longest, ids made of characters table keys escape.</summary>
    public static JsonObject Post(string id, string text, DateTimeOffset createdAt) => new()
    {
        ["platform"] = new string('p', 32),
        ["id"] = Pad(id, '/', PostReader.MaxIdLength),
        ["author"] = new JsonObject
        {
            ["handle"] = Repeat(AstralScriptLetter, PostReader.MaxHandleLength),
            ["displayName"] = Repeat(AstralScriptLetter, 200),
        },
        ["text"] = text,
        ["createdAt"] = createdAt.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", System.Globalization.CultureInfo.InvariantCulture),
        ["editedAt"] = createdAt.AddMinutes(1).ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", System.Globalization.CultureInfo.InvariantCulture),
        ["inReplyToId"] = Pad("parent", '%', PostReader.MaxIdLength),
        ["inReplyToHandle"] = Repeat(AstralScriptLetter, PostReader.MaxHandleLength),
        ["quotedId"] = Pad("quoted", '#', PostReader.MaxIdLength),
        ["url"] = "https://example.org/?" + new string('&', 2048 - "https://example.org/?".Length),
        ["lang"] = "abc-abcdefgh-abcdefgh-abcdefgh-abcd",
    };

    /// <summary>A session definition with every field at its longest and every list full.</summary>
    public static JsonObject Session() => new()
    {
        ["title"] = Repeat(AstralScriptLetter, SessionReader.MaxTitleLength),
        ["description"] = Repeat("\"<&>\"" + AstralScriptLetter, SessionReader.MaxDescriptionLength / 6),
        ["hashtags"] = List(SessionReader.MaxHashtags, i => i == 0 ? SessionHashtag : "#" + Repeat("ꙮ", MaxSessionHashtagLength - 1) + (char)('a' + i)),
        ["startsAt"] = "2012-08-06T13:00:00+01:00",
        ["endsAt"] = "2012-08-07T13:00:00+01:00",
        ["timeZone"] = "America/Argentina/ComodRivadavia",
        ["moderators"] = List(SessionReader.MaxHandles, i => Repeat(AstralScriptLetter, PostReader.MaxHandleLength - 2) + i.ToString("00", System.Globalization.CultureInfo.InvariantCulture)),
        ["guests"] = List(SessionReader.MaxHandles, i => "@" + Repeat(AstralScriptLetter, PostReader.MaxHandleLength - 2) + i.ToString("00", System.Globalization.CultureInfo.InvariantCulture)),
        ["questions"] = List(SessionReader.MaxQuestions, i => Repeat(AstralScriptLetter, SessionReader.MaxQuestionLength - 2) + i.ToString("00", System.Globalization.CultureInfo.InvariantCulture)),
    };

    /// <summary><paramref name="prefix"/>, then <paramref name="unit"/> as often as fits in the text limit, then plain letters to the exact limit.</summary>
    private static string Fill(string prefix, string unit)
    {
        var text = new System.Text.StringBuilder(prefix);
        var length = JsonLength(prefix);
        var unitLength = JsonLength(unit);
        while (length + unitLength <= PostReader.MaxTextLength)
        {
            text.Append(unit);
            length += unitLength;
        }
        text.Append('x', PostReader.MaxTextLength - length);
        return text.ToString();
    }

    private static int JsonLength(string text) => text.EnumerateRunes().Count();

    private static string Repeat(string unit, int count) => string.Concat(Enumerable.Repeat(unit, count));

    private static string Pad(string id, char filler, int length) => id + new string(filler, length - id.Length);

    private static JsonArray List(int count, Func<int, string> item) => new(Enumerable.Range(0, count).Select(i => (JsonNode)JsonValue.Create(item(i))).ToArray());
}
