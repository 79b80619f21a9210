using System.Buffers;
using System.Text;

namespace ChatTranscripts.Pipeline.Logic.Transcripts.Rendering;

/// <summary>
/// A <see cref="TextWriter"/> that encodes what it is given straight into a byte buffer as UTF-8. A
/// <see cref="StreamWriter"/> first copies every character into a buffer of its own and then encodes that into a
/// second one before writing it out, and on a page of short values those copies took a third of the time. The
/// encoding is <see cref="UTF8Encoding"/>'s own encoder, as a <see cref="StreamWriter"/> uses, so a surrogate pair split
/// between two writes is joined and a lone surrogate becomes U+FFFD the same way. Writing to memory never waits, so the
/// asynchronous writes Fluid makes complete before they return.
/// </summary>
internal sealed class Utf8BufferWriter(IBufferWriter<byte> output) : TextWriter
{
    /// <summary>Room for any one character: a surrogate pair is four bytes.</summary>
    private const int LargestCharacter = 4;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly Encoder _encoder = Utf8.GetEncoder();

    public override Encoding Encoding => Utf8;

    public override void Write(char value) => Encode(new ReadOnlySpan<char>(in value), flush: false);

    public override void Write(string? value) => Encode(value, flush: false);

    public override void Write(char[] buffer, int index, int count) => Encode(buffer.AsSpan(index, count), flush: false);

    public override void Write(ReadOnlySpan<char> buffer) => Encode(buffer, flush: false);

    public override Task WriteAsync(char value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(string? value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(char[] buffer, int index, int count)
    {
        Write(buffer, index, count);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return Task.CompletedTask;
    }

    /// <summary>Ends the text: a high surrogate still waiting for its pair is written as U+FFFD.</summary>
    public override void Flush() => Encode([], flush: true);

    public override Task FlushAsync()
    {
        Flush();
        return Task.CompletedTask;
    }

    private void Encode(ReadOnlySpan<char> chars, bool flush)
    {
        bool completed;
        do
        {
            _encoder.Convert(chars, output.GetSpan(LargestCharacter), flush, out var charsUsed, out var bytesUsed, out completed);
            output.Advance(bytesUsed);
            chars = chars[charsUsed..];
        }
        while (!completed);
    }
}
