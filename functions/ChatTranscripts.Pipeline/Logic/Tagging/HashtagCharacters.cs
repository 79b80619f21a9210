using System.Globalization;
using System.Text;

namespace ChatTranscripts.Pipeline.Logic.Tagging;

/// <summary>What twitter-text lets a hashtag hold: letters, marks, decimal digits and a few joiners and signs.</summary>
internal static class HashtagCharacters
{
    public static bool IsHashSign(char c) => c is '#' or '＃';

    public static bool IsLetterOrMark(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark => true,
        _ => false,
    };

    public static bool IsHashtagCharacter(Rune rune) =>
        IsLetterOrMark(rune) || Rune.GetUnicodeCategory(rune) == UnicodeCategory.DecimalDigitNumber || IsJoinerOrSign(rune.Value);

    /// <summary>
    /// Characters that join words in some scripts or that Japanese hashtags use: underscore, zero-width (non-)joiner,
    /// Cyrillic kavyka, Hebrew maqaf, geresh and gershayim, full-width tilde, wave dash, kana voicing marks, kana double
    /// hyphen and middle dot, ditto mark, Tibetan tsheg marks and the middle dot (Catalan "il·lusió").
    /// </summary>
    private static bool IsJoinerOrSign(int codePoint) => codePoint is '_'
        or 0x200C or 0x200D or 0xA67E or 0x05BE or 0x05F3 or 0x05F4 or 0xFF5E or 0x301C
        or 0x309B or 0x309C or 0x30A0 or 0x30FB or 0x3003 or 0x0F0B or 0x0F0C or 0x00B7;
}
