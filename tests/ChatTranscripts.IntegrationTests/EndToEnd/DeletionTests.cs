using ChatTranscripts.Testing;
using static ChatTranscripts.IntegrationTests.EndToEnd.ChatApi;

using ChatTranscripts.IntegrationTests.Hosts;
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
}

public sealed class DeletionTestsOnLocalHost(AzuriteFixture azurite) : DeletionTests(azurite, HostKind.Local);

public sealed class DeletionTestsOnFunctionsApp(AzuriteFixture azurite) : DeletionTests(azurite, HostKind.Functions);
