using ChatTranscripts.BrowserTests.NuChecker;
using ChatTranscripts.BrowserTests.Site;

namespace ChatTranscripts.BrowserTests;

/// <summary>Every page is valid HTML by the W3C Nu Html Checker (vnu.jar), the checker behind validator.w3.org/nu: no error.</summary>
public sealed class HtmlValidityTests(NuCheckedSite checkedSite) : IClassFixture<NuCheckedSite>
{
    [Theory]
    [MemberData(nameof(SitePages.Html), MemberType = typeof(SitePages))]
    public async Task The_nu_checker_finds_no_error(string path)
    {
        NuHtmlChecker.RequireJava();

        var errors = (await checkedSite.ErrorsAsync())[path];

        Assert.True(errors.Count == 0, $"{path}:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
    }

    [Fact]
    public async Task The_nu_checker_reports_the_errors_of_an_invalid_document()
    {
        NuHtmlChecker.RequireJava();

        var errors = (await checkedSite.ErrorsAsync())[NuCheckedSite.InvalidControl];

        Assert.Contains(errors, e => e.Message.Contains("“alt” attribute", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.Contains("No “p” element in scope", StringComparison.Ordinal));
    }
}
