using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace ChatTranscripts.Pipeline.Storage;

/// <summary>The pipeline's tables, created on first use.</summary>
public sealed class PipelineTables(StorageAccount account, IOptions<StorageOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _creating = new(1, 1);
    private volatile bool _created;

    /// <summary>One entity per session: its definition and its publishing status.</summary>
    public TableClient Sessions => Table("Sessions");

    /// <summary>The posts of each session, tagged and threaded; partition = session id.</summary>
    public TableClient Posts => Table("Posts");

    /// <summary>The latest version of every post received, partitioned by the hour it was created in.</summary>
    public TableClient ReceivedPosts => Table("ReceivedPosts");

    /// <summary>Tombstones: posts deleted at their source, partitioned by platform.</summary>
    public TableClient Deletions => Table("Deletions");

    /// <summary>Creates the tables once per process; a failure (storage not up yet) is retried on the next call.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (_created)
        {
            return;
        }
        await _creating.WaitAsync(cancellationToken);
        try
        {
            if (!_created)
            {
                await Task.WhenAll(Names.Select(name => Table(name).CreateIfNotExistsAsync(cancellationToken)));
                _created = true;
            }
        }
        finally
        {
            _creating.Release();
        }
    }

    public void Dispose() => _creating.Dispose();

    private static readonly string[] Names = ["Sessions", "Posts", "ReceivedPosts", "Deletions"];

    private TableClient Table(string name) => account.Tables.GetTableClient(options.Value.TablePrefix + name);
}
