using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using ChatTranscripts.IntegrationTests.Hosts;
using ChatTranscripts.Pipeline.Logic.Transcripts;
using ChatTranscripts.Pipeline.Logic.Transcripts.Exports;
using ChatTranscripts.Testing;
using static ChatTranscripts.IntegrationTests.EndToEnd.ChatApi;

namespace ChatTranscripts.IntegrationTests.EndToEnd;

/// <summary>
/// A chat sent and moderated through the API publishes the links it shared (normalised, counted, credited, placed under
/// their question) and the threads that drew the most replies, in transcript.json, on the page and in the Markdown;
/// nothing of a hidden post is among them. Expectations follow from the contract's rules applied to the chat below.
/// </summary>
public abstract class DigestTests(AzuriteFixture azurite, HostKind kind)
{
    private const string SessionId = "digest";

    private static JsonObject[] Chat() =>
    [
        Post("1", "Q1: Where do you find good evidence? #bmcmed", 0, "BMCMedicine"),
        Post("2", "A1: this review https://www.jmir.org/2012/3/e87/?utm_source=twitter #bmcmed", 2, "HealthLibKate"),
        Post("3", "@HealthLibKate saved: HTTPS://WWW.JMIR.ORG/2012/3/e87/#abstract", 3, "nurse_jo", replyTo: "2"),
        Post("4", "@nurse_jo also nhs.uk/conditions", 4, "drsmith", replyTo: "3"),
        Post("5", "@HealthLibKate cheap pills https://pills.example.com/?fbclid=1", 5, "spammer", replyTo: "2"),
        Post("6", "@spammer go away", 6, "nurse_jo", replyTo: "5"),
        Post("7", "Slides from today: https://youtu.be/abc123?si=share #bmcmed", 8, "student"),
    ];

    [Fact]
    public async Task A_published_chat_lists_its_resources_and_most_discussed_threads_without_hidden_posts()
    {
        await using var host = await ChatHosts.StartAsync(kind, azurite);
        using var api = new ChatApi(host);
        await api.PutSessionAsync(SessionId, Session());
        await api.PostAsync(Chat());
        await api.ProcessedAsync();
        using (var hide = await api.Client.PutAsJsonAsync($"/api/sessions/{SessionId}/moderation/posts/twitter/5", new JsonObject { ["reason"] = "spam" }))
        {
            Assert.Equal(HttpStatusCode.Created, hide.StatusCode);
        }

        using var transcript = await api.PublishAsync(SessionId);

        var root = transcript.RootElement;
        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        var links = root.GetProperty("links").EnumerateArray().ToList();
        Assert.Equal(
            [
                ("https://www.jmir.org/2012/3/e87/", 2, "twitter:2", "HealthLibKate", (int?)1),
                ("https://nhs.uk/conditions", 1, "twitter:4", "drsmith", 1),
                ("https://youtu.be/abc123", 1, "twitter:7", "student", null),
            ],
            links.Select(l => (
                l.GetProperty("url").GetString(),
                l.GetProperty("posts").GetInt32(),
                l.GetProperty("firstShared").GetProperty("postId").GetString(),
                l.GetProperty("firstShared").GetProperty("handle").GetString(),
                l.GetProperty("question").ValueKind == JsonValueKind.Null ? (int?)null : l.GetProperty("question").GetInt32())));
        Assert.Equal("2012-08-06T12:02:00Z", links[0].GetProperty("firstShared").GetProperty("createdAt").GetString());
        var thread = Assert.Single(root.GetProperty("mostDiscussed").EnumerateArray());
        // Replies 3, 4 and 6 (6 kept in place under the hidden 5), from nurse_jo and drsmith.
        Assert.Equal(
            ("twitter:2", "twitter", "HealthLibKate", 1, 3, 2),
            (thread.GetProperty("postId").GetString(), thread.GetProperty("platform").GetString(), thread.GetProperty("handle").GetString(),
                thread.GetProperty("question").GetInt32(), thread.GetProperty("replies").GetInt32(), thread.GetProperty("repliers").GetInt32()));

        var page = await api.Client.GetStringAsync(new Uri($"/{SessionId}/{TranscriptPageRenderer.ThreadedPage}", UriKind.Relative));
        var document = new HtmlParser().ParseDocument(page);
        Assert.Equal(
            ["https://www.jmir.org/2012/3/e87/", "https://nhs.uk/conditions", "https://youtu.be/abc123"],
            document.QuerySelectorAll("#resources li > a[rel]").Select(a => a.GetAttribute("href")));
        var threadLink = document.QuerySelector("#most-discussed li > a")!.GetAttribute("href")!;
        Assert.Equal("A1: this review", document.GetElementById(threadLink[1..])?.QuerySelector(".text")?.TextContent[..15]);
        var markdown = await api.Client.GetStringAsync(new Uri($"/{SessionId}/{TranscriptMarkdown.FileName}", UriKind.Relative));
        Assert.Contains("## Resources shared", markdown, StringComparison.Ordinal);
        Assert.Contains("](https://www.jmir.org/2012/3/e87/): 2 posts", markdown, StringComparison.Ordinal);
        foreach (var file in new[] { JsonSerializer.Serialize(root), page, markdown })
        {
            Assert.DoesNotContain("pills", file, StringComparison.Ordinal);
        }
    }
}

public sealed class DigestTestsOnLocalHost(AzuriteFixture azurite) : DigestTests(azurite, HostKind.Local);

public sealed class DigestTestsOnFunctionsApp(AzuriteFixture azurite) : DigestTests(azurite, HostKind.Functions);
