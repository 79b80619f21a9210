using ChatTranscripts.LocalHost.Azurite;
using ChatTranscripts.Pipeline.Adapters.Connections;

namespace ChatTranscripts.Testing;

/// <summary>
/// An in-memory Azurite on free ports for a test assembly (<c>[assembly: AssemblyFixture(typeof(AzuriteFixture))]</c>)
/// or a collection, installed from npm on first use and always stopped at the end, whatever the tests did. Tests
/// keep apart by giving their tables, queues and containers a <see cref="UniquePrefix"/>.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    /// <summary>A first run installs Azurite with npm, which takes a while on a slow network.</summary>
    private static readonly TimeSpan StartLimit = TimeSpan.FromMinutes(5);

    private AzuriteProcess? _azurite;
    private StorageAccount? _storageAccount;
    private int _prefixes;

    public string ConnectionString => Started.ConnectionString;

    /// <summary>Clients for the three services, shared by the tests (they are thread-safe).</summary>
    public StorageAccount StorageAccount => _storageAccount ?? throw new InvalidOperationException("Azurite has not started.");

    public AzuriteStartOptions Options => Started.Options;

    private AzuriteProcess Started => _azurite ?? throw new InvalidOperationException("Azurite has not started.");

    /// <summary>
    /// A prefix no other test of this run uses: a lowercase letter, then letters and digits only, 12 characters at
    /// most, so it makes valid table, queue and container names, each with room for a suffix.
    /// </summary>
    public string UniquePrefix() => $"t{Environment.ProcessId % 10000}x{Interlocked.Increment(ref _prefixes)}";

    public async ValueTask InitializeAsync()
    {
        var ports = FreePorts.Take(3);
        using var limit = new CancellationTokenSource(StartLimit);
        _azurite = await AzuriteProcess.StartAsync(
            new AzuriteStartOptions { BlobPort = ports[0], QueuePort = ports[1], TablePort = ports[2], InMemory = true },
            logger: null,
            limit.Token);
        _storageAccount = StorageAccount.FromConnectionString(_azurite.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
            _azurite = null;
        }
    }
}
