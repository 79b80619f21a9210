using System.Buffers;
using System.Text;
using ChatTranscripts.Pipeline.Logic.Transcripts.Rendering;

namespace ChatTranscripts.Pipeline.Tests.Rendering;

/// <summary>
/// <see cref="Utf8BufferWriter"/>, which encodes the pages into their buffer: whatever pieces the text arrives in, and
/// through whichever of the writer's methods, the bytes are the text's UTF-8, as a StreamWriter would write them.
/// </summary>
public sealed class Utf8BufferWriterTests
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    [Fact]
    public void Any_text_written_in_pieces_becomes_its_utf8_bytes()
    {
        var texts = SampleTexts.Generate(400).Concat(["lone \uD83D high", "lone \uDE00 low", "ends high \uD83D", "\uDE00\uD83D", ""]);
        foreach (var text in texts)
        {
            foreach (var pieceLength in new[] { 1, 2, 3, 7, 1000 })
            {
                // A small buffer that grows, so characters also land on the edge of its free space.
                var buffer = new ArrayBufferWriter<byte>(1);
                var writer = new Utf8BufferWriter(buffer);

                WriteInPieces(writer, text, pieceLength);
                writer.Flush();

                Assert.True(
                    Utf8.GetBytes(text).AsSpan().SequenceEqual(buffer.WrittenSpan),
                    $"\"{text}\" written in pieces of {pieceLength} gave other bytes than its UTF-8.");
            }
        }
    }

    [Fact]
    public void A_surrogate_pair_split_between_writes_is_joined()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new Utf8BufferWriter(buffer);

        writer.Write('\uD83D');
        writer.Write("\uDE00");
        writer.Flush();

        Assert.Equal("😀"u8.ToArray(), buffer.WrittenSpan.ToArray());
    }

    [Fact]
    public void Asynchronous_writes_are_done_when_they_return()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new Utf8BufferWriter(buffer);

        Assert.True(writer.WriteAsync("a").IsCompletedSuccessfully);
        Assert.True(writer.WriteAsync('b').IsCompletedSuccessfully);
        Assert.True(writer.WriteAsync(['c', 'd'], 0, 2).IsCompletedSuccessfully);
        Assert.True(writer.WriteAsync("e".AsMemory(), TestContext.Current.CancellationToken).IsCompletedSuccessfully);
        Assert.True(writer.FlushAsync().IsCompletedSuccessfully);
        Assert.Equal("abcde"u8.ToArray(), buffer.WrittenSpan.ToArray());
    }

    /// <summary>Cycles through the writer's methods so that each of them is used at piece boundaries of every kind.</summary>
    private static void WriteInPieces(Utf8BufferWriter writer, string text, int pieceLength)
    {
        var method = 0;
        for (var start = 0; start < text.Length; start += pieceLength, method++)
        {
            var piece = text.Substring(start, Math.Min(pieceLength, text.Length - start));
            switch (method % 4)
            {
                case 0:
                    writer.Write(piece);
                    break;
                case 1:
                    writer.Write(piece.AsSpan());
                    break;
                case 2:
                    writer.Write(piece.ToCharArray(), 0, piece.Length);
                    break;
                default:
                    foreach (var c in piece)
                    {
                        writer.Write(c);
                    }
                    break;
            }
        }
    }
}
