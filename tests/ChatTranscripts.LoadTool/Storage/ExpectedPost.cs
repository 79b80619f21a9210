using ChatTranscripts.Pipeline.Adapters.Tables;

namespace ChatTranscripts.LoadTool.Storage;

/// <summary>
/// A post a session's partition must hold: its key and, for an edited post, the <c>editedAt</c> of the version that must
/// have won (null when the post was never edited).
/// </summary>
public sealed record ExpectedPost(string Platform, string Id, DateTimeOffset? EditedAt = null)
{
    /// <summary>The row key the pipeline stores the post under in the Posts table (design.md decision 4).</summary>
    public string RowKey { get; } = TableKeys.Escape($"{Platform}:{Id}");
}
