namespace ChatTranscripts.Pipeline.Core;

/// <summary>Handles are stored without '@' (or the full-width '＠') and compared without regard to case.</summary>
public static class Handles
{
    /// <summary>In characters (code points), as every limit is counted.</summary>
    public const int MaxLength = 100;

    public static StringComparer Comparer => StringComparer.OrdinalIgnoreCase;

    /// <summary>A normalised handle: 1 to <see cref="MaxLength"/> characters, none of them a space or a control character.</summary>
    public static bool IsValid(string handle) =>
        handle.Length > 0 && CodePoints.Count(handle) <= MaxLength && !handle.Any(c => char.IsWhiteSpace(c) || char.IsControl(c));

    public static string Normalise(string handle)
    {
        var trimmed = handle.Trim();
        return trimmed.Length > 0 && trimmed[0] is '@' or '＠' ? trimmed[1..] : trimmed;
    }
}
