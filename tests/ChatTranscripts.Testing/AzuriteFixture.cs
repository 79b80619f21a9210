using ChatTranscripts.LocalHost.Azurite;
using ChatTranscripts.Pipeline.Storage;

namespace ChatTranscripts.Testing;

/// <summary>
/// An in-memory Azurite on free ports for a test assembly, installed from npm on first use and always stopped at
/// the end, whatever the tests did. Tests keep apart by giving their tables, queues and containers a unique prefix.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteProcess? _azurite;
    private int _prefixes;

    public string ConnectionString => _azurite?.ConnectionString ?? throw new InvalidOperationException("Azurite has not started.");

    public StorageAccount Storage => StorageAccount.FromConnectionString(ConnectionString);

    /// <summary>A prefix no other test in this run uses: starts with a letter, letters and digits only (valid in table, queue and container names).</summary>
    public string UniquePrefix() => $"t{Environment.ProcessId % 10000}x{Interlocked.Increment(ref _prefixes)}";

    public async ValueTask InitializeAsync()
    {
        var ports = FreePorts.Take(3);
        _azurite = await AzuriteProcess.StartAsync(
            new AzuriteStartOptions { BlobPort = ports[0], QueuePort = ports[1], TablePort = ports[2], InMemory = true },
            logger: null,
            CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
