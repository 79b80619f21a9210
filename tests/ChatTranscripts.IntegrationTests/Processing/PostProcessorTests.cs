using ChatTranscripts.Pipeline.Adapters.Tables;
using ChatTranscripts.Pipeline.Application.Ingest;
using ChatTranscripts.Pipeline.Application.Ports;
using ChatTranscripts.Pipeline.Application.Processing;
using ChatTranscripts.Pipeline.Application.Queueing;
using ChatTranscripts.Pipeline.Core;
using ChatTranscripts.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatTranscripts.IntegrationTests.Processing;

public sealed class PostProcessorTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Start = new(2012, 8, 6, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_message_processed_twice_stores_once()
    {
        await using var services = PipelineServices.Create(azurite);
        var (processor, sessions, posts) = Resolve(services);
        await SessionAsync(services, "twice");
        PipelineMessage[] messages = [Message("1", "A1: yes #bmcmed"), Message("2", "@a agreed", replyTo: "1")];

        await processor.ProcessAsync(messages, CancellationToken.None);
        var first = await sessions.GetAsync("twice", CancellationToken.None);
        await processor.ProcessAsync(messages, CancellationToken.None);
        var second = await sessions.GetAsync("twice", CancellationToken.None);

        Assert.Equal(2, (await posts.LoadAsync("twice", CancellationToken.None)).Count);
        Assert.Equal(2, second!.PostCount);
        Assert.Equal(first!.ContentVersion, second.ContentVersion);
    }

    [Fact]
    public async Task A_reply_before_its_parent_is_threaded_when_the_parent_arrives()
    {
        await using var services = PipelineServices.Create(azurite);
        var (processor, _, posts) = Resolve(services);
        await SessionAsync(services, "orphans");

        await processor.ProcessAsync([Message("3", "@b deeper", replyTo: "2")], CancellationToken.None);
        await processor.ProcessAsync([Message("2", "@a agreed", replyTo: "1")], CancellationToken.None);
        Assert.Empty(await posts.LoadAsync("orphans", CancellationToken.None));
        await processor.ProcessAsync([Message("1", "A1: yes #bmcmed")], CancellationToken.None);

        var stored = await posts.LoadAsync("orphans", CancellationToken.None);
        Assert.Equal(["1", "2", "3"], stored.Select(p => p.Post.Id).Order());
        Assert.All(stored, p => Assert.Equal(new PostKey("twitter", "1"), p.ThreadRoot));
    }

    [Fact]
    public async Task The_latest_edit_wins_whatever_the_order()
    {
        await using var services = PipelineServices.Create(azurite);
        var (processor, _, posts) = Resolve(services);
        await SessionAsync(services, "edits");

        await processor.ProcessAsync([Message("1", "A1: corrected #bmcmed", editedAt: Start.AddMinutes(15))], CancellationToken.None);
        await processor.ProcessAsync([Message("1", "A1: typo #bmcmed")], CancellationToken.None);

        Assert.Equal("A1: corrected #bmcmed", Assert.Single(await posts.LoadAsync("edits", CancellationToken.None)).Post.Text);
    }

    [Fact]
    public async Task Posts_that_arrive_before_their_session_is_registered_are_routed_when_it_is()
    {
        await using var services = PipelineServices.Create(azurite);
        var (processor, _, posts) = Resolve(services);

        await processor.ProcessAsync([Message("1", "early #bmcmed")], CancellationToken.None);
        await SessionAsync(services, "late-session");
        await processor.ProcessAsync([PipelineMessage.SessionChanged("late-session")], CancellationToken.None);

        Assert.Single(await posts.LoadAsync("late-session", CancellationToken.None));
    }

    [Fact]
    public async Task A_post_can_belong_to_several_sessions()
    {
        await using var services = PipelineServices.Create(azurite);
        var (processor, _, posts) = Resolve(services);
        await SessionAsync(services, "first-chat");
        await SessionAsync(services, "second-chat", "hcsm");

        await processor.ProcessAsync([Message("1", "#bmcmed meets #hcsm"), Message("2", "#hcsm only")], CancellationToken.None);

        Assert.Single(await posts.LoadAsync("first-chat", CancellationToken.None));
        Assert.Equal(2, (await posts.LoadAsync("second-chat", CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Undecodable_messages_are_rejected_with_a_reason_and_the_rest_processed()
    {
        await using var services = PipelineServices.Create(azurite);
        var (processor, _, posts) = Resolve(services);
        await SessionAsync(services, "poison");
        var good = PipelineMessage.ForDelivery(DeliverySources.Posts, "msg_1", Message("1", "#bmcmed").Posts, []);

        var outcome = await processor.HandleAsync(
        [
            new ReceivedMessage(good.MessageId, good.Body, 1, new object()),
            new ReceivedMessage("garbage", BinaryData.FromString("{not json"), 1, new object()),
        ], CancellationToken.None);

        Assert.Equal(["garbage"], outcome.Rejected.Keys);
        Assert.Single(await posts.LoadAsync("poison", CancellationToken.None));
    }

    [Fact]
    public async Task Messages_queued_in_the_shape_before_deliveries_travelled_whole_are_still_processed()
    {
        await using var services = PipelineServices.Create(azurite);
        var (processor, _, posts) = Resolve(services);
        await SessionAsync(services, "old-shape");
        // Exactly what the previous version queued: one post, one deletion or one session change per message.
        const string Post = """{"type":"post","post":{"platform":"twitter","id":"1","author":{"handle":"someone","displayName":null},"text":"kept #bmcmed","createdAt":"2012-08-06T12:10:00+00:00","inReplyToId":null,"inReplyToHandle":null,"quotedId":null,"repostOfId":null,"url":null,"lang":null,"editedAt":null},"deletion":null,"sessionId":null}""";
        const string Deleted = """{"type":"post","post":{"platform":"twitter","id":"2","author":{"handle":"someone","displayName":null},"text":"gone #bmcmed","createdAt":"2012-08-06T12:11:00+00:00","inReplyToId":null,"inReplyToHandle":null,"quotedId":null,"repostOfId":null,"url":null,"lang":null,"editedAt":null},"deletion":null,"sessionId":null}""";
        const string Deletion = """{"type":"deletion","post":null,"deletion":{"platform":"twitter","id":"2"},"sessionId":null}""";
        const string Session = """{"type":"session","post":null,"deletion":null,"sessionId":"old-shape"}""";

        var outcome = await processor.HandleAsync(
        [
            new ReceivedMessage("twitter:1", BinaryData.FromString(Post), 1, new object()),
            new ReceivedMessage("twitter:2", BinaryData.FromString(Deleted), 1, new object()),
            new ReceivedMessage("twitter:2:deleted", BinaryData.FromString(Deletion), 1, new object()),
            new ReceivedMessage("session:old-shape:1", BinaryData.FromString(Session), 1, new object()),
        ], CancellationToken.None);

        Assert.Empty(outcome.Rejected);
        var stored = Assert.Single(await posts.LoadAsync("old-shape", CancellationToken.None));
        Assert.Equal(("twitter:1", "kept #bmcmed"), (stored.Key.ToString(), stored.Post.Text));
        var session = PipelineMessage.Decode(BinaryData.FromString(Session));
        Assert.Equal((PipelineMessageType.Session, "old-shape"), (session?.Type, session?.SessionId));
    }

    [Theory]
    [InlineData("""{"type":"post","post":null,"deletion":null,"sessionId":null}""")]
    [InlineData("""{"type":"deletion","post":null,"deletion":{"platform":"twitter"},"sessionId":null}""")]
    [InlineData("""{"type":"delivery","posts":[],"deletions":[]}""")]
    [InlineData("""{"type":"delivery","posts":[null],"deletions":[]}""")]
    [InlineData("""{"type":"session","posts":[],"deletions":[],"sessionId":""}""")]
    [InlineData("""{"type":"something","posts":[],"deletions":[]}""")]
    [InlineData("[]")]
    public void Messages_that_carry_nothing_processable_are_not_read(string body) =>
        Assert.Null(PipelineMessage.Decode(BinaryData.FromString(body)));

    private static (PostProcessor, SessionStore, SessionPostStore) Resolve(IServiceProvider services) =>
        (services.GetRequiredService<PostProcessor>(), services.GetRequiredService<SessionStore>(), services.GetRequiredService<SessionPostStore>());

    private static async Task SessionAsync(IServiceProvider services, string id, string hashtag = "bmcmed")
    {
        await services.GetRequiredService<PipelineTables>().EnsureCreatedAsync(CancellationToken.None);
        await services.GetRequiredService<SessionStore>().SaveDefinitionAsync(id, new SessionDefinition
        {
            Title = id,
            Hashtags = [hashtag],
            StartsAt = Start,
            EndsAt = Start.AddHours(1),
        }, CancellationToken.None);
    }

    private static PipelineMessage Message(string id, string text, string? replyTo = null, DateTimeOffset? editedAt = null) =>
        PipelineMessage.Delivery(
        [
            new CanonicalPost
            {
                Platform = "twitter",
                Id = id,
                Author = new PostAuthor("someone", null),
                Text = text,
                CreatedAt = Start.AddMinutes(10),
                InReplyToId = replyTo,
                EditedAt = editedAt,
            },
        ], []);
}
