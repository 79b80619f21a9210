using System.Buffers;
using System.Text;

namespace ChatTranscripts.Pipeline.Logic.Tagging;

/// <summary>
/// Finds hashtags as twitter-text does, before the step that drops those inside URLs: '#' or '＃' not preceded by a
/// hashtag character or '&amp;' (so "a#b" and "&amp;#39;" hold none), then hashtag characters with at least one letter
/// ("#16" is none), not followed by another hash sign or "://" ("#http://x").
/// </summary>
internal static class HashtagScanner
{
    private const char VariationSelector15 = '\uFE0E';
    private const char VariationSelector16 = '\uFE0F';
    private const char CombiningEnclosingKeycap = '\u20E3';

    public static List<TextEntity> Scan(string text)
    {
        var hashtags = new List<TextEntity>();
        var hash = text.AsSpan().IndexOfAny('#', '＃');
        while (hash >= 0)
        {
            var tagEnd = TagEnd(text, hash + 1, out var hasLetter);
            if (hasLetter && MayPrecedeHash(text, hash) && !IsInvalidAfterTag(text, tagEnd))
            {
                hashtags.Add(new TextEntity(hash, tagEnd, text[(hash + 1)..tagEnd]));
            }
            var next = text.AsSpan(tagEnd).IndexOfAny('#', '＃');
            hash = next < 0 ? -1 : tagEnd + next;
        }
        return hashtags;
    }

    /// <summary>The end of the hashtag characters after a hash sign; none count when the sign is part of a keycap emoji (#️⃣).</summary>
    public static int TagEnd(string text, int start, out bool hasLetter)
    {
        hasLetter = false;
        if (start < text.Length && text[start] is VariationSelector16 or CombiningEnclosingKeycap)
        {
            return start;
        }
        var position = start;
        while (Rune.DecodeFromUtf16(text.AsSpan(position), out var rune, out var length) == OperationStatus.Done
            && HashtagCharacters.IsHashtagCharacter(rune))
        {
            hasLetter |= HashtagCharacters.IsLetterOrMark(rune);
            position += length;
        }
        return position;
    }

    /// <summary>An emoji's variation selector may stand right before the hash sign although it is a mark ("✌️#tag").</summary>
    private static bool MayPrecedeHash(string text, int hash)
    {
        if (hash == 0)
        {
            return true;
        }
        if (text[hash - 1] is VariationSelector15 or VariationSelector16)
        {
            return true;
        }
        if (Rune.DecodeLastFromUtf16(text.AsSpan(0, hash), out var previous, out _) != OperationStatus.Done)
        {
            return true;
        }
        return previous.Value != '&' && !HashtagCharacters.IsHashtagCharacter(previous);
    }

    private static bool IsInvalidAfterTag(string text, int tagEnd) =>
        tagEnd < text.Length && (HashtagCharacters.IsHashSign(text[tagEnd]) || text.AsSpan(tagEnd).StartsWith("://"));
}
