using System.ServiceModel.Syndication;
using System.Xml;
using AngleSharp.Html.Parser;
using Azure.Storage.Blobs;
using ChatTranscripts.Pipeline.Adapters.Connections;
using ChatTranscripts.Pipeline.Adapters.Tables;
using ChatTranscripts.Pipeline.Application.Processing;
using ChatTranscripts.Pipeline.Application.Publishing;
using ChatTranscripts.Pipeline.Application.Queueing;
using ChatTranscripts.Pipeline.Core;
using ChatTranscripts.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatTranscripts.IntegrationTests.Publishing;

/// <summary>The publisher on Azurite under a controlled clock: snapshots while a chat is live, then the final transcript.</summary>
public sealed class TranscriptPublisherTests(AzuriteFixture azurite) : IAsyncDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 13, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan LiveInterval = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan Delay = TimeSpan.FromMinutes(5);

    private readonly FakeTimeProvider _time = new(Start.AddMinutes(-30));
    private ServiceProvider? _services;

    private ServiceProvider Services => _services ??= PipelineServices.Create(
        azurite,
        new Dictionary<string, string?>
        {
            ["Publishing:Delay"] = Delay.ToString(),
            ["Publishing:LiveInterval"] = LiveInterval.ToString(),
        },
        services => services.AddSingleton<TimeProvider>(_time));

    private TranscriptPublisher Publisher => Services.GetRequiredService<TranscriptPublisher>();

    private BlobContainerClient Site => Services.GetRequiredService<StorageAccount>().Blobs
        .GetBlobContainerClient(Services.GetRequiredService<IOptions<PublishingOptions>>().Value.Container);

    [Fact]
    public async Task A_live_chat_is_snapshotted_every_few_minutes_while_it_changes_and_the_final_transcript_replaces_it()
    {
        await DefineAsync("live-chat");
        Assert.Equal(0, await Publisher.PublishDueAsync(CancellationToken.None));

        _time.SetUtcNow(Start.AddMinutes(2));
        await PostAsync("1", "Q1: first question #bmcmed", minute: 1);
        Assert.Equal(1, await Publisher.PublishDueAsync(CancellationToken.None));
        var snapshot = await PageAsync("live-chat/index.html");
        Assert.Contains("Live, updating.", snapshot.QuerySelector(".banner")!.TextContent, StringComparison.Ordinal);
        Assert.Single(snapshot.QuerySelectorAll("article.post"));
        Assert.Contains("live, updating", (await PageAsync("index.html")).QuerySelector(".sessions")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(SessionStatus.Live, (await SessionAsync("live-chat")).StatusAt(_time.GetUtcNow()));

        _time.Advance(TimeSpan.FromMinutes(1));
        await PostAsync("2", "A1: an answer #bmcmed", minute: 3);
        Assert.Equal(0, await Publisher.PublishDueAsync(CancellationToken.None));
        Assert.Single((await PageAsync("live-chat/index.html")).QuerySelectorAll("article.post"));

        _time.Advance(LiveInterval);
        Assert.Equal(1, await Publisher.PublishDueAsync(CancellationToken.None));
        Assert.Equal(2, (await PageAsync("live-chat/index.html")).QuerySelectorAll("article.post").Length);

        _time.Advance(LiveInterval);
        Assert.Equal(0, await Publisher.PublishDueAsync(CancellationToken.None));

        _time.SetUtcNow(Start.AddHours(1).AddMinutes(1));
        Assert.Equal(1, await Publisher.PublishDueAsync(CancellationToken.None));
        var closing = await PageAsync("live-chat/chronological.html");
        Assert.Contains("Chat ended, transcript being finalised.", closing.QuerySelector(".banner")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(SessionStatus.Ended, (await SessionAsync("live-chat")).StatusAt(_time.GetUtcNow()));

        _time.SetUtcNow(Start.AddHours(1) + Delay);
        Assert.Equal(1, await Publisher.PublishDueAsync(CancellationToken.None));
        foreach (var page in new[] { "live-chat/index.html", "live-chat/chronological.html" })
        {
            Assert.Null((await PageAsync(page)).QuerySelector(".banner"));
        }
        Assert.DoesNotContain("live, updating", (await PageAsync("index.html")).Body!.TextContent, StringComparison.Ordinal);
        var final = await SessionAsync("live-chat");
        Assert.Equal(SessionStatus.Published, final.StatusAt(_time.GetUtcNow()));
        Assert.Equal(TranscriptPhase.Final, final.PublishedPhase);

        _time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await Publisher.PublishDueAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_late_change_after_the_final_publish_is_published_at_once_without_a_banner()
    {
        await DefineAsync("late-change");
        _time.SetUtcNow(Start.AddHours(2));
        await PostAsync("1", "A1: on time #bmcmed", minute: 10);
        Assert.Equal(1, await Publisher.PublishDueAsync(CancellationToken.None));

        _time.Advance(TimeSpan.FromSeconds(10));
        await PostAsync("2", "A1: a late reply #bmcmed", minute: 70);
        Assert.Equal(1, await Publisher.PublishDueAsync(CancellationToken.None));

        var page = await PageAsync("late-change/index.html");
        Assert.Equal(2, page.QuerySelectorAll("article.post").Length);
        Assert.Null(page.QuerySelector(".banner"));
    }

    [Fact]
    public async Task The_feed_has_an_entry_per_published_session_updated_when_it_is_republished()
    {
        await DefineAsync("feed-first");
        await DefineAsync("feed-second", startsAt: Start.AddDays(7));
        _time.SetUtcNow(Start.AddDays(8));
        await PostAsync("1", "A1: hello #bmcmed", minute: 5);
        Assert.Equal(2, await Publisher.PublishDueAsync(CancellationToken.None));
        var before = await FeedAsync();
        var firstPublished = _time.GetUtcNow();

        _time.Advance(TimeSpan.FromMinutes(7));
        await PostAsync("2", "A1: corrected later #bmcmed", minute: 6);
        Assert.Equal(1, await Publisher.PublishDueAsync(CancellationToken.None));
        var after = await FeedAsync();

        Assert.Equal(2, before.Items.Count());
        Assert.Equal(["feed-second", "feed-first"], after.Items.Select(i => i.Links[0].Uri.OriginalString.Split('/')[0]));
        Assert.Equal(before.Items.Select(i => i.Id), after.Items.Select(i => i.Id));
        var entry = after.Items.Single(i => i.Links[0].Uri.OriginalString.StartsWith("feed-first/", StringComparison.Ordinal));
        Assert.Equal(_time.GetUtcNow(), entry.LastUpdatedTime);
        Assert.Equal(firstPublished, after.Items.Single(i => i.Links[0].Uri.OriginalString.StartsWith("feed-second/", StringComparison.Ordinal)).LastUpdatedTime);
        Assert.Equal(_time.GetUtcNow(), after.LastUpdatedTime);
    }

    [Fact]
    public async Task Every_file_on_the_site_has_a_content_type_with_its_charset_and_a_short_cache_control()
    {
        await DefineAsync("headers");
        _time.SetUtcNow(Start.AddHours(2));
        await PostAsync("1", "A1: hello #bmcmed", minute: 5);
        await Publisher.PublishDueAsync(CancellationToken.None);

        var expected = new Dictionary<string, string>
        {
            ["index.html"] = "text/html; charset=utf-8",
            ["404.html"] = "text/html; charset=utf-8",
            ["feed.xml"] = "application/atom+xml; charset=utf-8",
            ["headers/index.html"] = "text/html; charset=utf-8",
            ["headers/chronological.html"] = "text/html; charset=utf-8",
            ["headers/transcript.json"] = "application/json; charset=utf-8",
            ["headers/transcript.md"] = "text/markdown; charset=utf-8",
            ["headers/transcript.csv"] = "text/csv; charset=utf-8",
            ["headers/people/twitter/someone.html"] = "text/html; charset=utf-8",
            ["series/bmcmed/index.html"] = "text/html; charset=utf-8",
            ["series/bmcmed/feed.xml"] = "application/atom+xml; charset=utf-8",
        };
        var found = new Dictionary<string, string>();
        await foreach (var blob in Site.GetBlobsAsync())
        {
            Assert.Equal("public, max-age=60", blob.Properties.CacheControl);
            found[blob.Name] = blob.Properties.ContentType;
        }
        Assert.Equal(expected.OrderBy(e => e.Key), found.OrderBy(e => e.Key));
    }

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
    }

    private async Task DefineAsync(string id, DateTimeOffset? startsAt = null)
    {
        await Services.GetRequiredService<PipelineTables>().EnsureCreatedAsync(CancellationToken.None);
        var start = startsAt ?? Start;
        await Services.GetRequiredService<SessionStore>().SaveDefinitionAsync(id, new SessionDefinition
        {
            Title = id,
            Hashtags = ["bmcmed"],
            StartsAt = start,
            EndsAt = start.AddHours(1),
            TimeZone = "Europe/London",
        }, CancellationToken.None);
        await Services.GetRequiredService<PostProcessor>().ProcessAsync(
            [PipelineMessage.SessionChanged(id)], CancellationToken.None);
    }

    private Task PostAsync(string id, string text, int minute) =>
        Services.GetRequiredService<PostProcessor>().ProcessAsync(
        [
            PipelineMessage.Delivery(
            [
                new CanonicalPost
                {
                    Platform = "twitter",
                    Id = id,
                    Author = new PostAuthor("someone", null),
                    Text = text,
                    CreatedAt = Start.AddMinutes(minute),
                },
            ], []),
        ], CancellationToken.None);

    private async Task<SessionRecord> SessionAsync(string id) =>
        await Services.GetRequiredService<SessionStore>().GetAsync(id, CancellationToken.None)
        ?? throw new Xunit.Sdk.XunitException($"Session {id} is not stored.");

    private async Task<AngleSharp.Html.Dom.IHtmlDocument> PageAsync(string path)
    {
        var content = await Site.GetBlobClient(path).DownloadContentAsync();
        return new HtmlParser().ParseDocument(content.Value.Content.ToString());
    }

    private async Task<SyndicationFeed> FeedAsync()
    {
        var content = await Site.GetBlobClient("feed.xml").DownloadContentAsync();
        using var reader = XmlReader.Create(content.Value.Content.ToStream());
        return SyndicationFeed.Load(reader);
    }
}
