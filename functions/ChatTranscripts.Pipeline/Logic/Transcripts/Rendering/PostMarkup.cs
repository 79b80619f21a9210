namespace ChatTranscripts.Pipeline.Logic.Transcripts.Rendering;

/// <summary>
/// The markup of a post, and of a thread (a post with its replies nested under it), on both transcript pages. It is
/// written through <see cref="HtmlWriter"/> rather than as a Liquid partial because it runs once for every post: Fluid
/// spent about as long finding, scoping and evaluating the partial's forty-odd values as the page took in all. Every
/// value still goes through the page's HTML encoder, and the bytes are those the partials wrote.
/// </summary>
internal static class PostMarkup
{
    /// <summary>
    /// One item of a thread list: the post, then its replies as a nested list. A post the organiser hid (no view)
    /// keeps its place as a marker, so the replies under it still read as a thread.
    /// </summary>
    public static void Thread(HtmlWriter html, ThreadNode node, Func<ThreadNode, PostView?> view)
    {
        html.Write($"<li>\n");
        if (view(node) is { } post)
        {
            Post(html, post);
        }
        else
        {
            html.Write($"<p class=\"post post-hidden\">Post hidden by the organiser</p>\n");
        }
        if (node.Replies.Count > 0)
        {
            html.Write($"<ol class=\"replies\">\n");
            foreach (var reply in node.Replies)
            {
                Thread(html, reply, view);
            }
            html.Write($"</ol>\n");
        }
        html.Write($"</li>\n");
    }

    public static void Post(HtmlWriter html, PostView post)
    {
        html.Write($"<article id=\"{post.Anchor}\" class=\"post");
        if (post.LabelKind is not null)
        {
            html.Write($" post-{post.LabelKind}");
        }
        html.Write($"\"");
        if (post.Lang is not null)
        {
            html.Write($" lang=\"{post.Lang}\"");
        }
        html.Write($">\n<header class=\"post-head\">");
        if (post.Label is not null)
        {
            html.Write($"<span class=\"badge badge-{post.LabelKind}\">{post.Label}</span>");
        }
        html.Write($"\n<span class=\"author\">");
        if (post.DisplayName is not null)
        {
            html.Write($"<span class=\"name\">{post.DisplayName}</span> ");
        }
        html.Write($"<span class=\"handle\">{post.Handle}</span></span>");
        if (post.Role is not null)
        {
            html.Write($"\n<span class=\"badge badge-{post.Role}\">{post.Role}</span>");
        }
        if (post.Platform is not null)
        {
            html.Write($"\n<span class=\"platform\">on {post.Platform}</span>");
        }
        html.Write($"\n<span class=\"post-time\"><time datetime=\"{post.Times.CreatedIso}\" title=\"{post.Times.CreatedFull}\">{post.Times.CreatedTime}</time> <a class=\"permalink\" href=\"#{post.Anchor}\" aria-label=\"Link to this post\">#</a></span>\n</header>");
        if (post.ReplyTo is { } parent)
        {
            html.Write($"\n<p class=\"context\">In reply to <a href=\"#{parent.Anchor}\">{parent.Handle}</a></p>");
        }
        else if (post.RepliesToHiddenPost)
        {
            html.Write($"\n<p class=\"context\">In reply to a post hidden by the organiser</p>");
        }
        else if (post.RepliesToMissingPost)
        {
            html.Write($"\n<p class=\"context\">In reply to a post that is not in this transcript</p>");
        }
        html.Write($"\n<div class=\"text\" dir=\"auto\">");
        foreach (var run in post.Text)
        {
            if (run.Href is not null)
            {
                html.Write($"<a href=\"{run.Href}\" rel=\"nofollow ugc noopener noreferrer\">{run.Text}</a>");
            }
            else
            {
                html.Write($"{run.Text}");
            }
        }
        html.Write($"</div>");
        if (post.Quoted is { } quoted)
        {
            html.Write($"\n<p class=\"context\">Quoting <a href=\"#{quoted.Anchor}\">a post by {quoted.Handle}</a></p>");
        }
        if (post.Times.EditedIso is not null || post.Url is not null)
        {
            html.Write($"\n<footer class=\"post-foot\">");
            if (post.Times.EditedIso is not null)
            {
                html.Write($"\n<span class=\"edited\">edited <time datetime=\"{post.Times.EditedIso}\">{post.Times.EditedFull}</time></span>");
            }
            if (post.Url is not null)
            {
                html.Write($"\n<a href=\"{post.Url}\" rel=\"nofollow ugc noopener noreferrer\">View original</a>");
            }
            html.Write($"\n</footer>");
        }
        html.Write($"\n</article>\n");
    }
}
