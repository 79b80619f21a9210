namespace ChatTranscripts.Pipeline.Logic.Transcripts.Rendering;

/// <summary>
/// The posts of one list on a page (a question's threads, the conversation outside the questions, or every post in
/// order), placed in a template by <c>{% posts list %}</c> and written by <see cref="PostMarkup"/>. Each post's view is
/// made as it is written and dropped straight after, so a page never holds a view of every post at once.
/// </summary>
internal sealed class PostList(IReadOnlyList<ThreadNode> threads, Func<ThreadNode, PostView?> view) : IHtmlFragment
{
    /// <summary>Top-level items, for the template's <c>size</c> checks.</summary>
    public int Size => threads.Count;

    public void WriteTo(HtmlWriter html)
    {
        foreach (var thread in threads)
        {
            PostMarkup.Thread(html, thread, view);
        }
    }
}
