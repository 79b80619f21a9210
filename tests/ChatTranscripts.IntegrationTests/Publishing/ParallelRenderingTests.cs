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

/// <summary>
/// A transcript under <see cref="PublishingOptions.ParallelRenderLimit"/> renders two files at once; one over it renders
/// them one at a time. Either way the site must hold the same bytes and the session the same published hash.
/// </summary>
public sealed class ParallelRenderingTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 13, 0, 0, TimeSpan.Zero);
    private const string SessionId = "parallel-render";
    private const int Posts = 120;

    [Fact]
    public async Task Rendering_two_files_at_once_publishes_the_same_bytes_as_rendering_one_at_a_time()
    {
        var (twoAtOnce, twoAtOnceHash) = await PublishAsync(parallelRenderLimit: Posts);
        var (oneAtATime, oneAtATimeHash) = await PublishAsync(parallelRenderLimit: Posts - 1);

        // The moderator and the eleven people who answer each have a page.
        string[] people = ["people/twitter/bmcmedicine.html", .. Enumerable.Range(0, 11).Select(n => $"people/twitter/person{n}.html")];
        string[] files = [.. people.Concat(["chronological.html", "index.html", "transcript.csv", "transcript.json", "transcript.md"]).Order(StringComparer.Ordinal)];
        Assert.Equal(files, twoAtOnce.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(files, oneAtATime.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, bytes) in twoAtOnce)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(oneAtATime[name]), $"{name} differs between the two ways of rendering.");
        }
        Assert.Equal(twoAtOnceHash, oneAtATimeHash);
        Assert.Contains("Q3: the third question", System.Text.Encoding.UTF8.GetString(twoAtOnce["index.html"]), StringComparison.Ordinal);
    }

    /// <summary>
    /// The same chat, stored and published on tables and a container of its own; returns the session's files (the
    /// site's index and feed name their container, so they differ between the two on purpose).
    /// </summary>
    private async Task<(Dictionary<string, byte[]> Site, string? PublishedHash)> PublishAsync(int parallelRenderLimit)
    {
        var time = new FakeTimeProvider(Start.AddHours(2));
        await using var services = PipelineServices.Create(
            azurite,
            new Dictionary<string, string?> { ["Publishing:ParallelRenderLimit"] = parallelRenderLimit.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            s => s.AddSingleton<TimeProvider>(time));
        await services.GetRequiredService<PipelineTables>().EnsureCreatedAsync(CancellationToken.None);
        await services.GetRequiredService<SessionStore>().SaveDefinitionAsync(SessionId, new SessionDefinition
        {
            Title = "Parallel rendering",
            Hashtags = ["bmcmed"],
            StartsAt = Start,
            EndsAt = Start.AddHours(1),
            TimeZone = "Europe/London",
            Moderators = ["BMCMedicine"],
        }, CancellationToken.None);
        var messages = new List<PipelineMessage> { PipelineMessage.SessionChanged(SessionId) };
        messages.AddRange(Enumerable.Range(0, Posts).Select(i => PipelineMessage.Delivery([Post(i)], [])));
        await services.GetRequiredService<PostProcessor>().ProcessAsync(messages, CancellationToken.None);

        Assert.Equal(1, await services.GetRequiredService<TranscriptPublisher>().PublishDueAsync(CancellationToken.None));

        var site = services.GetRequiredService<StorageAccount>().Blobs
            .GetBlobContainerClient(services.GetRequiredService<IOptions<PublishingOptions>>().Value.Container);
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        await foreach (var blob in site.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, SessionId + "/", CancellationToken.None))
        {
            files[blob.Name[(SessionId.Length + 1)..]] = (await site.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToArray();
        }
        var session = await services.GetRequiredService<SessionStore>().GetAsync(SessionId, CancellationToken.None);
        Assert.Equal(Posts, session!.PublishedPosts);
        return (files, session.PublishedHash);
    }

    /// <summary>Questions from the moderator every 30 posts, answers to them, and replies without the hashtag to earlier posts.</summary>
    private static CanonicalPost Post(int i) => (i % 30, i % 3) switch
    {
        (0, _) => Make(i, "BMCMedicine", $"Q{(i / 30) + 1}: the {Ordinal((i / 30) + 1)} question #bmcmed"),
        (_, 2) => Make(i, $"person{i % 11}", $"@person{(i - 1) % 11} I agree, and <b>more</b> https://example.org/{i}") with { InReplyToId = (i - 1).ToString(System.Globalization.CultureInfo.InvariantCulture) },
        _ => Make(i, $"person{i % 11}", $"A{(i / 30) + 1}: answer number {i} #bmcmed #other"),
    };

    private static CanonicalPost Make(int i, string handle, string text) => new()
    {
        Platform = "twitter",
        Id = i.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Author = new PostAuthor(handle, null),
        Text = text,
        CreatedAt = Start.AddSeconds(20 * (i + 1)),
    };

    private static string Ordinal(int n) => n switch { 1 => "first", 2 => "second", 3 => "third", _ => "fourth" };
}
