namespace ChatTranscripts.Pipeline.Ingest;

/// <summary>Handles are stored without '@' (or the full-width '＠') and compared without regard to case.</summary>
public static class Handles
{
    public static StringComparer Comparer => StringComparer.OrdinalIgnoreCase;

    public static string Normalise(string handle)
    {
        var trimmed = handle.Trim();
        return trimmed.Length > 0 && trimmed[0] is '@' or '＠' ? trimmed[1..] : trimmed;
    }
}
