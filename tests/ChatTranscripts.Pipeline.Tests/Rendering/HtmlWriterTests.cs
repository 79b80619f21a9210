using System.Text.Encodings.Web;
using System.Text.Unicode;
using ChatTranscripts.Pipeline.Logic.Transcripts.Rendering;

namespace ChatTranscripts.Pipeline.Tests.Rendering;

/// <summary>
/// <see cref="HtmlWriter"/>, which writes the per-post markup of the pages: the literal text of its interpolated strings
/// is markup, and every interpolated value is encoded by the encoder it was given, so data can never become markup.
/// </summary>
public sealed class HtmlWriterTests
{
    private const string Hostile = "<script>alert(\"x\")</script> & 'y' \"><img src=x onerror=alert(1)> {{ 7*7 }}";

    [Fact]
    public void Literal_text_is_written_as_it_is_and_every_value_is_encoded()
    {
        var output = new StringWriter();

        new HtmlWriter(output, HtmlEncoder.Default).Write($"<p title=\"{Hostile}\">{Hostile}</p>");

        var encoded = HtmlEncoder.Default.Encode(Hostile);
        Assert.Equal($"<p title=\"{encoded}\">{encoded}</p>", output.ToString());
        Assert.DoesNotContain("<script>", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Values_go_through_the_encoder_it_was_given()
    {
        const string text = "café 𝒳 +";
        var pageEncoder = HtmlEncoder.Create(UnicodeRanges.All);
        var output = new StringWriter();

        new HtmlWriter(output, pageEncoder).Write($"<span>{text}</span>");

        Assert.Equal($"<span>{pageEncoder.Encode(text)}</span>", output.ToString());
        Assert.NotEqual(HtmlEncoder.Default.Encode(text), pageEncoder.Encode(text));
    }

    [Fact]
    public void A_missing_or_empty_value_writes_nothing()
    {
        string? missing = null;
        var output = new StringWriter();
        var html = new HtmlWriter(output, HtmlEncoder.Default);

        html.Write($"<b>{missing}</b>");
        html.Write($"<i>{string.Empty}</i>");

        Assert.Equal("<b></b><i></i>", output.ToString());
    }
}
