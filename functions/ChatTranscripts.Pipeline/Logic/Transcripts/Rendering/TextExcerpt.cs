using System.Globalization;
using System.Text;

namespace ChatTranscripts.Pipeline.Logic.Transcripts.Rendering;

/// <summary>The opening of a post on one line, to say what a thread is about where the post itself is not shown.</summary>
internal static class TextExcerpt
{
    /// <summary>About a line on a phone.</summary>
    public const int MaxLength = 100;

    /// <summary>
    /// The text with each run of white space as one space, cut after <see cref="MaxLength"/> user-perceived characters
    /// (so an emoji or a letter with its accents is never split) and marked with "…" when cut.
    /// </summary>
    public static string Of(string text)
    {
        var line = new StringBuilder(Math.Min(text.Length, MaxLength * 2));
        var enumerator = StringInfo.GetTextElementEnumerator(text.Trim());
        var length = 0;
        var afterSpace = false;
        while (enumerator.MoveNext())
        {
            var element = enumerator.GetTextElement();
            if (string.IsNullOrWhiteSpace(element))
            {
                afterSpace = true;
                continue;
            }
            if (length + (afterSpace ? 1 : 0) >= MaxLength)
            {
                return line.Append('…').ToString();
            }
            if (afterSpace)
            {
                line.Append(' ');
                length++;
                afterSpace = false;
            }
            line.Append(element);
            length++;
        }
        return line.ToString();
    }
}
