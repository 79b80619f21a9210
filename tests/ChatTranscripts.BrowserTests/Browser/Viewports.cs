using Microsoft.Playwright;

namespace ChatTranscripts.BrowserTests.Browser;

/// <summary>The two widths every page must work at: a laptop, and a phone held upright (an iPhone 12 to 15 is 390 CSS pixels wide).</summary>
public static class Viewports
{
    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 800 };

    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };
}
