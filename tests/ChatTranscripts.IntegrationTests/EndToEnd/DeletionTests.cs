using System.Net;
using Azure.Data.Tables;
using ChatTranscripts.IntegrationTests.Hosts;
using ChatTranscripts.Pipeline.Adapters.Tables;
using ChatTranscripts.Testing;
using Microsoft.Extensions.DependencyInjection;
using static ChatTranscripts.IntegrationTests.EndToEnd.ChatApi;
namespace ChatTranscripts.IntegrationTests.EndToEnd;

public abstract class DeletionTests(AzuriteFixture azurite, HostKind kind)
{
    [Fact]
    public async Task A_deletion_before_the_post_arrives_keeps_it_out()
    {
        await using var host = await ChatHosts.StartAsync(kind, azurite);
        using var api = new ChatApi(host);
        await api.PutSessionAsync("deleted-early", Session());

        await api.DeleteAsync("twitter", "2");
        await api.ProcessedAsync();
        await api.PostAsync(Post("1", "kept #bmcmed"), Post("2", "deleted before it came #bmcmed"));
        using var transcript = await api.PublishAsync("deleted-early");

        Assert.Equal(["twitter:1"], PostIds(transcript));
        Assert.Equal(1, (await api.SessionAsync("deleted-early")).GetProperty("postCount").GetInt32());
    }

    [Fact]
    public async Task A_deletion_after_publishing_removes_the_post_at_the_next_publish()
    {
        await using var host = await ChatHosts.StartAsync(kind, azurite);
        using var api = new ChatApi(host);
        await api.PutSessionAsync("deleted-late", Session());
        await api.PostAsync(Post("1", "kept #bmcmed"), Post("2", "regretted #bmcmed"), Post("3", "@someone reply to regret", 12, replyTo: "2"));
        using (var before = await api.PublishAsync("deleted-late"))
        {
            Assert.Equal(["twitter:1", "twitter:2", "twitter:3"], PostIds(before));
        }

        await api.DeleteAsync("twitter", "2");
        using var after = await api.PublishAsync("deleted-late");

        // The reply joined only through the deleted post, so it leaves with it.
        Assert.Equal(["twitter:1"], PostIds(after));
        var page = await api.Client.GetStringAsync(new Uri("/deleted-late/index.html", UriKind.Relative));
        Assert.DoesNotContain("regretted", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deletion_removes_every_stored_version_even_of_a_post_in_no_session()
    {
        await using var host = new LocalHostFactory(azurite);
        using var api = new ChatApi(host);
        await api.PutSessionAsync("deleted-everywhere", Session());
        // Ten hours before the session: no window holds it, so only the received copy has its text.
        await api.PostAsync(Post("10", "in no session", minute: -600), Post("11", "said first #bmcmed", minute: 10));
        await api.ProcessedAsync();
        // An edit that moves the post into the next hour leaves the first version in the hour partition it was in.
        var moved = Post("11", "said again, an hour later #bmcmed", minute: 75);
        moved["editedAt"] = "2012-08-06T13:20:00Z";
        await api.PostAsync(moved);
        await api.ProcessedAsync();
        var tables = host.Services.GetRequiredService<PipelineTables>();
        Assert.Equal(1, await RowsAsync(tables.ReceivedPosts, "twitter:10"));
        Assert.Equal(2, await RowsAsync(tables.ReceivedPosts, "twitter:11"));
        Assert.Equal(1, await RowsAsync(tables.Posts, "twitter:11"));

        await api.DeleteAsync(("twitter", "10"), ("twitter", "11"));
        await api.ProcessedAsync();

        Assert.Equal(0, await RowsAsync(tables.ReceivedPosts, "twitter:10"));
        Assert.Equal(0, await RowsAsync(tables.ReceivedPosts, "twitter:11"));
        Assert.Equal(0, await RowsAsync(tables.Posts, "twitter:11"));
        Assert.Equal(0, (await api.SessionAsync("deleted-everywhere")).GetProperty("postCount").GetInt32());
    }

    [Fact]
    public async Task With_a_secret_set_DELETE_is_refused_signed_or_not_and_deletes_nothing()
    {
        await using var host = new LocalHostFactory(azurite);
        using var api = new ChatApi(host);
        await api.PutSessionAsync("delete-refused", Session());
        await api.PostAsync(Post("1", "stays #bmcmed"));

        using var unsigned = await api.Client.SendSignedAsync(HttpMethod.Delete, "/api/posts/twitter/1", null, secret: null);
        // Signed headers name no post (there is no body), so they could be replayed against any other one.
        using var signed = await api.Client.SendSignedAsync(HttpMethod.Delete, "/api/posts/twitter/1", null);
        await api.ProcessedAsync();

        foreach (var response in new[] { unsigned, signed })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        Assert.Equal(1, (await api.SessionAsync("delete-refused")).GetProperty("postCount").GetInt32());
    }

    [Fact]
    public async Task Without_a_secret_DELETE_still_deletes_and_checks_what_it_names()
    {
        await using var host = new LocalHostFactory(azurite, new Dictionary<string, string?> { ["Webhooks:Secret"] = "" });
        using var api = new ChatApi(host);
        await api.PutSessionAsync("delete-unsigned", Session());
        await api.PostAsync(Post("1", "kept #bmcmed"), Post("2", "removed #bmcmed"));

        using var deleted = await api.Client.DeleteAsync(new Uri("/api/posts/twitter/2", UriKind.Relative));
        using var badPlatform = await api.Client.DeleteAsync(new Uri("/api/posts/Not%20A%20Platform/2", UriKind.Relative));
        using var transcript = await api.PublishAsync("delete-unsigned");

        Assert.Equal(HttpStatusCode.Accepted, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badPlatform.StatusCode);
        Assert.Contains("\"platform\"", await badPlatform.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(["twitter:1"], PostIds(transcript));
    }

    /// <summary>Rows anywhere in the table for the post: a scan, which a test may afford and the pipeline never does.</summary>
    private static async Task<int> RowsAsync(TableClient table, string postKey) =>
        await table.QueryAsync<TableEntity>(e => e.RowKey == postKey, select: ["RowKey"]).CountAsync();
}

public sealed class DeletionTestsOnLocalHost(AzuriteFixture azurite) : DeletionTests(azurite, HostKind.Local);

public sealed class DeletionTestsOnFunctionsApp(AzuriteFixture azurite) : DeletionTests(azurite, HostKind.Functions);
