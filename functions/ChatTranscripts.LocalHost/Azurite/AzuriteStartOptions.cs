namespace ChatTranscripts.LocalHost.Azurite;

public sealed record AzuriteStartOptions
{
    public int BlobPort { get; init; } = 10000;

    public int QueuePort { get; init; } = 10001;

    public int TablePort { get; init; } = 10002;

    /// <summary>Keeps everything in memory (tests); otherwise data lives in <see cref="DataFolder"/>.</summary>
    public bool InMemory { get; init; }

    public string? DataFolder { get; init; }

    /// <summary>How long to wait for the ports once the process runs (installation is not counted).</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
