namespace ChatTranscripts.LoadTool.Reporting;

/// <summary>Everything a run measured, as printed and as written by <c>--json</c>. Times in seconds unless named otherwise.</summary>
internal sealed record LoadResults(
    RunFacts Run,
    IngestResults Ingest,
    StoredResults Stored,
    PublishResults Publish,
    RawResults Raw,
    Ratios Ratios,
    IReadOnlyList<ProgressSample> Progress);

/// <param name="LoadAverage">The machine's 1/5/15-minute load averages at the start and at the end (Linux only): other work on a shared machine shows here.</param>
internal sealed record RunFacts(
    string SessionId, string Target, bool Signed, int Posts, int Deliveries, int Edits, int Batch, int Concurrency, double Rate,
    int ProcessorCount, DateTimeOffset StartedAt, string? LoadAverage);

/// <summary>Accepted = answered 202; rates are deliveries (posts and edits) per second from the first send to the last 202.</summary>
internal sealed record IngestResults(int Requests, long Retries, double Seconds, double AcceptedPerSecond);

/// <summary>
/// <see cref="LatencyMs"/> runs from a post's first 202 to the poll that first saw it in the session's partition; a post
/// seen before its batch's 202 reached the client counts as 0 (<see cref="SeenBeforeAccepted"/> says how many).
/// <see cref="LatencyFromStorableMs"/> starts instead when the post could first be stored: a reply without the hashtag
/// belongs only through its parent, so with shuffled delivery it waits for the parent whatever the pipeline does.
/// <see cref="AllStoredSeconds"/> runs from the first send to the last post seen; <see cref="SettledSeconds"/> until the
/// partition also held every edit. <see cref="ProbeMs"/> times the deliveries of <c>--probes</c>, sent one at a time once
/// the session held every post of the load, from the start of the request to stored (empty without <c>--probes</c>).
/// </summary>
internal sealed record StoredResults(
    LatencySummary LatencyMs, int SeenBeforeAccepted, LatencySummary LatencyFromStorableMs, double AllStoredSeconds, double StoredPerSecond, double SettledSeconds, bool ExactlyOnce, string Check,
    int SessionPostCount, int Polls, double MeanPollMs, long RowsPolled, int LateFinds, int FailedPolls, LatencySummary ProbeMs);

internal sealed record PublishResults(double Seconds, int PageBytes, string SessionStatus, string? TranscriptUrl);

/// <summary>
/// The same storage without the pipeline: the session's rows batch-written to a scratch partition and read back, the
/// page uploaded, and one message per delivery sent to a scratch Storage queue, then received and deleted.
/// </summary>
internal sealed record RawResults(
    double SessionPartitionReadSeconds, int Rows, double WriteSeconds, double WritesPerSecond, double ReadSeconds, double ReadsPerSecond,
    double PageUploadMedianMs, IReadOnlyList<double> PageUploadsMs,
    int QueueMessages, int QueueMessageBytes, double QueueSendsPerSecond, double QueueSettlesPerSecond, double QueuePassThroughPerSecond);

/// <summary>
/// The pipeline against the raw storage: 1.0 would mean the pipeline costs nothing on top of it. The queue ratio only
/// means something for a host on Storage queues (the local host); a deployed app queues on Service Bus.
/// </summary>
internal sealed record Ratios(double StoredVersusRawWrite, double StoredVersusRawQueue, double PublishVersusReadPlusUpload);
