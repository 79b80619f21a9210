using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace ChatTranscripts.Pipeline.Tests.Rendering;

/// <summary>A rendered page parsed the way a browser would, with questions a test asks about posts and threads.</summary>
internal sealed class RenderedPage
{
    public RenderedPage(string html)
    {
        Html = html;
        Document = new HtmlParser().ParseDocument(html);
    }

    public string Html { get; }

    /// <summary>The CSP source allowing exactly this inline stylesheet, computed as a browser does (SHA-256 of its UTF-8 text).</summary>
    public static string CspHashOf(string css) =>
        "'sha256-" + Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(css))) + "'";

    public IDocument Document { get; }

    /// <summary>The page's Content-Security-Policy, from its meta element.</summary>
    public string? Policy => Document.QuerySelector("meta[http-equiv='Content-Security-Policy']")?.GetAttribute("content");

    /// <summary>The policy every page must carry: nothing but the stylesheet it inlines, allowed by hash.</summary>
    public string ExpectedPolicy =>
        $"default-src 'none'; style-src {CspHashOf(Document.QuerySelector("style")!.TextContent)}; base-uri 'none'; form-action 'none'";

    public IReadOnlyList<IElement> Articles => Document.QuerySelectorAll("article.post").ToList();

    /// <summary>The article of a twitter post, by the permalink anchor the page promises.</summary>
    public IElement Post(string platformId, string platform = "twitter") =>
        Document.GetElementById($"post-{platform}-{platformId}")
        ?? throw new Xunit.Sdk.XunitException($"No article for {platform}:{platformId}.");

    /// <summary>
    /// The post this one is shown nested under: article → its li → the replies ol → the parent's li → the parent's article.
    /// Null for a top-level item of a section.
    /// </summary>
    public static IElement? DisplayedParent(IElement article)
    {
        var item = article.ParentElement;
        Assert.Equal("LI", item?.TagName);
        var list = item!.ParentElement!;
        if (list.ClassList.Contains("threads"))
        {
            return null;
        }
        Assert.Contains("replies", list.ClassList);
        var parentItem = list.ParentElement!;
        Assert.Equal("LI", parentItem.TagName);
        return parentItem.Children.Single(c => c.TagName == "ARTICLE");
    }

    /// <summary>The section the post is shown in.</summary>
    public static IElement SectionOf(IElement article) =>
        article.Closest("section") ?? throw new Xunit.Sdk.XunitException($"{article.Id} is outside every section.");

    /// <summary>The top-level articles of a section, in order.</summary>
    public IReadOnlyList<string> TopLevelIds(string sectionId) =>
        Document.GetElementById(sectionId)!.Children
            .Where(c => c.TagName == "OL" && c.ClassList.Contains("threads"))
            .SelectMany(list => list.Children)
            .SelectMany(item => item.Children.Where(c => c.TagName == "ARTICLE"))
            .Select(a => a.Id!)
            .ToList();

    public static int NestingDepth(IElement article)
    {
        var depth = 0;
        for (var e = article.ParentElement; e is not null; e = e.ParentElement)
        {
            if (e.TagName == "OL" && e.ClassList.Contains("replies"))
            {
                depth++;
            }
        }
        return depth;
    }

    public static string PostText(IElement article) => article.QuerySelector(".text")!.TextContent;

    /// <summary>The links inside a post's text, as (text, href, rel) in order.</summary>
    public static IReadOnlyList<(string Text, string Href, string? Rel)> TextLinks(IElement article) =>
        article.QuerySelectorAll(".text a").Select(a => (a.TextContent, a.GetAttribute("href")!, a.GetAttribute("rel"))).ToList();
}
