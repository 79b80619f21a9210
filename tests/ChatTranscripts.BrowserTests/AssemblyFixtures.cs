using ChatTranscripts.BrowserTests.Browser;
using ChatTranscripts.BrowserTests.Site;

// One published site and one Chromium for the whole assembly: publishing and launching are the slow parts, and
// every test only reads the site and opens pages in a context of its own.
[assembly: AssemblyFixture(typeof(PublishedSite))]
[assembly: AssemblyFixture(typeof(Chromium))]
