using ChatTranscripts.Pipeline.Logic.Transcripts.Rendering;

namespace ChatTranscripts.Pipeline.Tests.Rendering;

public sealed class TextExcerptTests
{
    [Fact]
    public void A_short_text_is_kept_on_one_line_with_single_spaces()
    {
        Assert.Equal("A1: peer support groups #bmcmed", TextExcerpt.Of("  A1:\tpeer\n\nsupport   groups #bmcmed \n"));
    }

    [Fact]
    public void A_long_text_is_cut_after_a_hundred_characters_and_marked()
    {
        var text = new string('a', 60) + " " + new string('b', 60);

        Assert.Equal(new string('a', 60) + " " + new string('b', 39) + "…", TextExcerpt.Of(text));
    }

    [Fact]
    public void The_cut_never_splits_an_emoji_or_a_letter_from_its_accent()
    {
        // 99 letters, then a family emoji (seven UTF-16 units, one character to a reader), then an e with a combining accent.
        var text = new string('x', 99) + "👨‍👩‍👧" + "e\u0301" + "more";

        Assert.Equal(new string('x', 99) + "👨‍👩‍👧…", TextExcerpt.Of(text));
    }
}
