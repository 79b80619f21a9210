namespace ChatTranscripts.BrowserTests.Browser;

/// <summary>Markup planted into a served page, with its policy cut out, for the tests that prove a check can fail.</summary>
public static class PlantedMarkup
{
    public static Func<string, string> WithoutPolicy(string path, string markup) => html =>
    {
        var withoutPolicy = ContentSecurityPolicyMeta.Remove(html, path);
        var end = withoutPolicy.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        return end < 0 ? withoutPolicy + markup : withoutPolicy.Insert(end, markup);
    };
}
