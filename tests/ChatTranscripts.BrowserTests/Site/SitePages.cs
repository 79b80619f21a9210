using ChatTranscripts.LocalHost.Demo;
using ChatTranscripts.Pipeline.Logic.Transcripts;

namespace ChatTranscripts.BrowserTests.Site;

/// <summary>The pages and files of the published site, by path, for theories that check each of them.</summary>
public static class SitePages
{
    public const string SiteIndex = "/index.html";
    public const string Feed = "/feed.xml";
    public const string NotFound = "/404.html";

    /// <summary>The bundled sample chat's session, the chat the quality bars are stated for.</summary>
    public static readonly string DemoSessionId = DemoChat.Load().SessionId;

    /// <summary>The sample chat's one hashtag, as its series is named: without '#', lower-cased.</summary>
    public static readonly string DemoHashtag = DemoChat.Load().Session["hashtags"]![0]!.GetValue<string>().TrimStart('#').ToLowerInvariant();

    /// <summary>
    /// The people pages every bar is checked on: a guest of the sample chat who answers and replies, a Mastodon
    /// participant (an '@' in the handle), the probe handle of the hostile chat, and a reply to a hidden post.
    /// </summary>
    public static IReadOnlyList<Participant> People =>
    [
        new(DemoSessionId, "twitter", "FarrisTimimi"),
        new(DemoSessionId, "mastodon", "drnina@mastodon.social"),
        new(HostileChat.SessionId, "twitter", ScriptProbes.Handle("reply")),
        new(ModeratedChat.SessionId, "twitter", "nurse_jo"),
    ];

    /// <summary>Every session the fixture publishes.</summary>
    public static IReadOnlyList<string> PublishedSessionIds => [DemoSessionId, HostileChat.SessionId, ModeratedChat.SessionId, SeriesChat.SessionId];

    /// <summary>Each series (hashtag) of the published sessions, with its sessions.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Series => new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        [DemoHashtag] = [DemoSessionId],
        [HostileChat.Hashtag] = [HostileChat.SessionId],
        [ModeratedChat.Hashtag] = [ModeratedChat.SessionId, SeriesChat.SessionId],
    };

    /// <summary>Every HTML page of the site: the index, each session's two views, the people pages above, each series page, and the 404 page.</summary>
    public static IReadOnlyList<string> HtmlPages =>
    [
        SiteIndex,
        .. PublishedSessionIds.SelectMany<string, string>(id => [Transcript(id), Chronological(id)]),
        .. People.Select(p => p.Page),
        .. Series.Keys.Select(SeriesPage),
        NotFound,
    ];

    /// <summary>The pages the page-weight budget is stated for: the sample chat's two views, its people pages, the site index and the two-session series page.</summary>
    public static IReadOnlyList<string> SampleChatPages =>
        [SiteIndex, Transcript(DemoSessionId), Chronological(DemoSessionId), .. People.Where(p => p.SessionId == DemoSessionId).Select(p => p.Page), SeriesChat.SeriesPage];

    /// <summary>Every file the site serves, with the media type it must be served as (always with charset=utf-8).</summary>
    public static IReadOnlyList<(string Path, string MediaType)> Files =>
    [
        (SiteIndex, "text/html"),
        (Feed, "application/atom+xml"),
        (NotFound, "text/html"),
        .. PublishedSessionIds.SelectMany<string, (string, string)>(id =>
        [
            (Transcript(id), "text/html"),
            (Chronological(id), "text/html"),
            (Export(id, "json"), "application/json"),
            (Export(id, "md"), "text/markdown"),
            (Export(id, "csv"), "text/csv"),
        ]),
        .. People.Select(p => (p.Page, "text/html")),
        .. Series.Keys.SelectMany<string, (string, string)>(hashtag => [(SeriesPage(hashtag), "text/html"), (SeriesFeed(hashtag), "application/atom+xml")]),
    ];

    public static TheoryData<string> Html => new(HtmlPages);

    public static TheoryData<string> SampleChat => new(SampleChatPages);

    public static TheoryData<string> Sessions => new(PublishedSessionIds);

    /// <summary>The transcript threaded by question.</summary>
    public static string Transcript(string sessionId) => $"/{sessionId}/index.html";

    /// <summary>Every post in time order.</summary>
    public static string Chronological(string sessionId) => $"/{sessionId}/chronological.html";

    public static string Export(string sessionId, string extension) => $"/{sessionId}/transcript.{extension}";

    /// <summary>The participant whose page this is; null for any other page.</summary>
    public static Participant? PersonOf(string path) => People.SingleOrDefault(p => p.Page == path);

    /// <summary>Every published session sharing the hashtag, with its posts, participants and regulars.</summary>
    public static string SeriesPage(string hashtag) => $"/series/{hashtag}/index.html";

    public static string SeriesFeed(string hashtag) => $"/series/{hashtag}/feed.xml";

    /// <summary>The series a series page or feed is of; null for any other path.</summary>
    public static string? SeriesOf(string path) =>
        Series.Keys.SingleOrDefault(hashtag => path.StartsWith($"/series/{hashtag}/", StringComparison.Ordinal));

    /// <summary>The session a transcript page belongs to; null for the index and the 404 page.</summary>
    public static string? SessionOf(string path) =>
        PublishedSessionIds.SingleOrDefault(id => path.StartsWith($"/{id}/", StringComparison.Ordinal));

    /// <summary>A file name for artefacts of a page: "/bmcmed-2012-08-06/index.html" becomes "bmcmed-2012-08-06-index".</summary>
    public static string Slug(string path) => Path.ChangeExtension(path.Trim('/'), null).Replace('/', '-');
}

/// <summary>A participant of a published session, and the path of their page (the rule is docs/api.md's, tested in the pipeline's tests).</summary>
public sealed record Participant(string SessionId, string Platform, string Handle)
{
    public string Page => $"/{SessionId}/{PersonPagePaths.PathOf(Platform, Handle)}";
}
