namespace ChatTranscripts.BrowserTests.Browser;

/// <summary>One axe-core rule a page breaks, with the elements that break it.</summary>
public sealed record AxeViolation(string Id, string? Impact, string Help, string HelpUrl, IReadOnlyList<AxeNode> Nodes)
{
    public override string ToString() =>
        $"{Id} ({Impact}): {Help} {HelpUrl}{Environment.NewLine}" +
        string.Join(Environment.NewLine, Nodes.Take(5).Select(n => $"    {n.Target}: {n.Html}{Environment.NewLine}      {n.FailureSummary?.ReplaceLineEndings(" ")}")) +
        (Nodes.Count > 5 ? $"{Environment.NewLine}    … and {Nodes.Count - 5} more" : "");
}

/// <summary>An element that breaks a rule: its selector, its markup and what axe says is wrong with it.</summary>
public sealed record AxeNode(string Target, string Html, string? FailureSummary);
