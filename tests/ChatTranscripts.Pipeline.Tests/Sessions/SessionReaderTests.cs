using System.Text.Json;
using System.Text.Json.Nodes;
using ChatTranscripts.Pipeline.Application.Sessions;
using ChatTranscripts.Pipeline.Application.Validation;
using ChatTranscripts.Pipeline.Core;

namespace ChatTranscripts.Pipeline.Tests.Sessions;

public sealed class SessionReaderTests
{
    private const string Valid = """
        {"title":"Social media in healthcare","description":"BMC Medicine Twitter chat","hashtags":["#BMCmed","bmcmed","#hcsm"],
         "startsAt":"2012-08-06T13:00:00+01:00","endsAt":"2012-08-06T14:00:00+01:00","timeZone":"Europe/London",
         "moderators":["BMCMedicine"],"guests":["@FarrisTimimi","LeeAase"],"questions":["Q one?","Q two?"]}
        """;

    [Fact]
    public void A_valid_definition_is_normalised()
    {
        var (session, errors) = Read(Valid);

        Assert.True(errors.IsEmpty);
        Assert.Equal(["bmcmed", "hcsm"], session!.Hashtags);
        Assert.Equal(["FarrisTimimi", "LeeAase"], session.Guests);
        Assert.Equal(new DateTimeOffset(2012, 8, 6, 12, 0, 0, TimeSpan.Zero), session.StartsAt);
        Assert.Equal("Europe/London", session.TimeZone);
    }

    [Fact]
    public void Optional_fields_default()
    {
        var (session, errors) = Read("""{"title":"t","hashtags":["x"],"startsAt":"2012-08-06T13:00:00Z","endsAt":"2012-08-06T14:00:00Z"}""");

        Assert.True(errors.IsEmpty);
        Assert.Equal("UTC", session!.TimeZone);
        Assert.Empty(session.Moderators);
        Assert.Null(session.Description);
    }

    [Theory]
    [InlineData("""{"title":""}""", "title")]
    [InlineData("""{"title":"   "}""", "title")]
    [InlineData("""{"hashtags":[]}""", "hashtags")]
    [InlineData("""{"hashtags":["a","b","c","d","e","f"]}""", "hashtags")]
    [InlineData("""{"hashtags":["#bad tag"]}""", "hashtags[0]")]
    [InlineData("""{"hashtags":"bmcmed"}""", "hashtags")]
    [InlineData("""{"endsAt":"2012-08-06T12:59:00+01:00"}""", "endsAt")]
    [InlineData("""{"endsAt":"2012-08-07T13:00:01+01:00"}""", "endsAt")]
    [InlineData("""{"startsAt":"tomorrow"}""", "startsAt")]
    [InlineData("""{"timeZone":"Mars/Olympus"}""", "timeZone")]
    [InlineData("""{"guests":["@"]}""", "guests[0]")]
    [InlineData("""{"moderators":[42]}""", "moderators[0]")]
    [InlineData("""{"questions":[""]}""", "questions[0]")]
    [InlineData("""{"title":"nul \u0000"}""", "title")]
    [InlineData("""{"title":"two\nlines"}""", "title")]
    [InlineData("""{"title":"tab\tted"}""", "title")]
    [InlineData("""{"description":"nul \u0000"}""", "description")]
    [InlineData("""{"description":"noncharacter \ufdd0"}""", "description")]
    [InlineData("""{"timeZone":"UTC\n"}""", "timeZone")]
    [InlineData("""{"hashtags":["bmcmed\n"]}""", "hashtags[0]")]
    [InlineData("""{"moderators":["BMCMedicine\uffff"]}""", "moderators[0]")]
    [InlineData("""{"guests":["Lee\u0085Aase"]}""", "guests[0]")]
    [InlineData("""{"guests":["LeeAase\ud83f\udffe"]}""", "guests[0]")]
    [InlineData("""{"questions":["Q \u0000 one?"]}""", "questions[0]")]
    [InlineData("""{"questions":["Q one?\uffff"]}""", "questions[0]")]
    [InlineData("""{"questions":["Q\none?"]}""", "questions[0]")]
    [InlineData("""{"startsAt":"2012-08-06T13:00:00+01:00\n"}""", "startsAt")]
    [InlineData("""{"startsAt":"2012-08-06T1٣:00:00+01:00"}""", "startsAt")]
    public void Each_invalid_field_is_named(string overrides, string field)
    {
        var (session, errors) = Read(JsonMerge.With(Valid, overrides));

        Assert.Null(session);
        Assert.Equal([field], errors.ToDictionary().Keys);
    }

    [Fact]
    public void Half_a_surrogate_pair_in_a_list_is_refused()
    {
        var (session, errors) = Read(Valid.Replace("\"Q one?\"", "\"Q \\udc00 one?\"", StringComparison.Ordinal));

        Assert.Null(session);
        Assert.Equal(["questions[0]"], errors.ToDictionary().Keys);
    }

    [Fact]
    public void A_description_keeps_its_line_breaks_and_tabs()
    {
        var (session, errors) = Read(JsonMerge.With(Valid, """{"description":"Line one\n\tLine two\r\nLine three"}"""));

        Assert.True(errors.IsEmpty);
        Assert.Equal("Line one\n\tLine two\r\nLine three", session!.Description);
    }

    [Fact]
    public void At_most_50_moderators_and_20_questions()
    {
        var moderators = new JsonArray(Enumerable.Range(0, 51).Select(i => (JsonNode)JsonValue.Create($"m{i}")).ToArray());
        var questions = new JsonArray(Enumerable.Range(0, 21).Select(i => (JsonNode)JsonValue.Create($"q{i}")).ToArray());

        var (_, errors) = Read(JsonMerge.With(Valid, new JsonObject { ["moderators"] = moderators, ["questions"] = questions }.ToJsonString()));

        Assert.Equal(["moderators", "questions"], errors.ToDictionary().Keys);
    }

    [Theory]
    [InlineData("bmcmed-2012-08-06", true)]
    [InlineData("abc", true)]
    [InlineData("ab", false)]
    [InlineData("-abc", false)]
    [InlineData("ABC", false)]
    [InlineData("a_b_c", false)]
    [InlineData("abc\n", false)]
    [InlineData("abc\r\n", false)]
    public void Session_ids_follow_the_contract(string id, bool valid)
    {
        Assert.Equal(valid, SessionReader.IsValidId(id));
    }

    private static (SessionDefinition? Session, ValidationErrors Errors) Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        var errors = new ValidationErrors();
        return (SessionReader.Read(document.RootElement, errors), errors);
    }
}
