namespace ChatTranscripts.Pipeline.Logic.Transcripts.Rendering;

/// <summary>
/// Rows a page may have thousands of (posts, links), written by hand-written markup through the page's writer and
/// encoder rather than by a Liquid loop, which costs several times as much per row. Deliberately not enumerable:
/// Fluid would turn it into an array of values.
/// </summary>
internal interface IHtmlFragment
{
    /// <summary>How many rows, for the template's <c>size</c> checks.</summary>
    int Size { get; }

    void WriteTo(HtmlWriter html);
}
