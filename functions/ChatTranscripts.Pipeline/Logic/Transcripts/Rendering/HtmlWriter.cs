using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;

namespace ChatTranscripts.Pipeline.Logic.Transcripts.Rendering;

/// <summary>
/// Writes HTML as a compiled template does, for the markup repeated on a page for every post. Its one method takes an
/// interpolated string: the literal parts, which can only be text written in our source, are the markup and are
/// written as they are; every interpolated value, which is where data goes, is encoded by the page's encoder (the
/// one Fluid encodes the rest of the page with, so the bytes are those a Liquid partial would write). There is no way
/// to write a value unencoded: a string variable does not convert to <see cref="Markup"/>, and a value of any other
/// type does not compile.
/// </summary>
internal sealed class HtmlWriter
{
    private readonly TextWriter _output;
    private readonly TextEncoder _encoder;

    public HtmlWriter(TextWriter output, TextEncoder encoder)
    {
        _output = output;
        _encoder = encoder;
    }

    /// <summary>Writes <paramref name="markup"/>; its handler has written each part by the time this runs.</summary>
    [SuppressMessage("Style", "IDE0060:Remove unused parameter", Justification = "The compiler passes the handler that has already written the parts; its use is its construction.")]
    public void Write([InterpolatedStringHandlerArgument("")] ref Markup markup)
    {
    }

    /// <summary>The parts of an interpolated string as the compiler hands them over: literals as markup, values as text.</summary>
    [InterpolatedStringHandler]
    internal readonly ref struct Markup
    {
        private readonly HtmlWriter _html;

        public Markup(int literalLength, int formattedCount, HtmlWriter html)
        {
            _html = html;
        }

        public void AppendLiteral(string markup) => _html._output.Write(markup);

        public void AppendFormatted(string? text)
        {
            if (!string.IsNullOrEmpty(text))
            {
                _html._encoder.Encode(_html._output, text);
            }
        }
    }
}
