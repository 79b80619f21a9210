using ChatTranscripts.LocalHost.Azurite;

namespace ChatTranscripts.LocalHost;

/// <summary>
/// Starts Azurite when the default development connection is in use and nothing already listens on its ports,
/// so `dotnet run` works on a machine with only the .NET SDK and Node.js. Its data lives in ./.azurite.
/// </summary>
public sealed class DevelopmentStorage(IConfiguration configuration, IHostEnvironment environment, ILogger<DevelopmentStorage> logger) : IHostedService, IAsyncDisposable
{
    public const string ConnectionString = "UseDevelopmentStorage=true";
    private static readonly int[] Ports = [10000, 10001, 10002];
    private AzuriteProcess? _azurite;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!string.Equals(configuration["AzureWebJobsStorage"], ConnectionString, StringComparison.OrdinalIgnoreCase))
        {
            logger.LogInformation("Using the storage account configured in AzureWebJobsStorage");
            return;
        }
        var dataFolder = Path.Combine(environment.ContentRootPath, ".azurite");
        // An Azurite left by a run that was killed may still be saving, and still listening, for a moment.
        await DataFolderLock.WaitForEarlierRunAsync(dataFolder, logger, cancellationToken);
        if (AzuriteProcess.AnyPortInUse(Ports))
        {
            logger.LogInformation("Something already listens on ports 10000-10002; using it as development storage");
            return;
        }
        logger.LogInformation("Starting Azurite (installed from npm on first use)…");
        _azurite = await AzuriteProcess.StartAsync(
            new AzuriteStartOptions
            {
                BlobPort = Ports[0],
                QueuePort = Ports[1],
                TablePort = Ports[2],
                DataFolder = dataFolder,
            },
            logger,
            cancellationToken);
        logger.LogInformation("Azurite is listening on 127.0.0.1:10000-10002");
    }

    public Task StopAsync(CancellationToken cancellationToken) => DisposeAsync().AsTask();

    public async ValueTask DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
            _azurite = null;
        }
    }
}
