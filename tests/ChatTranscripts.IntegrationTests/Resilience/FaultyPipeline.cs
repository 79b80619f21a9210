using Azure.Data.Tables;
using ChatTranscripts.Pipeline.Adapters.Connections;
using ChatTranscripts.Pipeline.Adapters.Tables;
using ChatTranscripts.Pipeline.Application.Processing;
using ChatTranscripts.Pipeline.Application.Queueing;
using ChatTranscripts.Pipeline.Core;
using ChatTranscripts.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;

namespace ChatTranscripts.IntegrationTests.Resilience;

/// <summary>A session's content version and its posts (key, text and thread root of each, sorted).</summary>
public sealed record SessionState(string Version, IReadOnlyList<string> Posts);

/// <summary>The pipeline's services on Azurite, every storage request passing through <see cref="Faults"/>.</summary>
public sealed class FaultyPipeline : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2012, 8, 6, 12, 0, 0, TimeSpan.Zero);

    private FaultyPipeline(ServiceProvider services, StorageFaults faults)
    {
        Services = services;
        Faults = faults;
    }

    public ServiceProvider Services { get; }

    public StorageFaults Faults { get; }

    public PostProcessor Processor => Services.GetRequiredService<PostProcessor>();

    /// <summary>Everything the pipeline logged.</summary>
    public FakeLogCollector Logs => Services.GetRequiredService<FakeLogCollector>();

    /// <summary>The prefix of this pipeline's tables: another pipeline given it works on the same tables.</summary>
    public string TablePrefix => Services.GetRequiredService<IConfiguration>()["Storage:TablePrefix"]!;

    public static FaultyPipeline Create(AzuriteFixture azurite, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var faults = new StorageFaults();
        var account = StorageAccount.FromConnectionString(azurite.ConnectionString, faults.AddTo);
        return new FaultyPipeline(PipelineServices.Create(azurite, settings, services => services.AddSingleton(account).AddFakeLogging()), faults);
    }

    public async Task DefineAsync(string id, string hashtag = "bmcmed")
    {
        await Services.GetRequiredService<PipelineTables>().EnsureCreatedAsync(CancellationToken.None);
        await Services.GetRequiredService<SessionStore>().SaveDefinitionAsync(id, new SessionDefinition
        {
            Title = id,
            Hashtags = [hashtag],
            StartsAt = Start,
            EndsAt = Start.AddHours(1),
            Moderators = ["BMCMedicine"],
        }, CancellationToken.None);
    }

    /// <summary>What a session holds, in a form two runs can be compared by: each post's key, text and thread root.</summary>
    public async Task<SessionState> StateAsync(string sessionId)
    {
        var session = await Services.GetRequiredService<SessionStore>().GetAsync(sessionId, CancellationToken.None);
        var posts = await Services.GetRequiredService<SessionPostStore>().LoadAsync(sessionId, CancellationToken.None);
        return new SessionState(session!.ContentVersion, posts.Select(p => $"{p.Key}|{p.Post.Text}|{p.ThreadRoot}").Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>Every stored column of every row of the session's partition, as text, sorted.</summary>
    public async Task<IReadOnlyList<string>> RowsAsync(string sessionId)
    {
        var rows = new List<string>();
        await foreach (var entity in Services.GetRequiredService<PipelineTables>().Posts
            .QueryAsync<TableEntity>(e => e.PartitionKey == sessionId, cancellationToken: CancellationToken.None))
        {
            rows.Add(string.Join("|", entity
                .Where(column => column.Key is not ("Timestamp" or "odata.etag"))
                .OrderBy(column => column.Key, StringComparer.Ordinal)
                .Select(column => $"{column.Key}={column.Value}")));
        }
        return rows.Order(StringComparer.Ordinal).ToList();
    }

    public static PipelineMessage Post(string id, string text, int minute, string handle = "someone", string? replyTo = null, int? editedMinute = null) =>
        PipelineMessage.Delivery(
        [
            new CanonicalPost
            {
                Platform = "twitter",
                Id = id,
                Author = new PostAuthor(handle, null),
                Text = text,
                CreatedAt = Start.AddMinutes(minute),
                InReplyToId = replyTo,
                EditedAt = editedMinute is { } edited ? Start.AddMinutes(edited) : null,
            },
        ], []);

    public static PipelineMessage Deletion(string id) =>
        PipelineMessage.Delivery([], [new PostDeletion("twitter", id)]);

    public ValueTask DisposeAsync() => Services.DisposeAsync();
}
