using System.Globalization;

namespace ChatTranscripts.LoadTool.Reporting;

/// <summary>The final table: one measurement a line, grouped by stage, with the ratios last.</summary>
internal static class ResultsTable
{
    public static void Write(LoadResults results, TextWriter output)
    {
        var (run, ingest, stored, publish, raw, ratios) = (results.Run, results.Ingest, results.Stored, results.Publish, results.Raw, results.Ratios);
        var rows = new List<(string Stage, string Measure, string Value)>
        {
            ("run", "session", run.SessionId),
            ("run", "posts / deliveries (edits)", $"{run.Posts} / {run.Deliveries} ({run.Edits})"),
            ("run", "batch, concurrency, rate", $"{run.Batch}, {run.Concurrency}, {(run.Rate == 0 ? "max" : F(run.Rate, "0.#") + " posts/s")}"),
            ("run", "signed, client cores", $"{(run.Signed ? "yes" : "no")}, {run.ProcessorCount}"),
            ("run", "load average (1/5/15 min) start -> end", run.LoadAverage ?? "?"),
            ("ingest", "requests, retries", $"{ingest.Requests}, {ingest.Retries}"),
            ("ingest", "accepted posts/s", $"{F(ingest.AcceptedPerSecond, "0")} ({F(ingest.Seconds, "0.00")} s)"),
            ("stored", "202 -> stored p50 / p95 / p99 / max", $"{Ms(stored.LatencyMs.P50Ms)} / {Ms(stored.LatencyMs.P95Ms)} / {Ms(stored.LatencyMs.P99Ms)} / {Ms(stored.LatencyMs.MaxMs)}"),
            ("stored", "stored before their batch's 202", stored.SeenBeforeAccepted.ToString(CultureInfo.InvariantCulture)),
            ("stored", "storable -> stored p50 / p95 / p99 / max", $"{Ms(stored.LatencyFromStorableMs.P50Ms)} / {Ms(stored.LatencyFromStorableMs.P95Ms)} / {Ms(stored.LatencyFromStorableMs.P99Ms)} / {Ms(stored.LatencyFromStorableMs.MaxMs)}"),
            ("stored", "all stored after", $"{F(stored.AllStoredSeconds, "0.00")} s"),
            ("stored", "stored posts/s", F(stored.StoredPerSecond, "0")),
            ("stored", "settled (edits applied) after", $"{F(stored.SettledSeconds, "0.00")} s"),
            ("stored", "check", stored.Check),
            ("stored", "session postCount", stored.SessionPostCount.ToString(CultureInfo.InvariantCulture)),
            ("stored", "polls, mean poll, rows polled, late finds", $"{stored.Polls}, {F(stored.MeanPollMs, "0")} ms, {stored.RowsPolled}, {stored.LateFinds}"),
            ("stored", "failed polls (storage away), tried again", stored.FailedPolls.ToString(CultureInfo.InvariantCulture)),
            ("probe", "one batch at this size, sent -> stored p50 / max (of n)", stored.ProbeMs.Count == 0 ? "not run (--probes)" : $"{Ms(stored.ProbeMs.P50Ms)} / {Ms(stored.ProbeMs.MaxMs)} ({stored.ProbeMs.Count})"),
            ("publish", "publish (wall)", $"{F(publish.Seconds, "0.00")} s"),
            ("publish", "page size", string.Create(CultureInfo.InvariantCulture, $"{publish.PageBytes:N0} bytes ({publish.SessionStatus})")),
            ("raw", "session partition read (all columns)", $"{F(raw.SessionPartitionReadSeconds, "0.00")} s"),
            ("raw", "batch write (100/txn)", $"{F(raw.WritesPerSecond, "0")} entities/s ({raw.Rows} in {F(raw.WriteSeconds, "0.00")} s)"),
            ("raw", "partition read back", $"{F(raw.ReadsPerSecond, "0")} entities/s ({F(raw.ReadSeconds, "0.00")} s)"),
            ("raw", "page upload (median of " + raw.PageUploadsMs.Count + ")", Ms(raw.PageUploadMedianMs)),
            ("raw", "queue: send, receive + settle (1 per request)", $"{F(raw.QueueSendsPerSecond, "0")} /s, {F(raw.QueueSettlesPerSecond, "0")} /s ({raw.QueueMessages} of ~{raw.QueueMessageBytes} B)"),
            ("raw", "queue pass-through (send and settle at once)", $"{F(raw.QueuePassThroughPerSecond, "0")} messages/s"),
            ("ratio", "stored / raw batch write throughput", F(ratios.StoredVersusRawWrite, "0.000")),
            ("ratio", "stored / raw queue pass-through", F(ratios.StoredVersusRawQueue, "0.00")),
            ("ratio", "publish / (partition read + upload)", F(ratios.PublishVersusReadPlusUpload, "0.0")),
        };
        var stageWidth = rows.Max(r => r.Stage.Length);
        var measureWidth = rows.Max(r => r.Measure.Length);
        output.WriteLine();
        output.WriteLine($"{"stage".PadRight(stageWidth)}  {"measure".PadRight(measureWidth)}  value");
        output.WriteLine($"{new string('-', stageWidth)}  {new string('-', measureWidth)}  {new string('-', 30)}");
        foreach (var (stage, measure, value) in rows)
        {
            output.WriteLine($"{stage.PadRight(stageWidth)}  {measure.PadRight(measureWidth)}  {value}");
        }
    }

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private static string Ms(double milliseconds) => milliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms";
}
