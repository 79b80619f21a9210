using Microsoft.Playwright;

namespace ChatTranscripts.BrowserTests.Browser;

/// <summary>
/// How a reader sees a page: a width, a colour scheme, screen or print. A <see cref="PageVisit"/> switches between
/// looks without loading the page again, which is how a browser applies them anyway (media queries re-evaluated).
/// </summary>
public sealed record Look(string Name, ViewportSize Viewport, ColorScheme ColorScheme, Media Media)
{
    public static readonly Look DesktopLight = new("desktop-light", Viewports.Desktop, ColorScheme.Light, Media.Screen);
    public static readonly Look DesktopDark = new("desktop-dark", Viewports.Desktop, ColorScheme.Dark, Media.Screen);
    public static readonly Look PhoneLight = new("phone-light", Viewports.Phone, ColorScheme.Light, Media.Screen);
    public static readonly Look PhoneDark = new("phone-dark", Viewports.Phone, ColorScheme.Dark, Media.Screen);
    public static readonly Look Print = new("print", Viewports.Desktop, ColorScheme.Light, Media.Print);

    /// <summary>Both widths in both colour schemes: what a reader on screen can get.</summary>
    public static IReadOnlyList<Look> OnScreen => [DesktopLight, DesktopDark, PhoneLight, PhoneDark];

    public static IReadOnlyList<Look> All => [.. OnScreen, Print];

    public override string ToString() => Name;
}
