using System.Text;
using ChatTranscripts.Pipeline.Application.Validation;

namespace ChatTranscripts.Pipeline.Tests.Http;

public sealed class JsonTextTests
{
    [Theory]
    [InlineData("""{"text":"ok \ud800 ok"}""", "text")]
    [InlineData("""{"text":"\udfff"}""", "text")]
    [InlineData("""{"author":{"handle":"a","displayName":"\ud83d"}}""", "author.displayName")]
    [InlineData("""[{"text":"fine"},{"text":"fine","tags":["a","\udc00"]}]""", "posts[1].tags[1]")]
    [InlineData("""[[1,2],[3,"\ud800"]]""", "posts[1][1]")]
    [InlineData("""{"a":[{"b":1},{"c":{"d":"\ud800"}}]}""", "a[1].c.d")]
    [InlineData("""{"\ud800x":1}""", "\\ud800x")]
    [InlineData("""{"a":{"\udfff":1}}""", "a.\\udfff")]
    [InlineData("""  "\ud800"  """, "$")]
    [InlineData("""{"after":[1,{"x":null},true],"text":"\ud800"}""", "text")]
    public void Half_a_surrogate_pair_is_found_where_it_is(string json, string path)
    {
        Assert.Equal(path, JsonText.FindBrokenText(Encoding.UTF8.GetBytes(json), "posts"));
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_found_in_values_and_names()
    {
        byte[] value = [.. "{\"a\":[\"ok\",\""u8, 0xFF, .. "\"]}"u8];
        byte[] name = [.. "{\"a\":{\""u8, 0xC3, .. "\":1}}"u8];

        Assert.Equal("a[1]", JsonText.FindBrokenText(value, "posts"));
        Assert.StartsWith("a.", JsonText.FindBrokenText(name, "posts"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"text":"a whole pair \ud83d\ude00, escaped"}""")]
    [InlineData("""{"text":"😀 as UTF-8","\ud83d\ude00":"a whole pair in a name"}""")]
    [InlineData("""[1,2.5,true,null,"\u0041",{"a":[]}]""")]
    [InlineData("""42""")]
    public void Valid_text_is_not_reported(string json)
    {
        Assert.Null(JsonText.FindBrokenText(Encoding.UTF8.GetBytes(json), "posts"));
    }
}
