using System.Net;
using System.Net.Http.Json;
using System.ServiceModel.Syndication;
using System.Text.Json.Nodes;
using System.Xml;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Azure.Data.Tables;
using ChatTranscripts.IntegrationTests.Hosts;
using ChatTranscripts.Pipeline.Adapters.Tables;
using ChatTranscripts.Pipeline.Application.Publishing;
using ChatTranscripts.Testing;
using Microsoft.Extensions.DependencyInjection;
using static ChatTranscripts.IntegrationTests.EndToEnd.ChatApi;

namespace ChatTranscripts.IntegrationTests.EndToEnd;

/// <summary>
/// Two weekly sessions sharing a hashtag, published through the API, make a series: a page at
/// <c>/series/{hashtag}/</c> with every session, its posts, participants and returning participants, and the people who
/// took part most often, and an Atom feed beside it. Blocked accounts count nowhere; the page follows the sessions.
/// </summary>
public abstract class SeriesTests(AzuriteFixture azurite, HostKind kind)
{
    private const int Week = 7 * 24 * 60;

    /// <summary>
    /// Week one: the moderator, alice (twice) and bob, and a spammer. Week two: the moderator, alice again (as ALICE),
    /// carol, and the spammer again. The spammer is blocked for the series, so it is in neither week.
    /// </summary>
    private static JsonObject[] Chat() =>
    [
        Post("1", "Q1: How have you seen social media used? #WeeklyChat", 0, "BMCMedicine"),
        Post("2", "A1: patient forums #weeklychat", 2, "alice"),
        Post("3", "A1: hospital blogs #weeklychat", 3, "bob"),
        Post("4", "@bob and their comment threads #weeklychat", 4, "alice", replyTo: "3"),
        Post("5", "Cheap followers at spam.example #weeklychat", 5, "spammer"),
        Post("6", "Q1: What changed this week? #weeklychat", Week, "BMCMedicine"),
        Post("7", "A1: more video #weeklychat", Week + 2, "ALICE"),
        Post("8", "A1: I joined this week #weeklychat", Week + 3, "carol"),
        Post("9", "Cheap followers again at spam.example #weeklychat", Week + 4, "spammer"),
    ];

    private static JsonObject NextWeek(string hashtag = "#weeklychat")
    {
        var session = Session(hashtag);
        session["title"] = "Social media in healthcare, week two";
        session["startsAt"] = "2012-08-13T13:00:00+01:00";
        session["endsAt"] = "2012-08-13T14:00:00+01:00";
        return session;
    }

    [Fact]
    public async Task Two_published_sessions_sharing_a_hashtag_make_a_series_page_and_feed_with_their_counts_and_returning_participants()
    {
        await using var host = await ChatHosts.StartAsync(kind, azurite);
        using var api = new ChatApi(host);
        await api.PutSessionAsync("weekly-one", Session("#WeeklyChat"));
        await api.PutSessionAsync("weekly-two", NextWeek());
        await api.PostAsync(Chat());
        await api.ProcessedAsync();
        using (var block = await api.Client.PutAsJsonAsync(
            "/api/sessions/weekly-two/moderation/accounts/twitter/spammer", new JsonObject { ["reason"] = "spam", ["scope"] = "series" }))
        {
            Assert.Equal(HttpStatusCode.Created, block.StatusCode);
        }
        (await api.PublishAsync("weekly-one")).Dispose();
        (await api.PublishAsync("weekly-two")).Dispose();

        var page = await PageAsync(api, "/series/weeklychat/index.html");

        Assert.Equal("#weeklychat chats", page.QuerySelector("h1")!.TextContent);
        Assert.Equal(
            [
                ("/weekly-one/index.html", "Social media in healthcare", "2012-08-06T12:00:00Z", "4", "3", "0"),
                ("/weekly-two/index.html", "Social media in healthcare, week two", "2012-08-13T12:00:00Z", "3", "3", "2"),
            ],
            page.QuerySelectorAll("#chats tbody tr").Select(row =>
            {
                var cells = row.QuerySelectorAll("td").Select(c => c.TextContent).ToList();
                var link = row.QuerySelector("a")!;
                return (Resolve("/series/weeklychat/index.html", link.GetAttribute("href")!), link.TextContent, row.QuerySelector("time")!.GetAttribute("datetime")!, cells[1], cells[2], cells[3]);
            }));
        Assert.Equal(["2 chats", "4 participants", "2 took part in more than one chat"], page.QuerySelectorAll(".stats li").Select(li => li.TextContent));
        Assert.Equal(
            [["ALICE", "", "2", "3"], ["BMCMedicine", "", "2", "2"]],
            page.QuerySelectorAll("#regulars tbody tr").Select(row => row.QuerySelectorAll("td").Select(c => c.TextContent).ToArray()));
        Assert.DoesNotContain("spammer", page.DocumentElement.OuterHtml, StringComparison.OrdinalIgnoreCase);
        foreach (var session in new[] { "weekly-one", "weekly-two" })
        {
            var transcript = await PageAsync(api, $"/{session}/index.html");
            var link = Assert.Single(transcript.QuerySelectorAll(".site-nav a"), a => a.TextContent == "All #weeklychat chats");
            Assert.Equal("/series/weeklychat/index.html", Resolve($"/{session}/index.html", link.GetAttribute("href")!));
        }

        var feed = await FeedAsync(api, "/series/weeklychat/feed.xml");
        Assert.Equal("#weeklychat chats", feed.Title.Text);
        Assert.Equal(
            [("Social media in healthcare, week two", "/weekly-two/index.html"), ("Social media in healthcare", "/weekly-one/index.html")],
            feed.Items.Select(e => (e.Title.Text, Resolve("/series/weeklychat/feed.xml", e.Links[0].Uri.OriginalString))));
        var siteFeed = await FeedAsync(api, "/feed.xml");
        Assert.Equal(siteFeed.Items.Select(e => e.Id).Order(StringComparer.Ordinal), feed.Items.Select(e => e.Id).Order(StringComparer.Ordinal));
        Assert.NotEqual(siteFeed.Id, feed.Id);
    }

    [Fact]
    public async Task A_session_that_leaves_the_series_leaves_its_page_and_joins_the_page_of_its_new_hashtag()
    {
        await using var host = await ChatHosts.StartAsync(kind, azurite);
        using var api = new ChatApi(host);
        await api.PutSessionAsync("weekly-one", Session("#weeklychat"));
        await api.PutSessionAsync("weekly-two", NextWeek());
        await api.PostAsync(Chat());
        (await api.PublishAsync("weekly-one")).Dispose();
        (await api.PublishAsync("weekly-two")).Dispose();
        Assert.Equal(2, (await PageAsync(api, "/series/weeklychat/index.html")).QuerySelectorAll("#chats tbody tr").Length);

        await api.PutSessionAsync("weekly-two", NextWeek("#otherchat"));
        (await api.PublishAsync("weekly-two")).Dispose();

        var left = await PageAsync(api, "/series/weeklychat/index.html");
        Assert.Equal(["/weekly-one/index.html"], left.QuerySelectorAll("#chats tbody a").Select(a => Resolve("/series/weeklychat/index.html", a.GetAttribute("href")!)));
        Assert.Single((await FeedAsync(api, "/series/weeklychat/feed.xml")).Items);
        var joined = await PageAsync(api, "/series/otherchat/index.html");
        Assert.Equal(["/weekly-two/index.html"], joined.QuerySelectorAll("#chats tbody a").Select(a => Resolve("/series/otherchat/index.html", a.GetAttribute("href")!)));
    }

    /// <summary>Sessions published before series pages existed have no participants recorded: their transcript.json stands in, and is recorded.</summary>
    [Fact]
    public async Task A_series_page_built_without_recorded_participants_reads_them_from_the_transcripts_and_comes_out_the_same()
    {
        await using var host = await ChatHosts.StartAsync(kind, azurite);
        using var api = new ChatApi(host);
        await api.PutSessionAsync("weekly-one", Session("#weeklychat"));
        await api.PutSessionAsync("weekly-two", NextWeek());
        await api.PostAsync(Chat());
        (await api.PublishAsync("weekly-one")).Dispose();
        (await api.PublishAsync("weekly-two")).Dispose();
        var before = await api.Client.GetStringAsync(new Uri("/series/weeklychat/index.html", UriKind.Relative));
        var table = host.Services.GetRequiredService<PipelineTables>().Series;
        var rows = await table.QueryAsync<TableEntity>().ToListAsync();
        Assert.Contains(rows, r => r.PartitionKey == "participants:weekly-one");
        foreach (var row in rows)
        {
            await table.DeleteEntityAsync(row.PartitionKey, row.RowKey);
        }

        Assert.Equal(0, await host.Services.GetRequiredService<TranscriptPublisher>().PublishDueAsync(TestContext.Current.CancellationToken));

        Assert.Equal(before, await api.Client.GetStringAsync(new Uri("/series/weeklychat/index.html", UriKind.Relative)));
        var recorded = await table.QueryAsync<TableEntity>().ToListAsync();
        Assert.Contains(recorded, r => r.PartitionKey == "participants:weekly-one");
        Assert.Contains(recorded, r => r.PartitionKey == "participants:weekly-two");
    }

    private static async Task<IDocument> PageAsync(ChatApi api, string path)
    {
        using var response = await api.Client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}");
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }

    private static async Task<SyndicationFeed> FeedAsync(ChatApi api, string path)
    {
        using var stream = await api.Client.GetStreamAsync(new Uri(path, UriKind.Relative));
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        return SyndicationFeed.Load(reader);
    }

    /// <summary>A link as written in the file at <paramref name="from"/>, as the path a reader's browser would request.</summary>
    private static string Resolve(string from, string href) => new Uri(new Uri(new Uri("http://site.example"), from), href).AbsolutePath;
}

public sealed class SeriesTestsOnLocalHost(AzuriteFixture azurite) : SeriesTests(azurite, HostKind.Local);

public sealed class SeriesTestsOnFunctionsApp(AzuriteFixture azurite) : SeriesTests(azurite, HostKind.Functions);
