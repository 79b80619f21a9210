using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ChatTranscripts.Pipeline.Tests.Documentation;

/// <summary>
/// The relative links of a Markdown file that a fresh clone cannot follow: to a file that is not there, to anything
/// outside the repository, or to a heading the target does not have (anchors as GitHub makes them).
/// </summary>
internal static class DocumentLinks
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAutoIdentifiers(AutoIdentifierOptions.GitHub).UsePreciseSourceLocation().Build();

    /// <param name="path">Where the Markdown file is (or would be): relative links start from its folder.</param>
    public static IReadOnlyList<string> Broken(string path, string markdown, string repositoryRoot)
    {
        var root = Path.GetFullPath(repositoryRoot);
        var broken = new List<string>();
        foreach (var link in Markdown.Parse(markdown, Pipeline).Descendants<LinkInline>())
        {
            if (link.Url is not { Length: > 0 } url || Uri.TryCreate(url, UriKind.Absolute, out _))
            {
                continue;
            }
            var hash = url.IndexOf('#', StringComparison.Ordinal);
            var file = hash < 0 ? url : url[..hash];
            var anchor = hash < 0 ? null : url[(hash + 1)..];
            var target = file.Length == 0 ? Path.GetFullPath(path) : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, Uri.UnescapeDataString(file)));
            var line = markdown.AsSpan(0, link.Span.Start).Count('\n') + 1;
            var where = $"{Path.GetFileName(path)} line {line}: ({url})";
            if (!target.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                broken.Add($"{where} points outside the repository");
            }
            else if (!File.Exists(target) && !Directory.Exists(target))
            {
                broken.Add($"{where} names no file in the repository");
            }
            else if (anchor is not null && target.EndsWith(".md", StringComparison.OrdinalIgnoreCase)
                && !HeadingIds(target == Path.GetFullPath(path) ? markdown : File.ReadAllText(target)).Contains(anchor))
            {
                broken.Add($"{where} names no heading of {Path.GetFileName(target)}");
            }
        }
        return broken;
    }

    private static HashSet<string> HeadingIds(string markdown) =>
        [.. Markdown.Parse(markdown, Pipeline).Descendants<HeadingBlock>().Select(heading => heading.GetAttributes().Id).OfType<string>()];
}
