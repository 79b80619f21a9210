using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ChatTranscripts.Pipeline.Tests.Transcripts.Exports;

/// <summary>
/// transcript.md as a Markdown renderer shows it: Markdig's syntax tree, and the HTML it makes parsed the way a
/// browser would, with questions a test asks about posts and threads. A post is found by its text, which tests keep unique.
/// </summary>
internal sealed class RenderedMarkdown
{
    /// <summary>
    /// Plain CommonMark, and Markdig with every extension that adds syntax (GFM tables, autolinks and strikethrough;
    /// attributes, emphasis extras, math, footnotes, emoji, smart quotes, …): escaping must hold in both.
    /// </summary>
    public static IReadOnlyDictionary<string, MarkdownPipeline> Pipelines { get; } = new Dictionary<string, MarkdownPipeline>
    {
        ["commonmark"] = new MarkdownPipelineBuilder().Build(),
        ["extended"] = new MarkdownPipelineBuilder()
            .UseAdvancedExtensions()
            .UseEmojiAndSmiley()
            .UseSmartyPants()
            .UseYamlFrontMatter()
            .Build(),
    };

    public RenderedMarkdown(string markdown, string pipeline = "extended")
    {
        Markdown = markdown;
        Syntax = Markdig.Markdown.Parse(markdown, Pipelines[pipeline]);
        Html = Markdig.Markdown.ToHtml(markdown, Pipelines[pipeline]);
        Document = new HtmlParser().ParseDocument(Html);
    }

    public string Markdown { get; }

    public MarkdownDocument Syntax { get; }

    public string Html { get; }

    public IDocument Document { get; }

    /// <summary>The list items that hold a post: every post is a list item with its text as a blockquote.</summary>
    public IReadOnlyList<IElement> Posts =>
        Document.QuerySelectorAll("li").Where(li => li.Children.Any(c => c.TagName == "BLOCKQUOTE")).ToList();

    /// <summary>The text of each post's blockquote as Markdig reads it, in document order.</summary>
    public IReadOnlyList<string> QuotedTexts => Syntax.Descendants<QuoteBlock>().Select(PlainText).ToList();

    public IElement Post(string text)
    {
        var matches = Posts.Where(li => PostText(li) == text).ToList();
        return matches.Count == 1
            ? matches[0]
            : throw new Xunit.Sdk.XunitException($"{matches.Count} posts show the text \"{text}\".");
    }

    /// <summary>The post's text as the browser shows it: the blockquote's one paragraph, a line per hard break.</summary>
    public static string PostText(IElement item)
    {
        var quote = item.Children.Single(c => c.TagName == "BLOCKQUOTE");
        var paragraphs = quote.Children.ToList();
        return paragraphs.Count switch
        {
            0 => "",
            1 when paragraphs[0].TagName == "P" => paragraphs[0].TextContent,
            _ => throw new Xunit.Sdk.XunitException($"The blockquote holds {string.Join(", ", paragraphs.Select(p => p.TagName))}, not one paragraph."),
        };
    }

    /// <summary>The first line of the item: the post's header paragraph.</summary>
    public static IElement Header(IElement item) =>
        item.Children.FirstOrDefault(c => c.TagName == "P")
        ?? throw new Xunit.Sdk.XunitException("The post has no header paragraph.");

    /// <summary>The post this one is shown nested under: item → its list → the parent's item. Null for a top-level item.</summary>
    public static IElement? DisplayedParent(IElement item)
    {
        var list = item.ParentElement!;
        Assert.Equal("UL", list.TagName);
        return list.ParentElement is { TagName: "LI" } parent ? parent : null;
    }

    /// <summary>The text of the <c>##</c> heading the post is shown under.</summary>
    public static string SectionOf(IElement item)
    {
        var list = item.ParentElement!;
        while (list.ParentElement is { TagName: "LI" } parent)
        {
            list = parent.ParentElement!;
        }
        for (var e = list.PreviousElementSibling; e is not null; e = e.PreviousElementSibling)
        {
            if (e.TagName == "H2")
            {
                return e.TextContent;
            }
        }
        throw new Xunit.Sdk.XunitException("The post is under no section heading.");
    }

    /// <summary>The texts of the top-level posts of the section under the <c>##</c> heading with that text, in order.</summary>
    public IReadOnlyList<string> TopLevelTexts(string heading)
    {
        var texts = new List<string>();
        var start = Document.QuerySelectorAll("h2").Single(h => h.TextContent == heading);
        for (var e = start.NextElementSibling; e is not null && e.TagName != "H2"; e = e.NextElementSibling)
        {
            if (e.TagName == "UL")
            {
                texts.AddRange(e.Children.Where(li => li.Children.Any(c => c.TagName == "BLOCKQUOTE")).Select(PostText));
            }
        }
        return texts;
    }

    /// <summary>
    /// Markdig's plain text of a blockquote: its paragraph's inlines, which must be text, hard breaks and character
    /// references only; anything else (emphasis, code, a link, raw HTML, an emoji) is markup that a post made.
    /// </summary>
    private static string PlainText(QuoteBlock quote)
    {
        if (quote.Count == 0)
        {
            return "";
        }
        var paragraph = Assert.IsType<ParagraphBlock>(Assert.Single(quote));
        var text = new StringBuilder();
        for (var inline = paragraph.Inline?.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            switch (inline)
            {
                case HtmlEntityInline entity:
                    text.Append(entity.Transcoded.ToString());
                    break;
                case LiteralInline literal:
                    text.Append(literal.Content.ToString());
                    break;
                case LineBreakInline { IsHard: true }:
                    text.Append('\n');
                    break;
                default:
                    throw new Xunit.Sdk.XunitException($"A post's text made a {inline.GetType().Name}.");
            }
        }
        return text.ToString();
    }
}
