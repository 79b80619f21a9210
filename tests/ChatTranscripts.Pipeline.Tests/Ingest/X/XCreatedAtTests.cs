using ChatTranscripts.Pipeline.Application.Ingest.X;

namespace ChatTranscripts.Pipeline.Tests.Ingest.X;

public sealed class XCreatedAtTests
{
    [Theory]
    [InlineData("Mon Aug 06 12:04:31 +0000 2012", "2012-08-06T12:04:31Z")]
    [InlineData("Thu Mar 08 12:38:03 +0000 2018", "2018-03-08T12:38:03Z")]
    [InlineData("Mon Aug 06 13:04:31 +0100 2012", "2012-08-06T12:04:31Z")]
    public void V1_dates_are_read_as_utc(string text, string expected)
    {
        Assert.True(XCreatedAt.TryParseV1(text, out var value));
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
        Assert.Equal(TimeSpan.Zero, value.Offset);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2012-08-06T12:04:31Z")]
    [InlineData("Mon Aug 06 12:04:31 2012")]
    [InlineData("Mon Aug 06 12:04:31 +00:00 2012")]
    [InlineData("Mon Aug 32 12:04:31 +0000 2012")]
    [InlineData("Tue Aug 06 12:04:31 +0000 2012")]
    public void Anything_else_is_not_a_v1_date(string? text) => Assert.False(XCreatedAt.TryParseV1(text, out _));

    [Fact]
    public void V2_dates_are_rfc_3339()
    {
        Assert.True(XCreatedAt.TryParseV2("2012-08-06T12:04:31.000Z", out var value));
        Assert.Equal(new DateTimeOffset(2012, 8, 6, 12, 4, 31, TimeSpan.Zero), value);
        Assert.False(XCreatedAt.TryParseV2("Mon Aug 06 12:04:31 +0000 2012", out _));
    }
}
