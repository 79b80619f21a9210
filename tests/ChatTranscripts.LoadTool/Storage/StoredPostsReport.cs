namespace ChatTranscripts.LoadTool.Storage;

/// <summary>What <see cref="StoredPostsCheck"/> found in a session's partition.</summary>
/// <param name="Expected">Distinct posts that should be stored.</param>
/// <param name="Rows">Rows in the partition.</param>
/// <param name="DistinctStored">Distinct post ids (platform and id columns) among the rows.</param>
/// <param name="Missing">Row keys of expected posts that are not stored.</param>
/// <param name="Extra">Row keys stored that no expected post explains.</param>
/// <param name="StaleEdits">Row keys of edited posts whose stored version is not the latest one sent.</param>
public sealed record StoredPostsReport(
    int Expected,
    int Rows,
    int DistinctStored,
    IReadOnlyList<string> Missing,
    IReadOnlyList<string> Extra,
    IReadOnlyList<string> StaleEdits)
{
    /// <summary>Every expected post stored once, in its latest version, and nothing else.</summary>
    public bool IsExactlyOnce =>
        Missing.Count == 0 && Extra.Count == 0 && StaleEdits.Count == 0 && Rows == Expected && DistinctStored == Expected;

    public override string ToString() =>
        IsExactlyOnce
            ? $"all {Expected} posts stored exactly once, edits applied"
            : $"{Rows} rows, {DistinctStored} distinct ids for {Expected} expected: {Missing.Count} missing{Sample(Missing)}, "
              + $"{Extra.Count} extra{Sample(Extra)}, {StaleEdits.Count} stale edits{Sample(StaleEdits)}";

    private static string Sample(IReadOnlyList<string> keys) => keys.Count == 0 ? "" : $" (e.g. {string.Join(", ", keys.Take(3))})";
}
