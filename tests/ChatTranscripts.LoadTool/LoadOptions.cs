namespace ChatTranscripts.LoadTool;

/// <summary>One run's settings, read from the command line by <see cref="LoadCommandLine"/>, which holds their defaults.</summary>
internal sealed record LoadOptions
{
    public required int Posts { get; init; }

    public required double Rate { get; init; }

    public required int Concurrency { get; init; }

    public required int Batch { get; init; }

    public required Uri Target { get; init; }

    public required string? Secret { get; init; }

    public required string? FunctionKey { get; init; }

    public required string Storage { get; init; }

    public required string TablePrefix { get; init; }

    public required string Queue { get; init; }

    public required TimeSpan PollInterval { get; init; }

    public required TimeSpan Timeout { get; init; }

    public required TimeSpan RequestTimeout { get; init; }

    public required int Attempts { get; init; }

    public required int Probes { get; init; }

    public required int Seed { get; init; }

    public required string? JsonPath { get; init; }
}
