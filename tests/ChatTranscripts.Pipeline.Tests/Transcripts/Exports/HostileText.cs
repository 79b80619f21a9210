namespace ChatTranscripts.Pipeline.Tests.Transcripts.Exports;

/// <summary>
/// Text a hostile or careless poster might send, each piece aimed at one Markdown construct: raw HTML, links, images,
/// headings, lists, tables, code, emphasis, entities, autolinks, and the syntax of common extensions.
/// Each value is distinct, so a test can find the post that shows it.
/// </summary>
internal static class HostileText
{
    public const string Script = "<script>alert(1)</script>";

    public static IReadOnlyList<string> Samples { get; } =
    [
        Script,
        "<img src=x onerror=alert(1)>",
        "\"><img src=x onerror=alert(1)>",
        "[click](javascript:alert(1))",
        "[click](https://evil.example \"title\")",
        "![x](http://evil/x.png)",
        "[ref]\n\n[ref]: http://evil.example",
        "# heading",
        "Setext heading\n===",
        "Setext heading\n---",
        "| a | b |\n| --- | --- |\n| c | d |",
        "+---+---+\n| a | b |\n+---+---+",
        "```\nfenced code\n```",
        "~~~\nfenced code\n~~~",
        "`code` and ``double``",
        "    indented code",
        "*emphasis* _em_ **strong** __strong__ ~~strike~~ ==mark== ++inserted++ ^sup^ ~sub~",
        "&lt; &amp; &#60; &#x3C; &copy;",
        "<https://autolink.example> <someone@example.com> https://bare.example www.example.com someone@example.com",
        "> quoted\n- item\n* star\n+ plus\n1. one\n2) two\n- [ ] task",
        "<!-- comment --> <div>block</div> <a href=\"https://evil.example\">a</a>",
        "{.evil onclick=alert(1)} {#id}",
        "Term\n: definition",
        "::: warning\ncontainer\n:::",
        "*[HTML]: Hyper Text",
        "Footnote[^1]\n\n[^1]: note",
        ":smile: :) ;) $x^2$ $$y$$ \"quotes\" 'single' -- --- ... <<guillemets>>",
        "^^^ figure caption",
        "ends with a backslash \\",
        "\\* escaped \\\\ already \\",
        "  leading and trailing spaces  ",
        "\ttab first\tand in the middle\t",
        "Windows\r\nline endings\rand a lone CR",
        "first\n\n\nafter two empty lines",
        "\nstarts with a line break",
        "ends with line breaks\n\n",
        "\n",
        " ",
        "\\",
        "=HYPERLINK(\"http://evil.example\",\"x\")",
        "---",
        "***",
        "<",
        "&",
        "Ünïcødé, 日本語, עברית, 🎉 astral 𝕏",
    ];

    /// <summary>What a reader sees: the text with CR and CRLF as line feeds, the exports' only line ending.</summary>
    public static string Shown(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    /// <summary>All the samples in one text, for titles, names and questions.</summary>
    public static string All(string separator = " ") => string.Join(separator, Samples);
}
