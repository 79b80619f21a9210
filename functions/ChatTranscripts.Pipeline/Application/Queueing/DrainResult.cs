namespace ChatTranscripts.Pipeline.Application.Queueing;

/// <summary>What one drain of the queue did.</summary>
public sealed record DrainResult(int Processed, int DeadLettered, int Abandoned, int Batches)
{
    public static DrainResult Empty { get; } = new(0, 0, 0, 0);

    public DrainResult Add(DrainResult other) =>
        new(Processed + other.Processed, DeadLettered + other.DeadLettered, Abandoned + other.Abandoned, Batches + other.Batches);
}
