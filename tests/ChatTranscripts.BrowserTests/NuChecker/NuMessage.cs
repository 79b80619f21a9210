using System.Globalization;

namespace ChatTranscripts.BrowserTests.NuChecker;

/// <summary>One message of the Nu Html Checker's JSON output, enough to find and fix what it found.</summary>
public sealed record NuMessage(string Type, string Message, int? Line, int? Column, string? Extract)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Type} at {Line}:{Column}: {Message}{(Extract is null ? "" : $" — near «{Extract.ReplaceLineEndings(" ")}»")}");
}
