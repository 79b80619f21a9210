using System.Text;

namespace ChatTranscripts.Pipeline.Logic.Transcripts.Exports;

/// <summary>
/// A Markdown document built block by block: one blank line between blocks, so no block runs into the next (a
/// paragraph into a list, a list item into a sibling), LF line endings, no trailing whitespace, one final newline.
/// </summary>
internal sealed class MarkdownBlocks
{
    private readonly StringBuilder _text = new();

    public void Block(string line) => Nested("", [line]);

    public void Block(IEnumerable<string> lines) => Nested("", lines);

    public void Nested(string indent, string line) => Nested(indent, [line]);

    /// <summary>A block whose lines are indented, to stay inside the list item that <paramref name="indent"/> is the content column of.</summary>
    public void Nested(string indent, IEnumerable<string> lines)
    {
        var block = lines.ToList();
        if (block.TrueForAll(line => line.Length == 0))
        {
            return;
        }
        if (_text.Length > 0)
        {
            _text.Append('\n');
        }
        foreach (var line in block)
        {
            _text.Append(line.Length == 0 ? "" : indent).Append(line).Append('\n');
        }
    }

    public override string ToString() => _text.ToString();
}
