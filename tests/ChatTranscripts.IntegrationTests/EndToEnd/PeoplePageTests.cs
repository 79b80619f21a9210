using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ChatTranscripts.IntegrationTests.Hosts;
using ChatTranscripts.Testing;
using static ChatTranscripts.IntegrationTests.EndToEnd.ChatApi;

namespace ChatTranscripts.IntegrationTests.EndToEnd;

/// <summary>
/// A chat sent and published through the API gets a page per participant, linked from the transcript's participants
/// table; moderation that leaves someone no shown post (their posts hidden, their account blocked) takes their page
/// away at the next publish.
/// </summary>
public abstract class PeoplePageTests(AzuriteFixture azurite, HostKind kind)
{
    private const string SessionId = "people-chat";
    private const string Question = "Q1: How have you seen social media used? #bmcmed";
    private const string Spam = "Cheap followers at spam.example";

    private static JsonObject[] Chat() =>
    [
        Post("1", Question, 0, "BMCMedicine"),
        Post("2", "A1: peer support groups online #bmcmed", 2, "nurse_jo"),
        Post("3", "@nurse_jo which groups do you mean? #bmcmed", 3, "drsmith", replyTo: "2"),
        Post("4", "@drsmith the diabetes ones, run by patients", 4, "Nurse_Jo", replyTo: "3"),
        Post("5", $"A1: {Spam} #bmcmed", 5, "spammer"),
        Post("6", $"{Spam} again #bmcmed", 6, "spammer"),
        Post("7", "@spammer please stop #bmcmed", 7, "drsmith", replyTo: "5"),
    ];

    [Fact]
    public async Task A_participants_page_shows_their_posts_in_context_and_goes_when_every_post_of_theirs_is_hidden()
    {
        await using var host = await ChatHosts.StartAsync(kind, azurite);
        using var api = new ChatApi(host);
        await api.PutSessionAsync(SessionId, Session());
        await api.PostAsync(Chat());
        (await api.PublishAsync(SessionId)).Dispose();

        var links = ParticipantLinks(await PageAsync(api, $"/{SessionId}/index.html"));
        Assert.Equal(
            [("@BMCMedicine", "people/twitter/bmcmedicine.html"), ("@Nurse_Jo", "people/twitter/nurse_jo.html"), ("@drsmith", "people/twitter/drsmith.html"), ("@spammer", "people/twitter/spammer.html")],
            links.OrderBy(l => l.Handle, StringComparer.Ordinal));
        using var response = await api.Client.GetAsync(new Uri($"/{SessionId}/people/twitter/nurse_jo.html", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal("@Nurse_Jo", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("Social media in healthcare", page.QuerySelector("h1 + p a")!.TextContent);
        Assert.Equal(["#bmcmed"], page.QuerySelectorAll(".tags .tag").Select(t => t.TextContent));
        Assert.StartsWith("Monday 6 August 2012, 13:00–14:00 (Europe/London, UTC+01:00)", page.QuerySelector(".when")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("@BMCMedicine", page.QuerySelector(".people dd")!.TextContent);
        Assert.Equal("2 posts in this chat, answering Q1.", page.QuerySelector(".count")!.TextContent);
        Assert.Equal(["post-twitter-2", "post-twitter-4"], page.QuerySelectorAll("article.post").Select(a => a.Id));
        Assert.Equal($"Answering Q1: {Question}", Context(page, "post-twitter-2")[0]);
        Assert.Equal(
            [$"In the discussion of Q1: {Question}", "In reply to @drsmith: @nurse_jo which groups do you mean? #bmcmed"],
            Context(page, "post-twitter-4"));
        var replyLink = page.GetElementById("post-twitter-4")!.QuerySelectorAll(".context a")[1].GetAttribute("href")!;
        Assert.Equal("../../index.html#post-twitter-3", replyLink);
        var threaded = await PageAsync(api, $"/{SessionId}/index.html");
        Assert.Contains("which groups do you mean?", threaded.GetElementById("post-twitter-3")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(api, $"/{SessionId}/people/twitter/spammer.html"));

        foreach (var id in new[] { "5", "6" })
        {
            using var hide = await api.Client.PutAsJsonAsync($"/api/sessions/{SessionId}/moderation/posts/twitter/{id}", new JsonObject { ["reason"] = "spam" });
            Assert.Equal(HttpStatusCode.Created, hide.StatusCode);
        }
        (await api.PublishAsync(SessionId)).Dispose();

        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(api, $"/{SessionId}/people/twitter/spammer.html"));
        Assert.DoesNotContain(ParticipantLinks(await PageAsync(api, $"/{SessionId}/index.html")), link => link.Handle == "@spammer");
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(api, $"/{SessionId}/people/twitter/nurse_jo.html"));
        var replier = await PageAsync(api, $"/{SessionId}/people/twitter/drsmith.html");
        Assert.Equal([$"In the discussion of Q1: {Question}", "In reply to a post hidden by the organiser"], Context(replier, "post-twitter-7"));
        Assert.DoesNotContain(Spam, replier.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_account_blocked_for_the_session_gets_no_page()
    {
        await using var host = await ChatHosts.StartAsync(kind, azurite);
        using var api = new ChatApi(host);
        await api.PutSessionAsync(SessionId, Session());
        await api.PostAsync(Chat());
        await api.ProcessedAsync();
        using (var block = await api.Client.PutAsJsonAsync($"/api/sessions/{SessionId}/moderation/accounts/twitter/SPAMMER", new JsonObject { ["reason"] = "spam" }))
        {
            Assert.Equal(HttpStatusCode.Created, block.StatusCode);
        }

        (await api.PublishAsync(SessionId)).Dispose();

        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(api, $"/{SessionId}/people/twitter/spammer.html"));
        Assert.Equal(["@BMCMedicine", "@Nurse_Jo", "@drsmith"], ParticipantLinks(await PageAsync(api, $"/{SessionId}/index.html")).Select(l => l.Handle).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(api, $"/{SessionId}/people/twitter/bmcmedicine.html"));
    }

    private static IReadOnlyList<(string Handle, string Href)> ParticipantLinks(IDocument transcript) =>
        transcript.QuerySelectorAll("#participants tbody td a").Select(a => (a.TextContent, a.GetAttribute("href")!)).ToList();

    private static IReadOnlyList<string> Context(IDocument page, string anchor) =>
        page.GetElementById(anchor)!.QuerySelectorAll(".context").Select(c => c.TextContent).ToList();

    private static async Task<IDocument> PageAsync(ChatApi api, string path) =>
        new HtmlParser().ParseDocument(await api.Client.GetStringAsync(new Uri(path, UriKind.Relative)));

    private static async Task<HttpStatusCode> StatusAsync(ChatApi api, string path)
    {
        using var response = await api.Client.GetAsync(new Uri(path, UriKind.Relative));
        return response.StatusCode;
    }
}

public sealed class PeoplePageTestsOnLocalHost(AzuriteFixture azurite) : PeoplePageTests(azurite, HostKind.Local);

public sealed class PeoplePageTestsOnFunctionsApp(AzuriteFixture azurite) : PeoplePageTests(azurite, HostKind.Functions);
