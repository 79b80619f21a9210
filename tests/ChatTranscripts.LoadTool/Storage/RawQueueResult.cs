namespace ChatTranscripts.LoadTool.Storage;

/// <summary>
/// The scratch queue's numbers for one message per post: sending them all, then receiving and deleting them all as the
/// processor settles them, then both at once (<see cref="PassThroughTime"/>, from the first send to the last delete),
/// which is the most posts a second a pipeline with one message per post can carry through this queue.
/// </summary>
internal sealed record RawQueueResult(int Messages, int MessageBytes, TimeSpan SendTime, TimeSpan SettleTime, TimeSpan PassThroughTime)
{
    public double SendsPerSecond => Messages / SendTime.TotalSeconds;

    public double SettlesPerSecond => Messages / SettleTime.TotalSeconds;

    public double PassThroughPerSecond => Messages / PassThroughTime.TotalSeconds;
}
