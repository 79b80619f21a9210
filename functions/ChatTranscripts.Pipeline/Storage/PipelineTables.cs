using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace ChatTranscripts.Pipeline.Storage;

/// <summary>The pipeline's tables, created on first use.</summary>
public sealed class PipelineTables : IDisposable
{
    private static readonly string[] Names = ["Sessions", "Posts", "ReceivedPosts", "Deletions"];
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

    /// <summary>The posts of each session, tagged and threaded; partition = session id.</summary>
    public TableClient Posts => Table("Posts");

    /// <summary>The latest version of every post received, partitioned by the hour it was created in.</summary>
    public TableClient ReceivedPosts => Table("ReceivedPosts");

    /// <summary>Tombstones: posts deleted at their source, partitioned by platform.</summary>
    public TableClient Deletions => Table("Deletions");

    public Task EnsureCreatedAsync(CancellationToken cancellationToken) => _created.EnsureAsync(cancellationToken);

    public void Dispose() => _created.Dispose();

    private TableClient Table(string name) => _account.Tables.GetTableClient(_prefix + name);
}
