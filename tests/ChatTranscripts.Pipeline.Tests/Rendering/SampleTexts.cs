using System.Text;

namespace ChatTranscripts.Pipeline.Tests.Rendering;

/// <summary>
/// Post texts for property-style tests: fragments that stress linking (entities of every kind, astral characters,
/// right-to-left scripts, emoji sequences, markup and template syntax, unsafe URL schemes) glued in random order by
/// separators that sometimes join them into one token. Seeded, so a failure names a text that fails again.
/// </summary>
internal static class SampleTexts
{
    private static readonly string[] Fragments =
    [
        "#bmcmed", "#BMCmed2024", "＃全角", "#日本語", "#русский", "#café", "#𝒳yz", "#️⃣", "#123", "##double", "#a#b",
        "@alice", "＠bob", "@alice.bsky.social", "@carol.example.com.", "@dave.bsky.social-", "@x@y", "user@example.com",
        "RT@rt", "@abcdefghijklmnopqrstuvwxyz", "@user/list",
        "https://example.com/a?b=c&d=e", "HTTP://EXAMPLE.COM/Path", "http://t.co/abc123", "example.com", "bit.ly/x",
        "www.bmj.com/content", "https://example.com/#frag", "https://example.com/@user", "http://foobar.みんな/",
        "https://a.com/\"><script>alert(1)</script>", "javascript:alert(1)", "data:text/html,<script>alert(1)</script>",
        "https://xn--ls8h.la/", "http://en.wikipedia.org/wiki/Primer_(film)",
        "Hello", "مرحبا بالعالم", "שלום עולם", "\u202Eevil\u202C", "\u2066isolated\u2069", "\u200F", "😀", "👩‍⚕️",
        "🏳️‍🌈", "𝒳", "e\u0301", "<b>bold</b>", "&amp;", "&#39;", "{{ 7*7 }}", "{% raw %}", "\"quoted\"", "'single'",
        "\t", "\n", "  ", "A1:", "Q2.",
    ];

    private static readonly string[] Separators = [" ", "", "", ".", ",", "\n", "(", ")", "’s ", "!", "/", "-", "😀"];

    /// <summary><paramref name="count"/> non-empty texts (posts have 1 to 25,000 characters).</summary>
    public static IReadOnlyList<string> Generate(int count, int seed = 20120806)
    {
        var random = new Random(seed);
        var texts = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var text = new StringBuilder();
            var parts = random.Next(1, 9);
            for (var part = 0; part < parts; part++)
            {
                if (part > 0)
                {
                    text.Append(Separators[random.Next(Separators.Length)]);
                }
                text.Append(Fragments[random.Next(Fragments.Length)]);
            }
            texts.Add(text.ToString());
        }
        return texts;
    }
}
