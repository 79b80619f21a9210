namespace ChatTranscripts.LoadTool.Storage;

/// <summary>
/// The scratch queue's numbers for one message per delivery: sending them all, then receiving and settling them all as
/// the processor does, then both at once (<see cref="PassThroughTime"/>, from the first send to the last settle), which
/// is the most deliveries a second the pipeline's queue can carry on this storage.
/// </summary>
internal sealed record RawQueueResult(int Messages, int MessageBytes, TimeSpan SendTime, TimeSpan SettleTime, TimeSpan PassThroughTime)
{
    public double SendsPerSecond => Messages / SendTime.TotalSeconds;

    public double SettlesPerSecond => Messages / SettleTime.TotalSeconds;

    public double PassThroughPerSecond => Messages / PassThroughTime.TotalSeconds;
}
