using System.Globalization;
using System.Text.RegularExpressions;

namespace ChatTranscripts.Pipeline.Logic.Tagging;

/// <summary>
/// Reads the "Q3:" / "A2b" / "T1 -" label a chat post starts with (api.md, "Tags"). Leading @mentions, hashtags and
/// dots are skipped, because replies start with the mentions they answer and chats with their hashtag (".@host A1 …",
/// "#bmcmed Q2: …"). Whether a question counts depends on its author, which is decided where the session is known.
/// </summary>
public static partial class QuestionLabels
{
    public static PostLabel? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = Label().Match(text, LabelStart(text));
        if (!match.Success)
        {
            return null;
        }
        var number = int.Parse(match.Groups["number"].ValueSpan, CultureInfo.InvariantCulture);
        if (number is < 1 or > 99)
        {
            return null;
        }
        var kind = match.Groups["kind"].ValueSpan[0] is 'A' or 'a' ? LabelKind.Answer : LabelKind.Question;
        return new PostLabel(kind, number);
    }

    /// <summary>Where the label would start: past white space, dots, @mentions and hashtags.</summary>
    private static int LabelStart(string text)
    {
        var position = 0;
        while (position < text.Length)
        {
            var c = text[position];
            if (char.IsWhiteSpace(c) || c == '.')
            {
                position++;
            }
            else if (MentionScanner.IsAtSign(c) && position + 1 < text.Length && MentionScanner.IsScreenNameCharacter(text[position + 1]))
            {
                position++;
                while (position < text.Length && MentionScanner.IsScreenNameCharacter(text[position]))
                {
                    position++;
                }
            }
            else if (HashtagCharacters.IsHashSign(c) && HashtagScanner.TagEnd(text, position + 1, out _) is var end && end > position + 1)
            {
                position = end;
            }
            else
            {
                break;
            }
        }
        return position;
    }

    /// <summary>
    /// Q, A or T (topic), a one- or two-digit number, an optional letter for a part ("A2b"), then the end of the text,
    /// white space or one of : . ) - – — , so that "Q1b" is a label and "A12abc" or "Q100" is not.
    /// </summary>
    [GeneratedRegex(@"\G(?<kind>[QqAaTt])(?<number>[0-9]{1,2})[A-Za-z]?(?=\z|[\s:.)\-–—,])", RegexOptions.CultureInvariant)]
    private static partial Regex Label();
}
