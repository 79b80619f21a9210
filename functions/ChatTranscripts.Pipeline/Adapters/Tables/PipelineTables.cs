using Azure.Data.Tables;
using ChatTranscripts.Pipeline.Adapters.Connections;
using ChatTranscripts.Pipeline.Application.Ports;
using Microsoft.Extensions.Options;

namespace ChatTranscripts.Pipeline.Adapters.Tables;

/// <summary>The pipeline's tables, created on first use.</summary>
public sealed class PipelineTables : IDisposable, IStorageProvisioning
{
    private static readonly string[] Names = ["Sessions", "SessionDays", "Posts", "ReceivedPosts", "ReceivedPostHours", "Deletions", "SetAsidePosts", "Moderation", "Series"];
    private readonly StorageAccount _account;
    private readonly string _prefix;
    private readonly CreateOnce _created;

    public PipelineTables(StorageAccount account, IOptions<StorageOptions> options)
    {
        _account = account;
        _prefix = options.Value.TablePrefix;
        _created = new CreateOnce(ct => Task.WhenAll(Names.Select(name => Table(name).CreateIfNotExistsAsync(ct))));
    }

    /// <summary>One entity per session: its definition and its publishing status.</summary>
    public TableClient Sessions => Table("Sessions");

    /// <summary>Which sessions' windows touch each day; partition = day (see <see cref="SessionDayIndex"/>).</summary>
    public TableClient SessionDays => Table("SessionDays");

    /// <summary>The posts of each session, tagged and threaded; partition = session id.</summary>
    public TableClient Posts => Table("Posts");

    /// <summary>The latest version of every post received, partitioned by the hour it was created in.</summary>
    public TableClient ReceivedPosts => Table("ReceivedPosts");

    /// <summary>Each hour partition of ReceivedPosts that holds a version of a post; partition = platform (see <see cref="ReceivedPostHours"/>).</summary>
    public TableClient ReceivedPostHours => Table("ReceivedPostHours");

    /// <summary>Tombstones: posts deleted at their source, partitioned by platform.</summary>
    public TableClient Deletions => Table("Deletions");

    /// <summary>Posts storage refused, with the reason, for an operator (see <see cref="SetAsidePostStore"/>).</summary>
    public TableClient SetAsidePosts => Table("SetAsidePosts");

    /// <summary>What organisers hid and blocked, and their rules; partition = session, or hashtag for a series (see <see cref="ModerationStore"/>).</summary>
    public TableClient Moderation => Table("Moderation");

    /// <summary>What series pages are built from: each published session's participants, and each series page's inputs (see <see cref="SeriesStore"/>).</summary>
    public TableClient Series => Table("Series");

    public Task EnsureCreatedAsync(CancellationToken cancellationToken) => _created.EnsureAsync(cancellationToken);

    public void Dispose() => _created.Dispose();

    private TableClient Table(string name) => _account.Tables.GetTableClient(_prefix + name);
}
