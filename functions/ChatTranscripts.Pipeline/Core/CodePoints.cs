namespace ChatTranscripts.Pipeline.Core;

/// <summary>
/// How the contract's length limits count text: in Unicode code points, not UTF-16 units, so a character beyond the
/// Basic Multilingual Plane counts once, and an emoji built of several code points (a skin tone, a flag, a family)
/// counts each of them.
/// </summary>
public static class CodePoints
{
    public static int Count(string text)
    {
        var length = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            length++;
        }
        return length;
    }
}
