namespace ChatTranscripts.Pipeline.Logic.Tagging;

/// <summary>The character classes of twitter-text's URL rules.</summary>
internal static class UrlCharacters
{
    /// <summary>Latin-1 letters, Latin Extended A and B, some IPA letters, the Hawaiian okina, combining diacritics and Latin Extended Additional.</summary>
    public static bool IsLatinAccent(char c) =>
        c is (>= '\u00c0' and <= '\u00d6') or (>= '\u00d8' and <= '\u00f6') or (>= '\u00f8' and <= '\u024f')
            or '\u0253' or '\u0254' or '\u0256' or '\u0257' or '\u0259' or '\u025b' or '\u0263' or '\u0268'
            or '\u026f' or '\u0272' or '\u0289' or '\u028b' or '\u02bb'
            or (>= '\u0300' and <= '\u036f') or (>= '\u1e00' and <= '\u1eff');

    public static bool IsCyrillic(char c) => c is >= '\u0400' and <= '\u04ff';

    /// <summary>A letter or digit of an ASCII (or accented Latin) domain label.</summary>
    public static bool IsDomainLetterOrDigit(char c) => char.IsAsciiLetterOrDigit(c) || IsLatinAccent(c);

    /// <summary>
    /// A character of a label in an internationalised domain written after a scheme: anything but ASCII punctuation,
    /// white space and the General Punctuation block. The backslash is not in twitter-text's punctuation list, so it is allowed.
    /// </summary>
    public static bool IsUnicodeDomainCharacter(char c) =>
        !(IsAsciiPunctuation(c) || char.IsWhiteSpace(c) || c is >= '\u2000' and <= '\u206f');

    /// <summary>A character that may not stand right before a URL: a URL glued to a word, a mention, a hashtag or a cashtag is none.</summary>
    public static bool IsInvalidBeforeUrl(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '@' or '＠' or '$' or '#' or '＃' or '\ufffe' or '\ufeff' or '\uffff';

    /// <summary>A character before a scheme-less domain that shows the domain is a fragment of something else ("-foo.com", "a_b.com", "x.foo.com" read from the middle).</summary>
    public static bool IsInvalidBeforeSchemelessUrl(char c) => c is '-' or '_' or '.' or '/';

    /// <summary>Stops a top-level domain: "foo.com" is not in "foo.comx", "foo.com@mail" or "foo.com-bar".</summary>
    public static bool ContinuesTopLevelDomain(char c) => char.IsAsciiLetterOrDigit(c) || c is '@' or '+' or '-';

    public static bool IsPathCharacter(char c) =>
        char.IsAsciiLetterOrDigit(c) || IsLatinAccent(c) || IsCyrillic(c)
            || c is '!' or '*' or '\'' or ';' or ':' or '=' or '+' or ',' or '.' or '$' or '/' or '%' or '#'
                or '[' or ']' or '-' or '\u2013' or '_' or '~' or '|' or '&' or '@';

    /// <summary>A path may end only on these, so that trailing punctuation ("see http://x.com/a.") stays out of the URL.</summary>
    public static bool IsPathEndingCharacter(char c) =>
        char.IsAsciiLetterOrDigit(c) || IsLatinAccent(c) || IsCyrillic(c) || c is '=' or '_' or '#' or '/' or '-' or '+';

    public static bool IsQueryCharacter(char c) =>
        char.IsAsciiLetterOrDigit(c)
            || c is '!' or '?' or '*' or '\'' or '(' or ')' or ';' or ':' or '&' or '=' or '+' or '$' or '/' or '%'
                or '#' or '[' or ']' or '-' or '_' or '.' or ',' or '~' or '|' or '@';

    public static bool IsQueryEndingCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '&' or '=' or '#' or '/';

    private static bool IsAsciiPunctuation(char c) =>
        c is '-' or '_' or '!' or '"' or '#' or '$' or '%' or '&' or '\'' or '(' or ')' or '*' or '+' or ',' or '.'
            or '/' or ':' or ';' or '<' or '=' or '>' or '?' or '@' or '[' or ']' or '^' or '`' or '{' or '|' or '}' or '~';
}
