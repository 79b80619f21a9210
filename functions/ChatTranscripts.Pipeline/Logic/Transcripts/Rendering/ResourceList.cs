using System.Globalization;

namespace ChatTranscripts.Pipeline.Logic.Transcripts.Rendering;

/// <summary>
/// The items of "Resources shared", placed by <c>{% rows list %}</c>: a chat can share thousands of distinct links, so
/// they are written as the posts are (<see cref="PostMarkup"/>), every value through the page's encoder.
/// </summary>
internal sealed class ResourceList(IReadOnlyList<ResourceRow> rows) : IHtmlFragment
{
    public int Size => rows.Count;

    public void WriteTo(HtmlWriter html)
    {
        foreach (var row in rows)
        {
            if (row.Href is not null)
            {
                html.Write($"<li><a href=\"{row.Href}\" rel=\"nofollow ugc noopener noreferrer\">{row.Url}</a>");
            }
            else
            {
                html.Write($"<li>{row.Url}");
            }
            html.Write($"\n<span class=\"digest-meta\">{row.Posts.ToString(CultureInfo.InvariantCulture)} {(row.Posts == 1 ? "post" : "posts")}, first shared by ");
            if (row.FirstShared is { } first)
            {
                html.Write($"<a href=\"#{first.Anchor}\">{row.FirstHandle}</a>");
            }
            else
            {
                html.Write($"{row.FirstHandle}");
            }
            if (row.FirstPlatform is not null)
            {
                html.Write($" on {row.FirstPlatform}");
            }
            if (row.Question is not null)
            {
                html.Write($" under <a href=\"#{row.QuestionAnchor}\">{row.Question}</a>");
            }
            html.Write($"</span></li>\n");
        }
    }
}
