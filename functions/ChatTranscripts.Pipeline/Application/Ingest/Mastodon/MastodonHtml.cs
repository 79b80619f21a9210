using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace ChatTranscripts.Pipeline.Application.Ingest.Mastodon;

/// <summary>
/// Turns a status's HTML <c>content</c> into the plain text a reader sees: paragraphs separated by a blank line,
/// <c>&lt;br&gt;</c> as a line break, entities decoded, link text kept, and the parts of shortened links Mastodon
/// hides (<c>class="invisible"</c>) left out, with the <c>…</c> its <c>ellipsis</c> class adds.
/// </summary>
public static class MastodonHtml
{
    public static string ToText(string html)
    {
        // A parser per call: AngleSharp does not promise that one parser may be shared between threads.
        using var document = new HtmlParser().ParseDocument(html);
        var text = new PlainText();
        if (document.Body is { } body)
        {
            foreach (var node in body.ChildNodes)
            {
                Append(node, text);
            }
        }
        return text.ToString();
    }

    private static void Append(INode node, PlainText text)
    {
        switch (node)
        {
            case IText textNode:
                text.Append(textNode.Data);
                return;
            case IElement element:
                AppendElement(element, text);
                return;
        }
    }

    private static void AppendElement(IElement element, PlainText text)
    {
        if (element.ClassList.Contains("invisible") || element.LocalName is "script" or "style" or "template" or "head")
        {
            return;
        }
        if (element.LocalName == "br")
        {
            text.LineBreak();
            return;
        }
        var separation = Separation(element.LocalName);
        text.Separate(separation);
        foreach (var child in element.ChildNodes)
        {
            Append(child, text);
        }
        if (element.ClassList.Contains("ellipsis"))
        {
            text.Append("…");
        }
        text.Separate(separation);
    }

    /// <summary>How many line breaks a block element needs around it: a blank line for paragraph-like blocks, one for list items.</summary>
    private static int Separation(string localName) => localName switch
    {
        "p" or "div" or "blockquote" or "pre" or "ul" or "ol" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" => 2,
        "li" => 1,
        _ => 0,
    };

    /// <summary>Collapses white space as a browser does and adds block separations lazily, so none lead or trail.</summary>
    private sealed class PlainText
    {
        private readonly StringBuilder _text = new();
        private int _pendingLineBreaks;

        public void Append(string data)
        {
            var collapsed = Collapse(data);
            if (collapsed.Length == 0)
            {
                return;
            }
            if (_pendingLineBreaks > 0 && _text.Length > 0)
            {
                AddLineBreaks(_pendingLineBreaks);
            }
            _pendingLineBreaks = 0;
            if (collapsed[0] == ' ' && (_text.Length == 0 || _text[^1] is ' ' or '\n'))
            {
                collapsed = collapsed[1..];
            }
            _text.Append(collapsed);
        }

        public void LineBreak()
        {
            if (_pendingLineBreaks > 0 && _text.Length > 0)
            {
                AddLineBreaks(_pendingLineBreaks);
            }
            _pendingLineBreaks = 0;
            TrimTrailingSpaces();
            _text.Append('\n');
        }

        public void Separate(int lineBreaks) => _pendingLineBreaks = Math.Max(_pendingLineBreaks, lineBreaks);

        public override string ToString() => _text.ToString().Trim();

        /// <summary>Tops up the line breaks already at the end (from <c>&lt;br&gt;</c>) to the number needed.</summary>
        private void AddLineBreaks(int needed)
        {
            TrimTrailingSpaces();
            var present = 0;
            while (present < _text.Length && _text[_text.Length - 1 - present] == '\n')
            {
                present++;
            }
            _text.Append('\n', Math.Max(0, needed - present));
        }

        private void TrimTrailingSpaces()
        {
            while (_text.Length > 0 && _text[^1] == ' ')
            {
                _text.Length--;
            }
        }

        private static string Collapse(string data)
        {
            var collapsed = new StringBuilder(data.Length);
            foreach (var c in data)
            {
                if (c is ' ' or '\t' or '\n' or '\r' or '\f')
                {
                    if (collapsed.Length == 0 || collapsed[^1] != ' ')
                    {
                        collapsed.Append(' ');
                    }
                }
                else
                {
                    collapsed.Append(c);
                }
            }
            return collapsed.ToString();
        }
    }
}
