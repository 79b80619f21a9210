namespace ChatTranscripts.BrowserTests.Site;

/// <summary>
/// Hostile text for every free-text field of a chat. Each probe that ever ran would set <c>window.__probe</c> to the
/// name of the field it came in through, or open an alert naming it, so a failure says which field leaked; each
/// probe that loaded anything would ask for a host outside the site (<see cref="OutsideHost"/>).
/// </summary>
public static class ScriptProbes
{
    /// <summary>A reserved name (RFC 2606): nothing answers, and the browser tests abort every request to it anyway.</summary>
    public const string OutsideHost = "example.invalid";

    /// <summary>Right-to-left override, pop, and an isolate pair: reorder what follows them when they are not contained.</summary>
    public const string BidiOverrides = "\u202Egnp.exe\u202C \u2067\u202Dreversed?\u2069 \u200F";

    /// <summary>
    /// Every probe, for fields with room (post texts, descriptions, questions): markup, attribute and element
    /// break-outs, template syntax, CSS, dangerous URLs and bidi overrides. Under 1,000 characters, the limit on a question.
    /// </summary>
    public static string Full(string field) => string.Join(' ',
        $"<script>window.__probe='{field}'</script>",
        $"<img src=x onerror=\"window.__probe='{field}'\">",
        $"\"><svg onload=\"alert('{field}')\">",
        $"'><svg/onload=alert('{field}')>",
        $"</textarea><script>alert('{field}')</script>",
        $"</title></style><script>window.__probe='{field}'</script>",
        $"<iframe srcdoc=\"<script>parent.__probe='{field}'</script>\"></iframe>",
        $"<a href=\"javascript:window.__probe='{field}'\">click</a> javascript:alert('{field}')",
        $"<math><mtext><table><mglyph><style><img src=x onerror=\"window.__probe='{field}'\">",
        $"<style>*{{background:url(https://{OutsideHost}/css-{field})}}</style>",
        $"<base href=\"https://{OutsideHost}/\"><meta http-equiv=\"refresh\" content=\"0;url=javascript:alert('{field}')\">",
        $"{{{{ '<script>alert(1)</script>' }}}} {{% raw %}}{{% endraw %}}<script>alert('{field}')</script>",
        $"&lt;script&gt;alert('{field}')&lt;/script&gt; [md](javascript:alert('{field}'))",
        $"=HYPERLINK(\"https://{OutsideHost}/csv-{field}\")",
        BidiOverrides);

    /// <summary>The strongest probes in at most 200 characters, for titles and display names.</summary>
    public static string Compact(string field) =>
        $"<script>window.__probe='{field}'</script><img src=x onerror=alert('{field}')>\"><svg onload=alert('{field}')> {{{{ 7*7 }}}} {BidiOverrides}";

    /// <summary>A probe without whitespace in at most 100 characters, as handles must be.</summary>
    public static string Handle(string field) => $"\"><img/src=x/onerror=window.__probe='{field}'>";

    /// <summary>A word with no break opportunity, far wider than a phone: it must wrap, not widen the page.</summary>
    public static string LongWord(int length) =>
        string.Concat(Enumerable.Repeat("Pneumonoultramicroscopicsilicovolcanoconiosis", (length / 45) + 1))[..length];
}
