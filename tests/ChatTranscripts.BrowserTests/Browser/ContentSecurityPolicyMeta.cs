using System.Text.RegularExpressions;

namespace ChatTranscripts.BrowserTests.Browser;

/// <summary>Finds and cuts out a page's <c>&lt;meta http-equiv="Content-Security-Policy"&gt;</c>, whatever its attribute order and quoting.</summary>
public static partial class ContentSecurityPolicyMeta
{
    public static bool IsPresent(string html) => Element().IsMatch(html);

    /// <summary>The page without its policy; throws when it has none, since a visit "without the policy" would then prove nothing new.</summary>
    public static string Remove(string html, string path)
    {
        var without = Element().Replace(html, "");
        if (without.Length == html.Length)
        {
            throw new InvalidOperationException($"{path} has no Content-Security-Policy meta element to remove.");
        }
        return without;
    }

    [GeneratedRegex(@"<meta\b[^>]*\bhttp-equiv\s*=\s*[""']?content-security-policy\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Element();
}
