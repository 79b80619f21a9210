namespace ChatTranscripts.LoadTool.Storage;

/// <summary>The scratch table's numbers: rows written in batch transactions and the time it took, then read back.</summary>
internal sealed record RawTableResult(int Written, TimeSpan WriteTime, int Read, TimeSpan ReadTime)
{
    public double WritesPerSecond => Written / WriteTime.TotalSeconds;

    public double ReadsPerSecond => Read / ReadTime.TotalSeconds;
}
