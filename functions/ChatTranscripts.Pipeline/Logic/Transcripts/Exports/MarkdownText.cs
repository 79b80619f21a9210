using System.Globalization;
using System.Text;

namespace ChatTranscripts.Pipeline.Logic.Transcripts.Exports;

/// <summary>
/// Writes text from posts and session definitions (titles, names, handles, post text, URLs) as Markdown that renders
/// as exactly that text and never as markup: no HTML, link, image, heading, list, table, code or emphasis, whatever
/// the text holds.
/// </summary>
/// <remarks>
/// <para>
/// Every ASCII punctuation character is escaped, not only the ones CommonMark itself gives a meaning: renderers add
/// their own syntax (GFM tables, strikethrough and bare-URL links; Markdig's <c>{.class}</c> attributes, <c>==mark==</c>,
/// footnotes, <c>:emoji:</c>, math; smart quotes), and every one of those starts with punctuation. CommonMark lets any
/// ASCII punctuation be backslash-escaped and shows it as the character.
/// </para>
/// <para>
/// <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> become entity references rather than backslash escapes: renderers that
/// predate CommonMark (Markdown.pl and its descendants) do not treat <c>\&lt;</c> as an escape and would pass
/// <c>&lt;script&gt;</c> through as HTML, but every renderer passes entity references through to HTML as text.
/// Escaping <c>&amp;</c> also keeps a post's own "&amp;lt;" from being shown as "&lt;".
/// </para>
/// <para>
/// Spaces and tabs at the start or end of a line become numeric references: Markdown strips them or reads four of
/// them as a code block, and two at a line's end as a line break.
/// </para>
/// </remarks>
internal static class MarkdownText
{
    /// <summary>
    /// Text for one line of our own markup (a heading, a name in bold, a table cell): line breaks become spaces and
    /// the ends are trimmed, since a heading or cell cannot hold a line break and leading spaces there mean nothing.
    /// </summary>
    public static string Inline(string text) => EscapeLine(NormaliseLineBreaks(text).Replace('\n', ' ').Trim());

    /// <summary>
    /// The lines of one paragraph (a blockquote's, when each is prefixed with <c>&gt; </c>) that shows the text with
    /// its line breaks. Each break is a backslash hard break, which trailing-whitespace-stripping editors cannot lose.
    /// No line is empty, since an empty line would end the paragraph: an empty line of the text is a hard break alone.
    /// A hard break cannot end a paragraph, so line breaks at the end of the text become references to U+000A, which
    /// keep the text whole and show nothing.
    /// </summary>
    public static IReadOnlyList<string> Paragraph(string text)
    {
        var normalised = NormaliseLineBreaks(text);
        var body = normalised.TrimEnd('\n');
        var trailingBreaks = normalised.Length - body.Length;
        var lines = body.Split('\n');
        var result = new List<string>(lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = EscapeLine(lines[i]);
            result.Add(i < lines.Length - 1 ? line + "\\" : line + string.Concat(Enumerable.Repeat("&#10;", trailingBreaks)));
        }
        return result;
    }

    /// <summary>
    /// A URL as an inline link's destination that, once CommonMark has read it, is the same URL. Backslash escapes
    /// keep parentheses from ending the destination; entity references do the same for <c>&amp; &lt; &gt;</c>; spaces
    /// and control characters, which would end it, are percent-encoded, as a browser would send them.
    /// </summary>
    public static string Destination(string url)
    {
        var builder = new StringBuilder(url.Length + 16);
        foreach (var rune in url.EnumerateRunes())
        {
            switch (rune.Value)
            {
                case '\\' or '(' or ')':
                    builder.Append('\\').Append((char)rune.Value);
                    break;
                case '&' or '<' or '>':
                    builder.Append(Entity((char)rune.Value));
                    break;
                case <= ' ' or 0x7F:
                    builder.Append('%').Append(rune.Value.ToString("X2", CultureInfo.InvariantCulture));
                    break;
                default:
                    builder.Append(rune.ToString());
                    break;
            }
        }
        return builder.ToString();
    }

    /// <summary>CR and CRLF as LF: the exports use LF only, and a lone CR would be a line ending to a Markdown reader.</summary>
    public static string NormaliseLineBreaks(string text) =>
        text.Contains('\r', StringComparison.Ordinal) ? text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n') : text;

    private static string EscapeLine(string line)
    {
        var start = 0;
        while (start < line.Length && line[start] is ' ' or '\t')
        {
            start++;
        }
        var end = line.Length;
        while (end > start && line[end - 1] is ' ' or '\t')
        {
            end--;
        }
        var builder = new StringBuilder(line.Length + 16);
        AppendWhitespace(builder, line.AsSpan(0, start));
        foreach (var c in line.AsSpan(start, end - start))
        {
            if (c is '&' or '<' or '>')
            {
                builder.Append(Entity(c));
            }
            else if (char.IsAsciiLetterOrDigit(c) || c is <= ' ' or >= '\x7F')
            {
                builder.Append(c);
            }
            else
            {
                // The rest of printable ASCII is the punctuation CommonMark lets a backslash escape.
                builder.Append('\\').Append(c);
            }
        }
        AppendWhitespace(builder, line.AsSpan(end));
        return builder.ToString();
    }

    private static void AppendWhitespace(StringBuilder builder, ReadOnlySpan<char> whitespace)
    {
        foreach (var c in whitespace)
        {
            builder.Append(c == '\t' ? "&#9;" : "&#32;");
        }
    }

    private static string Entity(char c) => c switch
    {
        '&' => "&amp;",
        '<' => "&lt;",
        _ => "&gt;",
    };
}
