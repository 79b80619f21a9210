using System.Diagnostics.CodeAnalysis;

namespace ChatTranscripts.BrowserTests;

/// <summary>
/// What a test does when a tool from outside .NET (Chromium, Java) is not on this machine: a developer's run skips
/// with a message saying what to install, while CI (<c>CI=true</c>, which installs them) fails, so a broken install
/// step can never pass as a green run with nothing checked.
/// </summary>
public static class RequiredTool
{
    public static bool RunningInCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    [DoesNotReturn]
    public static void Missing(string explanation)
    {
        if (RunningInCi)
        {
            Assert.Fail($"{explanation} CI=true, so this fails instead of skipping: CI must install it.");
        }
        Assert.Skip(explanation);
    }
}
