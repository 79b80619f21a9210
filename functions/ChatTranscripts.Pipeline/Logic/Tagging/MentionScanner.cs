namespace ChatTranscripts.Pipeline.Logic.Tagging;

/// <summary>
/// Finds @mentions as twitter-text's extractMentionedScreenNames does: '@' or '＠', then a screen name of 1 to 20
/// ASCII letters, digits or underscores. The sign must not follow a letter, digit, '_', '@' or one of "!#$%&amp;*"
/// (so e-mail addresses hold none), except right after a retweet's "RT" ("RT@name"). A mention followed by '@',
/// an accented Latin letter or "://" is none, and "@name/list" names a list, not a user.
/// </summary>
internal static class MentionScanner
{
    private const int MaxScreenNameLength = 20;
    private const int MaxListSlugLength = 25;

    public static List<TextEntity> Scan(string text)
    {
        var mentions = new List<TextEntity>();
        var at = text.AsSpan().IndexOfAny('@', '＠');
        while (at >= 0)
        {
            var nameStart = at + 1;
            var nameEnd = nameStart;
            // Like twitter-text, a longer run yields its first 20 characters.
            while (nameEnd < text.Length && nameEnd - nameStart < MaxScreenNameLength && IsScreenNameCharacter(text[nameEnd]))
            {
                nameEnd++;
            }
            if (nameEnd > nameStart && MayPrecedeAtSign(text, at))
            {
                var listEnd = ListSlugEnd(text, nameEnd);
                if (listEnd == nameEnd && !IsInvalidAfterMention(text, nameEnd))
                {
                    mentions.Add(new TextEntity(at, nameEnd, text[nameStart..nameEnd]));
                }
                nameEnd = listEnd;
            }
            var next = text.AsSpan(nameEnd).IndexOfAny('@', '＠');
            at = next < 0 ? -1 : nameEnd + next;
        }
        return mentions;
    }

    public static bool IsAtSign(char c) => c is '@' or '＠';

    public static bool IsScreenNameCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private static bool MayPrecedeAtSign(string text, int at)
    {
        if (at == 0)
        {
            return true;
        }
        var previous = text[at - 1];
        if (!(IsScreenNameCharacter(previous) || IsAtSign(previous) || previous is '!' or '#' or '$' or '%' or '&' or '*'))
        {
            return true;
        }
        return at >= 2
            && previous is 'T' or 't'
            && text[at - 2] is 'R' or 'r'
            && (at == 2 || !(char.IsAsciiLetterOrDigit(text[at - 3]) || text[at - 3] is '_' or '+' or '~' or '.' or '-'));
    }

    /// <summary>The end of a "/list-slug" after the screen name (a letter, then up to 24 letters, digits, '_' or '-'), or <paramref name="nameEnd"/> when there is none.</summary>
    private static int ListSlugEnd(string text, int nameEnd)
    {
        if (nameEnd + 1 >= text.Length || text[nameEnd] != '/' || !char.IsAsciiLetter(text[nameEnd + 1]))
        {
            return nameEnd;
        }
        var end = nameEnd + 2;
        while (end < text.Length && end - nameEnd - 1 < MaxListSlugLength && (IsScreenNameCharacter(text[end]) || text[end] == '-'))
        {
            end++;
        }
        return end;
    }

    private static bool IsInvalidAfterMention(string text, int end) =>
        end < text.Length && (IsAtSign(text[end]) || UrlCharacters.IsLatinAccent(text[end]) || text.AsSpan(end).StartsWith("://"));
}
