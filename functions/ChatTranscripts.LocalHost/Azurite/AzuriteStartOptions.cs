namespace ChatTranscripts.LocalHost.Azurite;

/// <summary>How to run Azurite: its three ports on 127.0.0.1 and where its data lives.</summary>
public sealed record AzuriteStartOptions
{
    public int BlobPort { get; init; } = 10000;

    public int QueuePort { get; init; } = 10001;

    public int TablePort { get; init; } = 10002;

    /// <summary>Keeps everything in memory (tests); otherwise data lives in <see cref="DataFolder"/>.</summary>
    public bool InMemory { get; init; }

    /// <summary>Where data lives when not <see cref="InMemory"/>; defaults to <c>.azurite</c> in the current directory.</summary>
    public string? DataFolder { get; init; }

    /// <summary>
    /// The process whose end stops Azurite; by default the one starting it. Tests name another, to kill it the hard way.
    /// </summary>
    public int? OwnerProcessId { get; init; }

    /// <summary>How long to wait for the ports once the process runs (installation is not counted).</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);

    internal void Validate()
    {
        int[] ports = [BlobPort, QueuePort, TablePort];
        if (ports.Any(p => p is < 1 or > 65535) || ports.Distinct().Count() != ports.Length)
        {
            throw new ArgumentException($"Azurite needs three different ports between 1 and 65535; got {string.Join(", ", ports)}.");
        }
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(StartTimeout, TimeSpan.Zero);
    }
}
