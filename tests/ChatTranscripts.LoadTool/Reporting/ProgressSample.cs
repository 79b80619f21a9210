namespace ChatTranscripts.LoadTool.Reporting;

/// <summary>One line of progress: deliveries sent and accepted, posts stored, retries, and the host's queue length when it is readable.</summary>
internal sealed record ProgressSample(double ElapsedSeconds, long Sent, long Accepted, int Stored, long Retries, int? Queued);
