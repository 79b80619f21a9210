using ChatTranscripts.Pipeline.Logic.Tagging;

namespace ChatTranscripts.Pipeline.Tests.Tagging;

public sealed class QuestionLabelsTests
{
    [Theory]
    [InlineData("Q1 What brings you here?", 1)]
    [InlineData("q2: lower case", 2)]
    [InlineData("Q10. Last one", 10)]
    [InlineData("Q99", 99)]
    [InlineData("Q1b follow-up part", 1)]
    [InlineData("T3 topic reads as a question", 3)]
    [InlineData("t4, lower-case topic", 4)]
    public void A_leading_Q_or_T_label_is_a_question(string text, int number) =>
        Assert.Equal(new PostLabel(LabelKind.Question, number), QuestionLabels.Parse(text));

    [Theory]
    [InlineData("A1 yes", 1)]
    [InlineData("a1: lower case", 1)]
    [InlineData("A2b second part", 2)]
    [InlineData("A3) closing parenthesis", 3)]
    [InlineData("A4- hyphen", 4)]
    [InlineData("A5– en dash", 5)]
    [InlineData("A6— em dash", 6)]
    [InlineData("A7, comma", 7)]
    [InlineData("A8.", 8)]
    [InlineData("A9", 9)]
    [InlineData("A11\nnew line", 11)]
    [InlineData("A12\tafter a tab", 12)]
    public void A_leading_A_label_is_an_answer_whatever_follows_among_the_allowed_separators(string text, int number) =>
        Assert.Equal(new PostLabel(LabelKind.Answer, number), QuestionLabels.Parse(text));

    [Theory]
    [InlineData("@moderator A1 yes", LabelKind.Answer, 1)]
    [InlineData("@guest @moderator A2: both", LabelKind.Answer, 2)]
    [InlineData(".@moderator A3 dotted reply", LabelKind.Answer, 3)]
    [InlineData("#bmcmed Q4: hashtag first", LabelKind.Question, 4)]
    [InlineData("#bmcmed #chat @host . A5 all of them", LabelKind.Answer, 5)]
    [InlineData("＠host ＃bmcmed A6 full-width signs", LabelKind.Answer, 6)]
    [InlineData("   A7 leading spaces", LabelKind.Answer, 7)]
    [InlineData("...A8 leading dots", LabelKind.Answer, 8)]
    public void Leading_mentions_hashtags_dots_and_spaces_are_skipped(string text, LabelKind kind, int number) =>
        Assert.Equal(new PostLabel(kind, number), QuestionLabels.Parse(text));

    [Theory]
    [InlineData("Q0 zero is no question")]
    [InlineData("A0")]
    [InlineData("Q100 three digits")]
    [InlineData("A12abc more than one letter")]
    [InlineData("A1bc")]
    [InlineData("A1x2")]
    [InlineData("Q1? question mark is no separator")]
    [InlineData("A1/A2")]
    [InlineData("Q 1 space before the number")]
    [InlineData("QA1")]
    [InlineData("B1 another letter")]
    [InlineData("Answer 1")]
    [InlineData("Q")]
    public void Anything_else_at_the_start_is_no_label(string text) =>
        Assert.Null(QuestionLabels.Parse(text));

    [Theory]
    [InlineData("I think Q1 was hard")]
    [InlineData("Great chat! A2: yes")]
    [InlineData("RT @host: Q1 reposted")]
    [InlineData("@hostQ1 glued to the mention")]
    [InlineData("#bmcmedA1 glued to the hashtag")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("@host #bmcmed")]
    public void A_label_inside_the_text_or_glued_to_a_mention_or_hashtag_is_no_label(string text) =>
        Assert.Null(QuestionLabels.Parse(text));

    [Fact]
    public void A_leading_zero_is_read_as_the_number() =>
        Assert.Equal(new PostLabel(LabelKind.Question, 5), QuestionLabels.Parse("Q05: fifth"));
}
